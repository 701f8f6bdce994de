import type { AppConfig } from '@app/config';
import { migrations } from '@app/migrations';
import type { DataSourceOptions } from 'typeorm';
import { ParameterFreeTypeOrmLogger } from './typeorm-logger';

/**
 * The one description of the database connection, shared by the Nest app (which adds its entities
 * via `autoLoadEntities`) and the TypeORM CLI (`data-source.ts`). Schema changes only ever come from
 * migrations.
 */
export function buildDataSourceOptions(config: AppConfig): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.database.url,
    poolSize: config.database.poolSize,
    synchronize: false,
    migrationsRun: false,
    migrations,
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    applicationName: 'eu-talent-pool',
    logging: ['error', 'warn', 'migration'],
    logger: new ParameterFreeTypeOrmLogger(),
    extra: poolTimeouts(config),
  };
}

/**
 * Bounds on every database call: waiting for a pooled connection (a checkout that times out is a
 * 503, see `isDatabaseUnavailable`), a statement, and a transaction left idle. TCP keep-alive lets a
 * connection whose peer vanished fail instead of waiting forever.
 */
export function poolTimeouts(config: AppConfig, { statements = true } = {}): Record<string, unknown> {
  return {
    connectionTimeoutMillis: config.database.checkoutTimeoutMs,
    keepAlive: true,
    ...(statements
      ? {
          statement_timeout: config.database.statementTimeoutMs,
          idle_in_transaction_session_timeout: config.database.statementTimeoutMs,
        }
      : {}),
  };
}
