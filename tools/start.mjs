#!/usr/bin/env node
// `npm start`: installs dependencies when needed, builds when sources changed, then hands over to
// the CLI's `start` command (migrations, Meilisearch, API and worker). Only Node built-ins here,
// because this runs before dependencies are installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
process.chdir(root);
loadDotEnv();

const say = (line) => process.stdout.write(`[start] ${line}\n`);
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

const installed = 'node_modules/.package-lock.json';
if (!existsSync(installed) || mtime('package-lock.json') > mtime(installed)) {
  say('Installing dependencies (npm ci)…');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}

const stamp = 'dist/.build-stamp';
if (!existsSync(stamp) || newestSource() > mtime(stamp)) {
  say('Building API, worker and CLI…');
  run('npm', ['run', '--silent', 'build']);
}

const cli = spawn(process.execPath, ['dist/apps/cli/apps/cli/src/main.js', 'start'], {
  // The IPC channel lets the platform stop itself if this launcher is killed.
  stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => cli.kill(signal));
cli.on('exit', (code) => process.exit(code ?? 1));

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}

function newestSource() {
  let newest = Math.max(mtime('package-lock.json'), mtime('tsconfig.json'));
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts')) newest = Math.max(newest, mtime(path));
    }
  };
  for (const dir of ['apps', 'libs', 'migrations']) if (existsSync(dir)) walk(dir);
  return newest;
}

/** Reads `.env` if present (variables already set in the environment win). */
function loadDotEnv() {
  if (!existsSync('.env')) return;
  try {
    process.loadEnvFile('.env');
  } catch (error) {
    process.stderr.write(`Cannot read .env: ${error.message}\n`);
    process.exit(1);
  }
}
