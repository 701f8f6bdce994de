import type { AppConfig } from '@app/config';
import { migrate } from '@app/database';
import { seedShortagesCommand } from './policy.command';
import { ensureShippedData } from './taxonomy.command';

type Log = (line: string) => void;

/**
 * Brings a database to a usable state: schema migrations, then reference data that is missing.
 * Safe to run on every start and from the docker-compose `setup` service.
 */
export async function setup(config: AppConfig, log: Log): Promise<void> {
  await migrate(config, log);
  await ensureShippedData(log);
  await seedShortagesCommand(log);
}
