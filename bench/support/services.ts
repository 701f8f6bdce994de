import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface RunningService {
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/**
 * Starts a built service (`npm run build` output) as its own process with this process's
 * environment, which `startIsolatedRun` has pointed at the benchmark's database and prefixes.
 */
export function startBuiltService(name: 'api' | 'worker', env: Record<string, string> = {}): RunningService {
  const main = join(ROOT, 'dist', 'apps', name, 'src', 'main.js');
  if (!existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const child = spawn(process.execPath, [main], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // An interrupted benchmark must not leave the service running.
  process.once('exit', () => child.kill('SIGKILL'));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  return {
    process: child,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Polls `check` every 200 ms until it answers true, or throws after `timeoutMs`. */
export async function until(what: string, check: () => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A check that answers true once `check` has answered true for `forMs` without a break: a worker
 * that has just connected has an empty queue for a moment before its schedules enqueue their
 * first runs (a full re-match, a consistency check).
 */
export function steadily(check: () => Promise<boolean>, forMs: number): () => Promise<boolean> {
  let since: number | undefined;
  return async () => {
    if (!(await check())) {
      since = undefined;
      return false;
    }
    since ??= Date.now();
    return Date.now() - since >= forMs;
  };
}
