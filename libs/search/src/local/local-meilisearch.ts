import { inheritedEnvironment } from '@app/config';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { prepareMeilisearchBinary } from './meilisearch-binary';

export interface LocalMeilisearch {
  readonly url: string;
  readonly masterKey: string;
  /** True when this process started the instance (and so stops it). */
  readonly owned: boolean;
  stop(): Promise<void>;
}

export interface LocalMeilisearchOptions {
  /** Folder holding the binary, the master key and the instance's data (git-ignored). */
  dataDir: string;
  /** Sub-folder for this instance; tests use their own so they never touch development data. */
  instance?: string;
  /** Listen on this port instead of a free one (to come back where a stopped instance was). */
  port?: number;
  startTimeoutMs?: number;
}

interface InstanceFile {
  pid: number;
  url: string;
}

/**
 * Reuses the local Meilisearch recorded under `<dataDir>/<instance>` when it is still healthy, or
 * verifies and starts the bundled binary on a free loopback port with a generated master key.
 */
export async function ensureLocalMeilisearch(options: LocalMeilisearchOptions): Promise<LocalMeilisearch> {
  const home = join(options.dataDir, options.instance ?? 'meilisearch');
  await mkdir(home, { recursive: true, mode: 0o700 });
  const masterKey = await readOrCreateMasterKey(join(home, 'master.key'));
  const existing = await readInstance(join(home, 'instance.json'));
  if (existing && isAlive(existing.pid) && (await isHealthy(existing.url))) {
    return { url: existing.url, masterKey, owned: false, stop: () => Promise.resolve() };
  }
  const binary = await prepareMeilisearchBinary(options.dataDir);
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  const logFd = openSync(join(home, 'meilisearch.log'), 'a');
  const child = spawn(
    binary,
    [
      '--db-path',
      join(home, 'data.ms'),
      '--dump-dir',
      join(home, 'dumps'),
      '--snapshot-dir',
      join(home, 'snapshots'),
      '--http-addr',
      `127.0.0.1:${port}`,
      '--no-analytics',
      '--env',
      'development',
    ],
    {
      env: { PATH: inheritedEnvironment().PATH, MEILI_MASTER_KEY: masterKey },
      stdio: ['ignore', logFd, logFd],
    },
  );
  closeSync(logFd);
  await waitUntilHealthy(child, url, options.startTimeoutMs ?? 120_000, join(home, 'meilisearch.log'));
  await writeFile(
    join(home, 'instance.json'),
    JSON.stringify({ pid: child.pid ?? 0, url } satisfies InstanceFile),
  );
  return {
    url,
    masterKey,
    owned: true,
    stop: async () => {
      await stopChild(child);
      await rm(join(home, 'instance.json'), { force: true });
    },
  };
}

async function readOrCreateMasterKey(path: string): Promise<string> {
  const existing = await readFile(path, 'utf8').catch(() => '');
  if (existing.trim().length >= 16) return existing.trim();
  const key = randomBytes(32).toString('base64url');
  await writeFile(path, key, { mode: 0o600 });
  return key;
}

async function readInstance(path: string): Promise<InstanceFile | null> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as InstanceFile;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
    return response.ok;
  } catch {
    return false;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function waitUntilHealthy(child: ChildProcess, url: string, timeoutMs: number, logPath: string) {
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited) break;
    if (await isHealthy(url)) return;
    await delay(100);
  }
  child.kill('SIGKILL');
  const log = await readFile(logPath, 'utf8').catch(() => '');
  throw new Error(
    `Local Meilisearch did not become healthy at ${url}. Last log lines:\n${log.split('\n').slice(-15).join('\n')}`,
  );
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timeout = delay(10_000, 'timeout' as const, { ref: false });
  if ((await Promise.race([exited, timeout])) === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}
