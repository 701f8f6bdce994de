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
  };
}
