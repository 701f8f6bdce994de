import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

/** Runs a command as a separate process with only the given environment (and PATH). */
function runCommand(
  command: string,
  args: string[],
  env: Record<string, string> = {},
  cwd = root,
): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? '', ...env } });
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

/** Runs a service entry point from source, as a separate process with the given environment. */
function runEntry(
  entry: string,
  env: Record<string, string>,
  args: string[] = [],
  cwd = root,
): Promise<Exit> {
  const register = ['ts-node/register/transpile-only', 'tsconfig-paths/register'];
  return runCommand(
    process.execPath,
    [...register.flatMap((module) => ['-r', require.resolve(module)]), join(root, entry), ...args],
    { TS_NODE_PROJECT: join(root, 'tsconfig.spec.json'), ...env },
    cwd,
  );
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

describe('the build', () => {
  it('compiles every entry point to runnable JavaScript with the @app aliases resolved', async () => {
    const build = await runCommand(process.execPath, [join(root, 'tools/build.mjs')]);
    expect(build.code).toBe(0);
    expect(build.stdout).toMatch(/\[build\] \d+ of \d+ files compiled/);
    for (const service of ['api', 'worker']) {
      // Loading the entry loads every module it imports before the configuration is read.
      const result = await runCommand(
        process.execPath,
        [join(root, `dist/apps/${service}/src/main.js`)],
        invalid,
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain('Invalid configuration');
      expect(result.stderr).not.toContain('Cannot find module');
    }
  });
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

describe('the command line', () => {
  const folders: string[] = [];
  afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('reads .env as npm start does, and names an unreachable database in one explanation', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'cli-env-'));
    folders.push(folder);
    writeFileSync(
      join(folder, '.env'),
      'DATABASE_URL=postgres://postgres@127.0.0.1:1/from_dot_env\nREDIS_URL=redis://127.0.0.1:6379\n',
    );
    const result = await runEntry(
      'apps/cli/src/main.ts',
      {},
      ['admin:create', '--email', 'a@example.org'],
      folder,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'Cannot reach PostgreSQL (DATABASE_URL=postgres://postgres@127.0.0.1:1/from_dot_env)',
    );
    expect(result.stderr).not.toMatch(/Redis \(REDIS_URL/);
    // One explanation, not a retry loop of stack traces.
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.match(/Cannot reach/g)).toHaveLength(1);
  });
});
