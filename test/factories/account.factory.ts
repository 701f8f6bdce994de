import { SYSTEM_ACTOR } from '@app/audit';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { EmployerRegistrations } from '@app/employers';
import { AccountProvisioning, Authentication, type AccountRole, type Principal } from '@app/identity';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { DRAIN_DEADLINE_MS } from '../utils/deadlines';
import { waitFor } from '../utils/wait-for';

export interface SignedInAccount {
  id: string;
  email: string;
  password: string;
  role: AccountRole;
  accessToken: string;
  refreshToken: string;
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomUUID().slice(0, 12)}@example.org`;
}

export function strongPassword(): string {
  return `Tp-${randomUUID()}-ok`;
}

/**
 * Real accounts through the real flows: candidates register and choose their password by the mailed link,
 * invited users set their password through the invitation link, administrators come from the
 * same service the CLI bootstrap uses.
 */
export class AccountFactory {
  private readonly dataSource: DataSource;
  private readonly config: AppConfig;

  constructor(private readonly app: NestExpressApplication) {
    this.dataSource = app.get<DataSource>(getDataSourceToken());
    this.config = app.get<AppConfig>(APP_CONFIG);
  }

  async admin(): Promise<SignedInAccount> {
    const email = uniqueEmail('admin');
    const password = strongPassword();
    const account = await this.app.get(AccountProvisioning).createAdmin({ email, password }, SYSTEM_ACTOR);
    return { id: account.id, email, password, role: 'admin', ...(await this.login(email, password)) };
  }

  async candidate(): Promise<SignedInAccount> {
    const email = uniqueEmail('candidate');
    const password = strongPassword();
    await this.http().post('/api/v1/auth/register').send({ email }).expect(202);
    const token = await this.mailedToken(email, 'identity.verify-email');
    await this.http().post('/api/v1/auth/verify-email').send({ token, password }).expect(204);
    return this.signIn(email, password, 'candidate');
  }

  async ncp(admin: SignedInAccount, memberState = 'FR'): Promise<SignedInAccount> {
    const email = uniqueEmail('ncp');
    await this.http()
      .post('/api/v1/admin/accounts/ncp')
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ email, memberState })
      .expect(201);
    return this.acceptInvitation(email, 'ncp');
  }

  async employer(admin: SignedInAccount, options: { isOrganisationAdmin?: boolean } = {}) {
    const email = uniqueEmail('employer');
    await this.app.get(EmployerRegistrations).inviteUser(
      await this.principalOf(admin),
      {
        email,
        organisation: { name: `Bouw ${randomUUID().slice(0, 6)} BV`, countryCode: 'NL' },
        isOrganisationAdmin: options.isOrganisationAdmin ?? true,
      },
      { ip: '127.0.0.1' },
    );
    return this.acceptInvitation(email, 'employer');
  }

  /** A colleague invited by an organisation administrator through the API, signed in. */
  async colleague(organisationAdmin: SignedInAccount, role: 'organisation_admin' | 'recruiter') {
    const email = uniqueEmail('colleague');
    await this.http()
      .post('/api/v1/employers/me/colleagues')
      .auth(organisationAdmin.accessToken, { type: 'bearer' })
      .send({ email, role })
      .expect(201);
    return this.acceptInvitation(email, 'employer');
  }

  async login(email: string, password: string): Promise<{ accessToken: string; refreshToken: string }> {
    const response = await this.http().post('/api/v1/auth/login').send({ email, password }).expect(200);
    return { accessToken: response.body.accessToken, refreshToken: response.body.refreshToken };
  }

  /**
   * The token of the newest mail of this template to this address (from the table or the mailbox),
   * waiting for mails the worker writes (password resets).
   */
  async mailedToken(email: string, template: string): Promise<string> {
    const message = await waitFor(
      async () => {
        const [row]: { id: string; text_body: string | null }[] = await this.dataSource.query(
          `SELECT id, text_body FROM mail_messages WHERE to_address = $1 AND template = $2
            ORDER BY created_at DESC LIMIT 1`,
          [email, template],
        );
        if (!row) throw new Error(`No ${template} mail to ${email} yet`);
        return row;
      },
      { timeoutMs: 60_000, what: `a ${template} mail` },
    );
    const text = message.text_body ?? (await this.mailboxFile(message.id)).text;
    const match = /[?&]token=([A-Za-z0-9_-]+)/.exec(text);
    if (!match) throw new Error(`No token in the ${template} mail`);
    return match[1];
  }

  /** Waits for the worker to deliver the message into the mailbox folder. */
  mailboxFile(messageId: string): Promise<{ to: string; subject: string; text: string }> {
    return waitFor(
      async () => JSON.parse(await readFile(join(this.config.mail.mailboxDir, `${messageId}.json`), 'utf8')),
      // Delivery goes through the outbox relay and the mail queue.
      { timeoutMs: DRAIN_DEADLINE_MS, what: `mail ${messageId} in the mailbox` },
    );
  }

  private async acceptInvitation(email: string, role: AccountRole): Promise<SignedInAccount> {
    const password = strongPassword();
    const token = await this.mailedToken(email, 'identity.invitation');
    await this.http().post('/api/v1/auth/password-reset/confirm').send({ token, password }).expect(204);
    return this.signIn(email, password, role);
  }

  private async signIn(email: string, password: string, role: AccountRole): Promise<SignedInAccount> {
    const tokens = await this.login(email, password);
    const me = await this.http().get('/api/v1/me').auth(tokens.accessToken, { type: 'bearer' }).expect(200);
    return { id: me.body.id, email, password, role, ...tokens };
  }

  private async principalOf(account: SignedInAccount): Promise<Principal> {
    const principal = await this.app.get(Authentication).authenticate(account.accessToken);
    if (!principal) throw new Error('The account is not signed in');
    return principal;
  }

  private http() {
    return request(this.app.getHttpServer());
  }
}
