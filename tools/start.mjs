#!/usr/bin/env node
// `npm start`: installs and builds when needed, then hands over to the CLI's `start` command
// (migrations, reference data, Meilisearch, API and worker).
import { spawn } from 'node:child_process';
import { ensureBuild, ensureDependencies, ensureSupportedNode, loadDotEnv, root, say } from './prepare.mjs';

process.chdir(root);
loadDotEnv();
ensureDependencies();
await ensureSupportedNode();
say(`Node.js ${process.version}`);
ensureBuild();

const cli = spawn(process.execPath, ['dist/apps/cli/src/main.js', 'start'], {
  // The IPC channel lets the platform stop itself if this launcher is killed.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cli.kill(signal));
// Started again on the pinned Node.js by a launcher that has gone away.
if (process.connected) process.once('disconnect', () => cli.kill('SIGTERM'));
cli.on('exit', (code) => process.exit(code ?? 1));
