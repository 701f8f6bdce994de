import { CredentialRetention } from '@app/identity';
import { MailOutbox } from '@app/mail';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { uniqueEmail } from './factories/account.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';

describe('retention of spent credentials and sent mail', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let accountId: string;

  const ago = (days: number) => `now() - interval '${days} days'`;

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    [{ id: accountId }] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO accounts (email, password_hash, role) VALUES ($1, 'not-a-hash', 'candidate') RETURNING id`,
      [uniqueEmail()],
    );
  });

  afterAll(() => closeApp(sut));

  it('deletes tokens, sessions and refresh tokens past their retention, and keeps the rest', async () => {
    const token = (label: string, expires: string, used: string | null) =>
      dataSource.query(
        `INSERT INTO account_tokens (account_id, purpose, token_hash, expires_at, used_at)
         VALUES ($1, 'password_reset', $2, ${expires}, ${used ?? 'NULL'})`,
        [accountId, label],
      );
    await token('used-8-days-ago', "now() + interval '1 day'", ago(8));
    await token('expired-8-days-ago', ago(8), null);
    await token('expired-2-days-ago', ago(2), null);
    await token('live', "now() + interval '1 hour'", null);

    const session = async (label: string, created: string, revoked: string | null) => {
      const [{ id }] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO auth_sessions (account_id, created_at, revoked_at, revoke_reason)
         VALUES ($1, ${created}, ${revoked ?? 'NULL'}, $2) RETURNING id`,
        [accountId, label],
      );
      return id;
    };
    const refresh = (sessionId: string, label: string, expires: string) =>
      dataSource.query(
        `INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, $2, ${expires})`,
        [sessionId, label],
      );
    const revokedLongAgo = await session('revoked-31-days-ago', ago(60), ago(31));
    await refresh(revokedLongAgo, 'of-revoked-long-ago', "now() + interval '1 day'");
    await session('revoked-2-days-ago', ago(60), ago(2));
    const lapsed = await session('lapsed', ago(90), null);
    await refresh(lapsed, 'lapsed-31-days-ago', ago(31));
    const open = await session('open', ago(90), null);
    await refresh(open, 'rotated-31-days-ago', ago(31));
    await refresh(open, 'current', "now() + interval '20 days'");
    await session('just-created', 'now()', null);

    const purged = await sut.get(CredentialRetention).purgeSpent();

    expect(purged).toEqual({ accountTokens: 2, sessions: 2, refreshTokens: 1 });
    expect(await dataSource.query(`SELECT token_hash FROM account_tokens ORDER BY token_hash`)).toEqual([
      { token_hash: 'expired-2-days-ago' },
      { token_hash: 'live' },
    ]);
    expect(
      (await dataSource.query<{ revoke_reason: string }[]>('SELECT revoke_reason FROM auth_sessions'))
        .map((row) => row.revoke_reason)
        .sort(),
    ).toEqual(['just-created', 'open', 'revoked-2-days-ago']);
    expect(await dataSource.query('SELECT token_hash FROM refresh_tokens')).toEqual([
      { token_hash: 'current' },
    ]);
    // Running again finds nothing more: the job may run on several workers or twice.
    expect(await sut.get(CredentialRetention).purgeSpent()).toEqual({
      accountTokens: 0,
      sessions: 0,
      refreshTokens: 0,
    });
  });

  it('deletes sent mail past its retention, and never a message still to be sent', async () => {
    const mail = (label: string, sent: string | null, created: string) =>
      dataSource.query(
        `INSERT INTO mail_messages (template, to_address, subject, created_at, sent_at)
         VALUES ('probe', $1, 'Probe', ${created}, ${sent ?? 'NULL'})`,
        [label],
      );
    await mail('sent-31-days-ago', ago(31), ago(31));
    await mail('sent-2-days-ago', ago(2), ago(2));
    await mail('unsent-60-days-ago', null, ago(60));

    expect(await sut.get(MailOutbox).purgeSent()).toBe(1);
    expect(
      (await dataSource.query<{ to_address: string }[]>('SELECT to_address FROM mail_messages'))
        .map((row) => row.to_address)
        .sort(),
    ).toEqual(['sent-2-days-ago', 'unsent-60-days-ago']);
  });
});
