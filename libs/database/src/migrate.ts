import type { AppConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { ensureDatabase } from './database-admin';
import { buildDataSourceOptions, poolTimeouts } from './data-source-options';

type Log = (line: string) => void;

/** Creates the database when missing and applies pending migrations; reports what it applied. */
export async function migrate(config: AppConfig, log: Log = () => undefined): Promise<string[]> {
  if (await ensureDatabase(config.database.url)) log('Created database');
  return withDataSource(config, async (dataSource) => {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    const names = applied.map((migration) => migration.name);
    log(
      names.length
        ? `Applied ${names.length} migration(s): ${names.join(', ')}`
        : 'Database schema is up to date',
    );
    return names;
  });
}

export async function revertLastMigration(config: AppConfig, log: Log = () => undefined): Promise<void> {
  await withDataSource(config, (dataSource) => dataSource.undoLastMigration({ transaction: 'each' }));
  log('Reverted the last migration');
}

async function withDataSource<T>(
  config: AppConfig,
  work: (dataSource: DataSource) => Promise<T>,
): Promise<T> {
  const dataSource = await new DataSource({
    ...buildDataSourceOptions(config),
    // A migration rebuilding an index on a large table may rightly run longer than any request.
    extra: poolTimeouts(config, { statements: false }),
    logging: ['error'],
  }).initialize();
  try {
    return await work(dataSource);
  } finally {
    await dataSource.destroy();
  }
}
