import { inheritedEnvironment, type AppConfig } from '@app/config';
import { ensureLocalMeilisearch, type LocalMeilisearch } from '@app/search';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { explainUnreachableServices } from '../preflight';
import { setup } from './setup.command';

const SERVICES = {
  api: 'dist/apps/api/src/main.js',
  worker: 'dist/apps/worker/src/main.js',
  web: 'dist/apps/web/src/main.js',
} as const;

/**
 * Starts the whole platform from a built checkout: checks Postgres and Redis, runs setup, starts the
 * bundled Meilisearch when MEILI_URL is unset, then runs the API, the worker and the web front end
 * until interrupted.
 */
export async function start(config: AppConfig): Promise<void> {
  const log = (line: string) => process.stdout.write(`[start] ${line}\n`);
  const problem = await explainUnreachableServices(config);
  if (problem) {
    process.stderr.write(`\n${problem}\n\n`);
    process.exit(1);
  }
  await setup(config, log);

  let meilisearch: LocalMeilisearch | undefined;
  const env = inheritedEnvironment();
  // Without a configured secret each process would sign with its own random one; keep one locally
  // so tokens survive restarts of a development platform.
  env.JWT_SECRET ??= await readOrCreateSecret(join(config.dataDir, 'jwt.secret'));
  if (!config.search.url) {
    log('Starting the bundled Meilisearch (checksum verified)…');
    meilisearch = await ensureLocalMeilisearch({ dataDir: config.dataDir });
    env.MEILI_URL = meilisearch.url;
    env.MEILI_MASTER_KEY = meilisearch.masterKey;
    log(`Meilisearch ${meilisearch.owned ? 'started' : 'already running'} at ${meilisearch.url}`);
  }

  const children = Object.entries(SERVICES).map(([name, entry]) => {
    const path = join(process.cwd(), entry);
    if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
    return {
      name,
      process: spawn(process.execPath, [path], { env, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] }),
    };
  });

  let stopping = false;
  const stopAll = async (exitCode: number) => {
    if (stopping) return;
    stopping = true;
    log('Stopping…');
    await Promise.all(children.map((child) => stopChild(child.process)));
    await meilisearch?.stop();
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));
  if (process.connected) process.once('disconnect', () => void stopAll(0));
  for (const child of children) {
    child.process.once('exit', (code) => {
      if (stopping) return;
      process.stderr.write(`[start] ${child.name} exited with code ${code}; stopping the platform\n`);
      void stopAll(1);
    });
  }

  const base = `http://${config.http.host === '0.0.0.0' ? '127.0.0.1' : config.http.host}:${config.http.port}`;
  const webBase = `http://${config.web.host === '0.0.0.0' ? '127.0.0.1' : config.web.host}:${config.web.port}`;
  log('Waiting for the API to be ready (services up, taxonomy search indexes built)…');
  if (await waitForReady(`${base}/api/v1/health/ready`, READY_TIMEOUT_MS)) {
    process.stdout.write(
      [
        '',
        'EU Talent Pool is running:',
        `  Web      ${webBase}/`,
        `  API      ${base}/api/v1`,
        `  Docs     ${base}/api/docs   (OpenAPI: ${base}/api/v1/openapi.json)`,
        `  Health   ${base}/api/v1/health   (readiness: ${base}/api/v1/health/ready)`,
        `  Search   ${env.MEILI_URL ?? config.search.url}`,
        'Press Ctrl+C to stop.',
        '',
      ].join('\n') + '\n',
    );
  } else {
    process.stderr.write(
      `[start] The API did not report ready at ${base}/api/v1/health/ready within ${READY_TIMEOUT_MS / 1000} s; ` +
        'it keeps running, see that address for what is missing\n',
    );
  }
}

async function readOrCreateSecret(path: string): Promise<string> {
  const existing = await readFile(path, 'utf8').catch(() => '');
  if (existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(48).toString('base64url');
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, secret, { mode: 0o600 });
  return secret;
}

/** A first start builds the taxonomy indexes in the worker; a busy machine needs a few minutes. */
const READY_TIMEOUT_MS = 300_000;

async function waitForReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await delay(300);
  }
  return false;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await Promise.race([exited, delay(15_000, undefined, { ref: false }).then(() => child.kill('SIGKILL'))]);
}
