import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import type { SignedInAccount } from '../factories/account.factory';
import type { RegisteredEmployer } from '../factories/employer.factory';

export const CONSENT_VERSION = 'contact-consent-2026-12';

/** The contact steps through the real API, for specs that walk several of them. */
export class ContactSteps {
  constructor(private readonly app: NestExpressApplication) {}

  private http() {
    return request(this.app.getHttpServer());
  }

  apply(candidate: SignedInAccount, vacancyId: string, body: Record<string, unknown> = {}) {
    return this.http()
      .post('/api/v1/candidates/me/applications')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ vacancyId, consentVersion: CONSENT_VERSION, ...body });
  }

  request(
    employer: RegisteredEmployer,
    vacancyId: string,
    referenceCode: string,
    message = 'Would you like to talk?',
  ) {
    return this.http()
      .post(`/api/v1/vacancies/${vacancyId}/contact-requests`)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ referenceCode, message });
  }

  answer(
    candidate: SignedInAccount,
    contactId: string,
    action: 'accept' | 'decline' | 'withdraw',
    body = {},
  ) {
    return this.http()
      .post(`/api/v1/candidates/me/contacts/${contactId}/${action}`)
      .auth(candidate.accessToken, { type: 'bearer' })
      .send(action === 'accept' ? { consentVersion: CONSENT_VERSION, ...body } : body);
  }

  pipelineEntry(employer: RegisteredEmployer, vacancyId: string, referenceCode: string) {
    return this.http()
      .get(`/api/v1/vacancies/${vacancyId}/pipeline/${referenceCode}`)
      .auth(employer.user.accessToken, { type: 'bearer' });
  }

  pipeline(employer: RegisteredEmployer, vacancyId: string) {
    return this.http()
      .get(`/api/v1/vacancies/${vacancyId}/pipeline`)
      .auth(employer.user.accessToken, { type: 'bearer' });
  }

  ownContacts(candidate: SignedInAccount, query = '') {
    return this.http()
      .get(`/api/v1/candidates/me/contacts${query}`)
      .auth(candidate.accessToken, { type: 'bearer' });
  }
}
