import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { type AccountFactory, strongPassword, uniqueEmail, type SignedInAccount } from './account.factory';

export interface RegisteredEmployer {
  organisationId: string;
  user: SignedInAccount;
}

export function registrationBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    legalName: `Scheepswerf ${randomUUID().slice(0, 6)} B.V.`,
    memberState: 'NL',
    registrationNumber: `KVK ${randomUUID().replace(/\D/g, '').slice(0, 8)}`,
    entityType: 'employer',
    contact: { name: 'Ana Lopes', email: uniqueEmail('employer'), phone: '+31 20 123 4567' },
    description: 'Shipbuilding and ship repair in the port of Rotterdam.',
    ...overrides,
  };
}

/** Employers through the real flows: public registration, invitation link, NCP verification. */
export class EmployerFactory {
  constructor(
    private readonly app: NestExpressApplication,
    private readonly accounts: AccountFactory,
  ) {}

  async registered(overrides: Record<string, unknown> = {}): Promise<RegisteredEmployer> {
    const body = registrationBody(overrides);
    await this.http().post('/api/v1/employers').send(body).expect(202);
    const email = (body.contact as { email: string }).email;
    const token = await this.accounts.mailedToken(email, 'identity.invitation');
    const password = strongPassword();
    await this.http().post('/api/v1/auth/password-reset/confirm').send({ token, password }).expect(204);
    const tokens = await this.accounts.login(email, password);
    const me = await this.http().get('/api/v1/me').auth(tokens.accessToken, { type: 'bearer' }).expect(200);
    return {
      organisationId: me.body.organisationId,
      user: { id: me.body.id, email, password, role: 'employer', ...tokens },
    };
  }

  async verified(ncp: SignedInAccount, overrides: Record<string, unknown> = {}): Promise<RegisteredEmployer> {
    const employer = await this.registered(overrides);
    await this.setStatus(ncp, employer.organisationId, 'verified').expect(200);
    return employer;
  }

  setStatus(
    ncp: SignedInAccount,
    organisationId: string,
    status: string,
    reason = 'Checked against the register',
  ) {
    return this.http()
      .post(`/api/v1/employers/${organisationId}/status`)
      .auth(ncp.accessToken, { type: 'bearer' })
      .send({ status, reason });
  }

  private http() {
    return request(this.app.getHttpServer());
  }
}
