import 'reflect-metadata';
import { loadConfig, runService } from '@app/config';
import { explainUnreachableServices, type RequiredService } from './preflight';
import { migrate, revertLastMigration } from '@app/database';
import { checkCandidatesIndexCommand, reindexCandidatesCommand } from './commands/candidates.command';
import { checkConsistencyCommand } from './commands/consistency.command';
import { createAdmin } from './commands/create-admin.command';
import { setup } from './commands/setup.command';
import { start } from './commands/start.command';
import { reindexVacanciesCommand, seedShortagesCommand } from './commands/policy.command';
import { importTaxonomyCommand, seedReferenceDataCommand } from './commands/taxonomy.command';

interface Command {
  describe: string;
  run: (args: string[]) => Promise<void>;
  /** Checked before the command runs, so a service that is down is one explanation, not retries. */
  needs?: readonly RequiredService[];
}

const POSTGRES_ONLY = ['postgres'] as const;

const COMMANDS: Record<string, Command> = {
  start: {
    describe: 'setup, start Meilisearch if needed, run API and worker',
    run: () => start(loadConfig()),
  },
  setup: {
    describe: 'apply migrations and load missing reference data',
    run: () => setup(loadConfig(), console.log),
  },
  migrate: {
    describe: 'create the database if needed and apply pending migrations',
    needs: POSTGRES_ONLY,
    run: async () => void (await migrate(loadConfig(), console.log)),
  },
  'taxonomy:import': {
    describe: 'import an ESCO release: [folder] [--version vX.Y.Z] (default: the shipped data/esco)',
    run: (args) => importTaxonomyCommand(args),
  },
  'reference:seed': {
    describe: 'load countries, languages and Member States from data/reference',
    run: () => seedReferenceDataCommand(),
  },
  'shortages:seed': {
    describe: 'add the shortage sectors and, once, the shipped EURES 2022 seed list (EU layer)',
    run: () => seedShortagesCommand(),
  },
  'vacancies:reindex': {
    describe: 'queue a rebuild of the vacancies search index (the worker runs it)',
    run: () => reindexVacanciesCommand(),
  },
  'migrate:revert': {
    describe: 'revert the last applied migration',
    needs: POSTGRES_ONLY,
    run: () => revertLastMigration(loadConfig(), console.log),
  },
  'admin:create': {
    describe: 'create an administrator: --email <address> (password from ADMIN_PASSWORD or a prompt)',
    run: (args) => createAdmin(args),
  },
  'candidates:reindex': {
    describe: 'rebuild the candidates search index from PostgreSQL (new index, then swap)',
    run: () => reindexCandidatesCommand(),
  },
  'candidates:check-index': {
    describe: 'report drift between PostgreSQL and the candidates index: [--repair] fixes it',
    run: (args) => checkCandidatesIndexCommand(args),
  },
  'consistency:check': {
    describe: 'compare PostgreSQL with every search index and the matches: [--repair] fixes drift',
    run: (args) => checkConsistencyCommand(args),
  },
};

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  const usage = Object.entries(COMMANDS).map(([key, value]) => `  ${key.padEnd(24)} ${value.describe}`);
  process.stderr.write(`Usage: talentpool <command>\n\nCommands:\n${usage.join('\n')}\n`);
  process.exit(name ? 2 : 0);
} else {
  runService(name, async () => {
    // `start` explains unreachable services itself, before it prints anything else.
    const problem = name === 'start' ? null : await explainUnreachableServices(loadConfig(), command.needs);
    if (problem) {
      process.stderr.write(`\n${problem}\n\n`);
      process.exit(1);
    }
    await command.run(args);
    if (name !== 'start') process.exit(0);
  });
}
