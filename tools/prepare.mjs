// Shared by `npm start` and `npm test`: make a fresh clone runnable without manual steps.
// Only Node built-ins here, because this runs before dependencies are installed.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

export function say(line) {
  process.stdout.write(`[prepare] ${line}\n`);
}

export function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Installs dependencies when node_modules is missing or older than the lockfile. */
export function ensureDependencies() {
  const installed = join(root, 'node_modules/.package-lock.json');
  if (!existsSync(installed) || mtime(join(root, 'package-lock.json')) > mtime(installed)) {
    say('Installing dependencies (npm ci)…');
    run('npm', ['ci', '--no-audit', '--no-fund']);
  }
}

/** Compiles what changed since the last build (tools/build.mjs decides file by file; a no-op takes ~0.1 s). */
export function ensureBuild() {
  run(process.execPath, [join(root, 'tools/build.mjs')]);
}

/** Reads `.env` if present; variables already set in the environment win. */
export function loadDotEnv() {
  const path = join(root, '.env');
  if (!existsSync(path)) return;
  try {
    process.loadEnvFile(path);
  } catch (error) {
    process.stderr.write(`Cannot read .env: ${error.message}\n`);
    process.exit(1);
  }
}

function mtime(path) {
  return existsSync(path) ? statSync(path).mtimeMs : 0;
}
