import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..');

// Each case starts a process that compiles the entry point from source first: on a busy machine that
// takes minutes, and the process is killed well inside jest's test timeout (jest.config.js).
const PROCESS_DEADLINE_MS = 240_000;

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a service entry point from source, as a separate process with the given environment. */
function runEntry(entry: string, env: Record<string, string>, args: string[] = []): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(root, entry), ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? '', TS_NODE_PROJECT: join(root, 'tsconfig.spec.json'), ...env },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), PROCESS_DEADLINE_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const invalid = {
  API_PORT: '99999',
  DATABASE_URL: 'mysql://localhost/x',
  REDIS_URL: 'localhost:6379',
  LOG_LEVEL: 'loud',
};

describe('booting with an invalid configuration', () => {
  it.each(['apps/api/src/main.ts', 'apps/worker/src/main.ts'])(
    '%s exits non-zero listing every bad variable before touching any service',
    async (entry) => {
      const result = await runEntry(entry, invalid);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Invalid configuration');
      for (const name of Object.keys(invalid)) expect(result.stderr).toContain(`- ${name}:`);
      expect(result.stdout).not.toContain('Nest application successfully started');
    },
  );
});

describe('starting without Postgres or Redis', () => {
  it('exits explaining how to start them', async () => {
    const result = await runEntry(
      'apps/cli/src/main.ts',
      {
        DATABASE_URL: 'postgres://postgres@127.0.0.1:1/talentpool',
        REDIS_URL: 'redis://127.0.0.1:1',
      },
      ['start'],
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Cannot reach PostgreSQL .* and Redis/);
    expect(result.stderr).toContain('docker compose up');
    expect(result.stdout).not.toContain('EU Talent Pool is running');
  });
});
