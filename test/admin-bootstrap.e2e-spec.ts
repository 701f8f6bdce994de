import { loadConfig } from '@app/config';
import { databaseName } from '@app/database';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { strongPassword, uniqueEmail } from './factories/account.factory';

const root = join(__dirname, '..');

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The CLI from source, as an operator runs it: this run's services, optional stdin. */
function runCli(args: string[], env: Record<string, string>, stdin?: string): Promise<Exit> {
  const config = loadConfig();
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '-r',
        'ts-node/register/transpile-only',
        '-r',
        'tsconfig-paths/register',
        join(root, 'apps/cli/src/main.ts'),
        ...args,
      ],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? '',
          TS_NODE_PROJECT: join(root, 'tsconfig.spec.json'),
          NODE_ENV: 'test',
          LOG_LEVEL: 'silent',
          DATABASE_URL: config.database.url,
          REDIS_URL: config.redis.url,
          QUEUE_PREFIX: config.queue.prefix,
          ARGON2_MEMORY_KIB: String(config.auth.argon2.memoryKib),
          ARGON2_TIME_COST: String(config.auth.argon2.timeCost),
          ...env,
        },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(stdin ?? '');
    // Starting the CLI from source takes seconds, or minutes on a busy machine; killed well inside
    // jest's test timeout (jest.config.js).
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('admin:create', () => {
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: loadConfig().database.url });
    await db.connect();
    expect(databaseName(loadConfig().database.url)).toContain('_test_');
  });

  afterAll(() => db.end());

  async function adminRow(email: string) {
    const { rows } = await db.query<{ id: string; role: string; verified: boolean; hash: string }>(
      `SELECT id, role, email_verified_at IS NOT NULL AS verified, password_hash AS hash FROM accounts WHERE email = $1`,
      [email],
    );
    return rows[0];
  }

  it('creates an administrator with the password from ADMIN_PASSWORD, and audits it', async () => {
    const email = uniqueEmail('root');
    const exit = await runCli(['admin:create', '--email', email.toUpperCase()], {
      ADMIN_PASSWORD: strongPassword(),
    });
    expect(exit).toMatchObject({ code: 0 });
    const row = await adminRow(email);
    expect(row).toMatchObject({
      role: 'admin',
      verified: true,
      hash: expect.stringMatching(/^\$argon2id\$/),
    });
    expect(exit.stdout).toContain(`Created administrator ${row.id}`);
    expect(exit.stdout + exit.stderr).not.toContain(email);
    const { rows } = await db.query(
      `SELECT actor_role FROM audit_events WHERE action = 'account.admin_created' AND target_id = $1`,
      [row.id],
    );
    expect(rows).toEqual([{ actor_role: 'system' }]);
  });

  it('reads the password from stdin when ADMIN_PASSWORD is unset', async () => {
    const email = uniqueEmail('root');
    const exit = await runCli(['admin:create', `--email=${email}`], {}, `${strongPassword()}\n`);
    expect(exit.code).toBe(0);
    expect(await adminRow(email)).toMatchObject({ role: 'admin' });
  });

  it('refuses a weak password', async () => {
    const email = uniqueEmail('root');
    const weak = await runCli(['admin:create', '--email', email], { ADMIN_PASSWORD: 'password123' });
    expect(weak.code).not.toBe(0);
    expect(weak.stderr).toContain('password rules');
    expect(await adminRow(email)).toBeUndefined();
  });

  it('refuses an address that is taken', async () => {
    const email = uniqueEmail('root');
    const password = strongPassword();
    expect((await runCli(['admin:create', '--email', email], { ADMIN_PASSWORD: password })).code).toBe(0);
    const taken = await runCli(['admin:create', '--email', email], { ADMIN_PASSWORD: password });
    expect(taken.code).not.toBe(0);
    expect(taken.stderr).toContain('already exists');
  });

  it('explains its usage when the email is missing', async () => {
    const usage = await runCli(['admin:create'], { ADMIN_PASSWORD: strongPassword() });
    expect(usage.code).not.toBe(0);
    expect(usage.stderr).toContain('Usage: admin:create --email');
  });
});
