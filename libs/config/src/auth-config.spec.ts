import { ConfigError, loadConfig } from './load-config';

const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    return error instanceof ConfigError ? error.problems : [String(error)];
  }
};

describe('authentication and mail configuration', () => {
  const linkSecret = { LINK_SIGNING_SECRET: 'l'.repeat(32) };

  it('refuses to start in production without a JWT secret', () => {
    expect(problemsOf({ NODE_ENV: 'production', ...linkSecret })).toEqual([
      'JWT_SECRET: required in production',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'short', ...linkSecret })).toEqual([
      'JWT_SECRET: must be at least 32 characters',
    ]);
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), ...linkSecret })).toEqual([]);
  });

  it('refuses to start in production without a link signing secret, and shares one elsewhere', () => {
    expect(problemsOf({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) })).toEqual([
      'LINK_SIGNING_SECRET: required in production',
    ]);
    // API and worker load the configuration separately and must sign and verify with the same key.
    expect(loadConfig({}).notifications.linkSigningSecret).toBe(
      loadConfig({}).notifications.linkSigningSecret,
    );
    expect(loadConfig({ DATABASE_URL: 'postgres://x@h/other' }).notifications.linkSigningSecret).not.toBe(
      loadConfig({}).notifications.linkSigningSecret,
    );
  });

  it('generates a random secret per process outside production', () => {
    const first = loadConfig({}).auth.jwtSecret;
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(loadConfig({}).auth.jwtSecret).not.toBe(first);
  });

  it('needs SMTP_URL for the SMTP transport and defaults to the local mailbox', () => {
    expect(problemsOf({ MAIL_TRANSPORT: 'smtp' })).toEqual(['SMTP_URL: required when MAIL_TRANSPORT=smtp']);
    const config = loadConfig({ DATA_DIR: '/tmp/tp' });
    expect(config.mail).toMatchObject({ transport: 'mailbox', mailboxDir: '/tmp/tp/mailbox' });
  });

  it('uses strong argon2id defaults', () => {
    expect(loadConfig({}).auth.argon2).toEqual({ memoryKib: 19456, timeCost: 2 });
  });
});
