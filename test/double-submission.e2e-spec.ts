import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { uniqueEmail } from './factories/account.factory';
import { CandidateFactory } from './factories/candidate.factory';
import { registrationBody } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { ContactSteps } from './utils/contacts';
import { SETUP_TIMEOUT_MS } from './utils/deadlines';
import { resetWithVerifiedEmployer, type VerifiedEmployerWorld } from './utils/world';

/** How many copies of one request are sent at the same moment. */
const COPIES = 5;

/**
 * The same request sent several times at once (a double click, a retry racing the first attempt)
 * is answered as if the copies came one after the other: one succeeds, each other copy gets what a
 * second attempt gets (a 409 naming the conflict, or the same answer where the API never tells),
 * never a failure, and exactly one record is created.
 */
describe('double submissions', () => {
  let sut: NestExpressApplication;
  let world: VerifiedEmployerWorld;
  let candidates: CandidateFactory;
  let steps: ContactSteps;
  const http = () => request(sut.getHttpServer());
  const count = async (sql: string, parameters: unknown[]) =>
    (await world.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, parameters))[0].n;

  /** The answers of `COPIES` copies sent at once, as "status" or "status CODE", sorted. */
  async function atOnce(send: () => request.Test): Promise<string[]> {
    const answers = await Promise.all(Array.from({ length: COPIES }, () => send()));
    return answers
      .map((answer) => {
        const code = (answer.body as { error?: { code?: string } }).error?.code;
        return code ? `${answer.status} ${code}` : String(answer.status);
      })
      .sort();
  }

  const oneThen = (first: string, others: string) => [first, ...Array<string>(COPIES - 1).fill(others)].sort();

  beforeAll(async () => {
    sut = await createApiApp();
    world = await resetWithVerifiedEmployer(sut);
    candidates = new CandidateFactory(sut);
    steps = new ContactSteps(sut);
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await closeApp(sut);
  });

  it('applies once to a vacancy, and an organisation asks a candidate once', async () => {
    const vacancyId = await new VacancyFactory(sut).published(world.employer);
    const applicant = await candidates.active();
    expect(await atOnce(() => steps.apply(applicant, vacancyId))).toEqual(oneThen('201', '409 CONTACT_EXISTS'));
    expect(await count('contacts WHERE vacancy_id = $1 AND candidate_id = $2', [vacancyId, applicant.candidateId])).toBe(1);
    expect(await count('consent_receipts WHERE vacancy_id = $1 AND candidate_id = $2', [vacancyId, applicant.candidateId])).toBe(1);

    const asked = await candidates.active();
    expect(await atOnce(() => steps.request(world.employer, vacancyId, asked.referenceCode))).toEqual(
      oneThen('201', '409 CONTACT_EXISTS'),
    );
    expect(await count('contacts WHERE vacancy_id = $1 AND candidate_id = $2', [vacancyId, asked.candidateId])).toBe(1);
    const [contact] = (await steps.ownContacts(asked).expect(200)).body.items as { contactId: string }[];
    expect(await atOnce(() => steps.answer(asked, contact.contactId, 'accept'))).toEqual(
      oneThen('200', '409 INVALID_CONSENT_TRANSITION'),
    );
    expect(await count('consent_receipts WHERE contact_id = $1', [contact.contactId])).toBe(1);
  });

  it('invites one account per address, whoever invites', async () => {
    const ncpEmail = uniqueEmail('ncp');
    const inviteNcp = () =>
      http()
        .post('/api/v1/admin/accounts/ncp')
        .auth(world.admin.accessToken, { type: 'bearer' })
        .send({ email: ncpEmail, memberState: 'NL' });
    expect(await atOnce(inviteNcp)).toEqual(oneThen('201', '409 EMAIL_TAKEN'));
    expect(await count('accounts WHERE email = $1', [ncpEmail])).toBe(1);

    const colleague = uniqueEmail('colleague');
    const inviteColleague = () =>
      http()
        .post('/api/v1/employers/me/colleagues')
        .auth(world.employer.user.accessToken, { type: 'bearer' })
        .send({ email: colleague, role: 'recruiter' });
    expect(await atOnce(inviteColleague)).toEqual(oneThen('201', '409 EMAIL_TAKEN'));
    expect(await count('accounts WHERE email = $1', [colleague])).toBe(1);

    const self = uniqueEmail('candidate');
    expect(await atOnce(() => http().post('/api/v1/auth/register').send({ email: self }))).toEqual(oneThen('202', '202'));
    expect(await count('accounts WHERE email = $1', [self])).toBe(1);
  });

  it('registers an organisation once, answering every copy alike', async () => {
    const body = registrationBody();
    expect(await atOnce(() => http().post('/api/v1/employers').send(body))).toEqual(oneThen('202', '202'));
    expect(await count('employer_organisations WHERE name = $1', [body.legalName])).toBe(1);
    expect(await count('accounts WHERE email = $1', [(body.contact as { email: string }).email])).toBe(1);
  });

  it('excludes a registration number once', async () => {
    const exclude = () =>
      http()
        .post('/api/v1/employer-exclusions')
        .auth(world.ncp.accessToken, { type: 'bearer' })
        .send({ memberState: 'NL', registrationNumber: 'KVK 5544.3322', reason: 'Repeated breaches of labour law' });
    expect(await atOnce(exclude)).toEqual(oneThen('201', '409 REGISTRATION_NUMBER_ALREADY_EXCLUDED'));
    expect(await count('excluded_registration_numbers WHERE registration_number = $1', ['KVK55443322'])).toBe(1);
  });

  it('creates one profile per account and publishes a draft once', async () => {
    const account = await world.accounts.candidate();
    const create = () =>
      http().post('/api/v1/candidates/me').auth(account.accessToken, { type: 'bearer' }).send(candidates.registration());
    expect(await atOnce(create)).toEqual(oneThen('201', '409 CANDIDATE_ALREADY_REGISTERED'));
    expect(await count('candidates WHERE account_id = $1', [account.id])).toBe(1);

    const draft = await new VacancyFactory(sut).draft(world.employer);
    const publish = () =>
      http().post(`/api/v1/vacancies/${draft}/publish`).auth(world.employer.user.accessToken, { type: 'bearer' });
    expect(await atOnce(publish)).toEqual(oneThen('200', '409 INVALID_VACANCY_TRANSITION'));
    expect(await count(`audit_events WHERE action = 'vacancy.published' AND target_id = $1`, [draft])).toBe(1);
  });
});
