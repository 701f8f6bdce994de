#!/usr/bin/env node
// `npm start`: installs and builds when needed, then hands over to the CLI's `start` command
// (migrations, reference data, Meilisearch, API and worker).
import { spawn } from 'node:child_process';
import { ensureBuild, ensureDependencies, loadDotEnv, root } from './prepare.mjs';

process.chdir(root);
loadDotEnv();
ensureDependencies();
ensureBuild();

const cli = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], {
  // The IPC channel lets the platform stop itself if this launcher is killed.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cli.kill(signal));
cli.on('exit', (code) => process.exit(code ?? 1));
