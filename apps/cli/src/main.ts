import 'reflect-metadata';
import { loadConfig, runService } from '@app/config';
import { migrate, revertLastMigration } from '@app/database';
import { checkCandidatesIndexCommand, reindexCandidatesCommand } from './commands/candidates.command';
import { createAdmin } from './commands/create-admin.command';
import { setup } from './commands/setup.command';
import { start } from './commands/start.command';
import { reindexVacanciesCommand, seedShortagesCommand } from './commands/policy.command';
import { importTaxonomyCommand, seedReferenceDataCommand } from './commands/taxonomy.command';

const COMMANDS: Record<string, { describe: string; run: (args: string[]) => Promise<void> }> = {
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
};

const [name, ...args] = process.argv.slice(2);
const command = name ? COMMANDS[name] : undefined;
if (!command) {
  const usage = Object.entries(COMMANDS).map(([key, value]) => `  ${key.padEnd(16)} ${value.describe}`);
  process.stderr.write(`Usage: talentpool <command>\n\nCommands:\n${usage.join('\n')}\n`);
  process.exit(name ? 2 : 0);
} else {
  runService(name, async () => {
    await command.run(args);
    if (name !== 'start') process.exit(0);
  });
}
