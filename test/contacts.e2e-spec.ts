import { loadConfig, APP_CONFIG } from '@app/config';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { CandidateFactory, ESCO, seedCandidateFixtures } from './factories/candidate.factory';
import { EmployerFactory } from './factories/employer.factory';
import { VacancyFactory } from './factories/vacancy.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { auditActionsOf, auditWatermark } from './utils/audit';
import { CONSENT_VERSION, ContactSteps } from './utils/contacts';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

describe('contacts, consent and applications', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let candidates: CandidateFactory;
  let employers: EmployerFactory;
  let vacancies: VacancyFactory;
  let steps: ContactSteps;
  let admin: SignedInAccount;
  let ncp: SignedInAccount;
  const http = () => request(sut.getHttpServer());

  const mailsTo = async (address: string) =>
    (
      await dataSource.query<{ template: string; subject: string }[]>(
        'SELECT template, subject FROM mail_messages WHERE to_address = $1 ORDER BY created_at',
        [address],
      )
    ).map((row) => row.template);

  async function employerWithVacancy(overrides: Record<string, unknown> = {}) {
    const employer = await employers.verified(ncp);
    const contactEmail = `jobs-${employer.organisationId.slice(0, 8)}@werf.example.nl`;
    const vacancyId = await vacancies.published(employer, {
      contact: { name: 'Ana Lopes', email: contactEmail },
      ...overrides,
    });
    return { employer, vacancyId, contactEmail };
  }

  beforeAll(async () => {
    const config = loadConfig({
      ...process.env,
      CONTACT_REQUESTS_PER_DAY: '3',
      CONTACT_MESSAGES_PER_DAY: '3',
      CONTACT_COOLDOWN_DAYS: '30',
      // Every test registers candidates and employers from the same address.
      REGISTRATIONS_PER_IP: '1000',
    });
    sut = await createApiApp({
      override: (builder) => builder.overrideProvider(APP_CONFIG).useValue(config),
    });
    dataSource = sut.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(config);
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
    const accounts = new AccountFactory(sut);
    candidates = new CandidateFactory(sut);
    employers = new EmployerFactory(sut, accounts);
    vacancies = new VacancyFactory(sut);
    steps = new ContactSteps(sut);
    admin = await accounts.admin();
    ncp = await accounts.ncp(admin, 'NL');
  });

  afterAll(() => closeApp(sut));

  it('lets a candidate apply to a vacancy outside the stored matches, after showing what applying discloses', async () => {
    const { employer, vacancyId, contactEmail } = await employerWithVacancy();
    const candidate = await candidates.active({ givenName: 'Youssef', familyName: 'Benali' });
    const since = await auditWatermark(dataSource);
    expect(await dataSource.query('SELECT 1 FROM matches WHERE vacancy_id = $1', [vacancyId])).toEqual([]);

    const terms = await http()
      .get(`/api/v1/candidates/me/applications/terms/${vacancyId}?lang=fr&shareQualifications=true`)
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(terms.body).toMatchObject({
      version: CONSENT_VERSION,
      language: 'fr',
      fields: ['name', 'email', 'phone', 'qualifications'],
    });
    expect(terms.body.text).toMatch(/MIG\/MAG welder/);

    const outdated = await steps.apply(candidate, vacancyId, { consentVersion: 'old' }).expect(409);
    expect(outdated.body.error.code).toBe('CONSENT_TEXT_OUTDATED');
    expect(outdated.body.error.details[0].version).toBe(CONSENT_VERSION);

    const applied = await steps
      .apply(candidate, vacancyId, {
        message: 'I have six years of hull welding.',
        shareQualifications: true,
        lang: 'fr',
      })
      .expect(201);
    expect(applied.body).toMatchObject({
      origin: 'application',
      consent: 'granted',
      stage: 'new',
      stageLabel: 'Candidature envoyée',
      sharedFields: ['name', 'email', 'phone', 'qualifications'],
      vacancy: { id: vacancyId, link: `/api/v1/jobs/${vacancyId}` },
      employer: { id: employer.organisationId, verified: true, memberState: 'NL' },
    });
    await steps.apply(candidate, vacancyId).expect(409);

    const entry = await steps.pipelineEntry(employer, vacancyId, candidate.referenceCode).expect(200);
    expect(entry.body).toMatchObject({
      referenceCode: candidate.referenceCode,
      stageLabel: 'New application',
      openingMessage: 'I have six years of hull welding.',
      identity: {
        givenName: 'Youssef',
        familyName: 'Benali',
        email: candidate.email,
        phone: '+212612345678',
        qualifications: [expect.objectContaining({ title: 'ISO 9606-1 welder certificate' })],
      },
      match: { stored: false },
    });
    expect(entry.body.identity.workExperience).toBeUndefined();
    expect(entry.body.match.score).toBeGreaterThan(50);
    expect(entry.body.match.explanation.matchedSkills).toEqual(
      expect.arrayContaining([expect.objectContaining({ uri: ESCO.weldMetal, relation: 'exact' })]),
    );
    expect(entry.body.profile.occupations[0]).toMatchObject({ uri: ESCO.welder, label: 'welder' });

    const receipts = await http()
      .get('/api/v1/candidates/me/consent-receipts')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(receipts.body.items).toEqual([
      expect.objectContaining({
        organisationId: employer.organisationId,
        vacancyId,
        event: 'granted',
        via: 'application',
        fields: ['name', 'email', 'phone', 'qualifications'],
        textVersion: CONSENT_VERSION,
        language: 'fr',
      }),
    ]);
    expect(await auditActionsOf(dataSource, 'contact', applied.body.contactId, since)).toEqual([
      'contact.applied',
      'contact.candidate_viewed',
    ]);
    expect(await mailsTo(contactEmail)).toEqual(['contacts.application-received']);
  });

  it('walks a contact request: the candidate sees the verified employer, accepts, then withdraws', async () => {
    const { employer, vacancyId, contactEmail } = await employerWithVacancy();
    const candidate = await candidates.active();
    const since = await auditWatermark(dataSource);

    const requested = await steps.request(employer, vacancyId, candidate.referenceCode).expect(201);
    expect(requested.body).toMatchObject({ consent: 'pending', stage: 'contacted', identity: null });
    await steps.request(employer, vacancyId, candidate.referenceCode).expect(409);
    expect(await mailsTo(candidate.email)).toContain('contacts.request-received');

    const pending = await steps.ownContacts(candidate, '?consent=pending&lang=es').expect(200);
    expect(pending.body).toMatchObject({ total: 1, limit: 20, offset: 0 });
    const [contact] = pending.body.items;
    expect(contact).toMatchObject({
      origin: 'request',
      openingMessage: 'Would you like to talk?',
      stageLabel: 'El empleador desea contactarle',
      employer: { id: employer.organisationId, verified: true, registrationNumber: expect.any(String) },
      vacancy: { id: vacancyId, title: 'MIG/MAG welder for ship repair' },
      terms: { version: CONSENT_VERSION, language: 'es', fields: ['name', 'email', 'phone'] },
    });
    expect(
      (await steps.pipelineEntry(employer, vacancyId, candidate.referenceCode).expect(200)).body.identity,
    ).toBeNull();

    await steps
      .answer(candidate, contact.contactId, 'accept', { shareWorkExperience: true, lang: 'es' })
      .expect(200);
    await steps.answer(candidate, contact.contactId, 'accept').expect(409);
    const accepted = await steps.pipelineEntry(employer, vacancyId, candidate.referenceCode).expect(200);
    expect(accepted.body).toMatchObject({
      consent: 'granted',
      stage: 'accepted',
      identity: { givenName: 'Amina' },
    });
    expect(accepted.body.identity.workExperience).toHaveLength(1);
    expect(accepted.body.identity.qualifications).toBeUndefined();

    const withdrawn = await steps.answer(candidate, contact.contactId, 'withdraw').expect(200);
    expect(withdrawn.body).toMatchObject({
      consent: 'withdrawn',
      stage: 'withdrawn',
      stageLabel: 'Se retiró',
    });
    const after = await steps.pipelineEntry(employer, vacancyId, candidate.referenceCode).expect(200);
    expect(after.body).toMatchObject({ identity: null, stageLabel: 'Candidate declined or withdrew' });

    const receipts = await http()
      .get('/api/v1/candidates/me/consent-receipts')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(
      receipts.body.items.map((receipt: { event: string; via: string }) => `${receipt.event}/${receipt.via}`),
    ).toEqual(['granted/acceptance', 'withdrawn/withdrawal']);
    expect(receipts.body.items[1]).toMatchObject({
      fields: ['name', 'email', 'phone', 'workExperience'],
      language: 'es',
    });
    expect(await auditActionsOf(dataSource, 'contact', contact.contactId, since)).toEqual([
      'contact.requested',
      'contact.candidate_viewed',
      'contact.accepted',
      'contact.candidate_viewed',
      'contact.withdrawn',
      'contact.candidate_viewed',
    ]);
    expect(await mailsTo(contactEmail)).toEqual(['contacts.request-accepted', 'contacts.consent-withdrawn']);
  });

  it('pages the pipeline, and audits as shown only the identities of the page it answered', async () => {
    const { employer, vacancyId } = await employerWithVacancy();
    const [consenting, pending] = [await candidates.active(), await candidates.active()];
    const accepted = await steps.request(employer, vacancyId, consenting.referenceCode).expect(201);
    await steps.answer(consenting, accepted.body.contactId, 'accept').expect(200);
    await steps.request(employer, vacancyId, pending.referenceCode).expect(201);
    const since = await auditWatermark(dataSource);

    const pages = [];
    for (const offset of [0, 1])
      pages.push(
        (
          await http()
            .get(`/api/v1/vacancies/${vacancyId}/pipeline?limit=1&offset=${offset}`)
            .auth(employer.user.accessToken, { type: 'bearer' })
            .expect(200)
        ).body,
      );
    for (const [offset, page] of pages.entries())
      expect(page).toMatchObject({ total: 2, limit: 1, offset, items: [expect.anything()] });
    const codes = pages.map((page) => page.items[0].referenceCode as string);
    expect(codes.sort()).toEqual([consenting.referenceCode, pending.referenceCode].sort());

    const shown = await dataSource.query<{ details: { identitiesShownOf: string[] } }[]>(
      `SELECT details FROM audit_events
        WHERE action = 'contact.pipeline_viewed' AND target_id = $1 AND id > $2 ORDER BY id`,
      [vacancyId, since],
    );
    expect(shown.map((event) => event.details.identitiesShownOf)).toEqual(
      pages.map((page) =>
        page.items[0].referenceCode === consenting.referenceCode ? [consenting.candidateId] : [],
      ),
    );
  });

  it('keeps a candidate who declined from being asked again for the same vacancy during the cool-down', async () => {
    const { employer, vacancyId } = await employerWithVacancy();
    const candidate = await candidates.active();
    const first = await steps.request(employer, vacancyId, candidate.referenceCode).expect(201);
    const since = await auditWatermark(dataSource);
    await steps.answer(candidate, first.body.contactId, 'decline').expect(200);
    expect(await auditActionsOf(dataSource, 'contact', first.body.contactId, since)).toEqual([
      'contact.declined',
    ]);

    const refused = await steps.request(employer, vacancyId, candidate.referenceCode).expect(409);
    expect(refused.body.error.code).toBe('CONTACT_COOLDOWN');
    expect(new Date(refused.body.error.details[0].until).getTime()).toBeGreaterThan(
      Date.now() + 29 * 86_400_000,
    );
    const otherVacancy = await vacancies.published(employer, { title: 'Pipe welder' });
    await steps.request(employer, otherVacancy, candidate.referenceCode).expect(201);

    await dataSource.query(
      `UPDATE contacts SET consent_changed_at = now() - interval '31 days' WHERE id = $1`,
      [first.body.contactId],
    );
    const again = await steps.request(employer, vacancyId, candidate.referenceCode).expect(201);
    expect(again.body).toMatchObject({ contactId: first.body.contactId, consent: 'pending' });
  });

  it('answers 429 with Retry-After once an organisation has used its daily requests and messages', async () => {
    const { employer, vacancyId } = await employerWithVacancy();
    const pool = [];
    for (let i = 0; i < 4; i++) pool.push(await candidates.active());
    for (const candidate of pool.slice(0, 3))
      await steps.request(employer, vacancyId, candidate.referenceCode).expect(201);
    const limited = await steps.request(employer, vacancyId, pool[3].referenceCode).expect(429);
    expect(limited.body.error.code).toBe('CONTACT_LIMIT_REACHED');
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    const other = await employerWithVacancy();
    await steps.request(other.employer, other.vacancyId, pool[3].referenceCode).expect(201);

    const consenting = pool[0];
    const [contact] = (await steps.ownContacts(consenting).expect(200)).body.items;
    await steps.answer(consenting, contact.contactId, 'accept').expect(200);
    const send = () =>
      http()
        .post(`/api/v1/vacancies/${vacancyId}/pipeline/${consenting.referenceCode}/messages`)
        .auth(employer.user.accessToken, { type: 'bearer' })
        .send({ body: 'When could you start?' });
    for (let i = 0; i < 3; i++) await send().expect(201);
    const tooMany = await send().expect(429);
    expect(tooMany.headers['retry-after']).toBeDefined();
  });

  it('shows the pipeline stage to both sides in their own words, and counts a hire as a placement', async () => {
    const { employer, vacancyId } = await employerWithVacancy();
    const candidate = await candidates.active();
    const applied = await steps.apply(candidate, vacancyId, { lang: 'fr' }).expect(201);
    const setStage = (stage: string) =>
      http()
        .put(`/api/v1/vacancies/${vacancyId}/pipeline/${candidate.referenceCode}/stage`)
        .auth(employer.user.accessToken, { type: 'bearer' })
        .send({ stage });
    const seen = async () => {
      const own = (await steps.ownContacts(candidate).expect(200)).body.items[0];
      const theirs = (await steps.pipelineEntry(employer, vacancyId, candidate.referenceCode).expect(200))
        .body;
      return { candidate: [own.stage, own.stageLabel], employer: [theirs.stage, theirs.stageLabel] };
    };
    expect(await seen()).toEqual({
      candidate: ['new', 'Application sent'],
      employer: ['new', 'New application'],
    });
    const since = await auditWatermark(dataSource);
    await setStage('interviewing').expect(200);
    expect(await seen()).toEqual({
      candidate: ['interviewing', 'Interviews in progress'],
      employer: ['interviewing', 'Interviewing'],
    });
    await setStage('offered').expect(200);
    expect((await setStage('interviewing').expect(409)).body.error.code).toBe('INVALID_STAGE_TRANSITION');
    await setStage('hired').expect(200);
    expect(await seen()).toEqual({ candidate: ['hired', 'Hired'], employer: ['hired', 'Hired'] });
    await setStage('not_selected').expect(409);
    expect(await mailsTo(candidate.email)).toEqual(
      expect.arrayContaining(['contacts.stage-changed', 'contacts.stage-changed', 'contacts.stage-changed']),
    );
    const [mail] = await dataSource.query(
      `SELECT subject FROM mail_messages WHERE to_address = $1 AND template = 'contacts.stage-changed' LIMIT 1`,
      [candidate.email],
    );
    expect(mail.subject).toMatch(/Mise à jour/);

    const full = await http()
      .get('/api/v1/admin/statistics/placements')
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(full.body).toMatchObject({
      view: 'admin',
      byOccupation: { [ESCO.welder]: expect.any(Number) },
      byMemberState: { NL: expect.any(Number) },
      byResidenceCountry: { MA: expect.any(Number) },
    });
    expect(full.body.count).toBeGreaterThanOrEqual(1);
    const open = await http().get('/api/v1/statistics/placements').expect(200);
    expect(open.body).toMatchObject({
      view: 'public',
      suppressedBelow: 10,
      roundedTo: 10,
      count: null,
      // A group under the threshold is left out, key and all.
      byMemberState: {},
    });
    const actions = await auditActionsOf(dataSource, 'contact', applied.body.contactId, since);
    expect(actions.filter((action) => action === 'contact.stage_changed')).toHaveLength(3);

    const other = await employerWithVacancy();
    await steps.request(other.employer, other.vacancyId, candidate.referenceCode).expect(201);
    const [received] = await dataSource.query(
      `SELECT subject FROM mail_messages WHERE to_address = $1 AND template = 'contacts.request-received'`,
      [candidate.email],
    );
    expect(received.subject).toMatch(/souhaite vous contacter/);
  });

  it('opens a conversation only after disclosure and tells the other side by mail', async () => {
    const { employer, vacancyId, contactEmail } = await employerWithVacancy();
    const candidate = await candidates.active();
    const requested = await steps.request(employer, vacancyId, candidate.referenceCode).expect(201);
    const employerThread = `/api/v1/vacancies/${vacancyId}/pipeline/${candidate.referenceCode}/messages`;
    const candidateThread = `/api/v1/candidates/me/contacts/${requested.body.contactId}/messages`;
    const closed = await http()
      .post(employerThread)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ body: 'Hello' })
      .expect(422);
    expect(closed.body.error.code).toBe('CONVERSATION_CLOSED');

    await steps.answer(candidate, requested.body.contactId, 'accept').expect(200);
    await http()
      .post(employerThread)
      .auth(employer.user.accessToken, { type: 'bearer' })
      .send({ body: 'Hello' })
      .expect(201);
    await http()
      .post(candidateThread)
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ body: 'Bonjour' })
      .expect(201);
    const thread = await http()
      .get(candidateThread)
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(
      thread.body.items.map((message: { sender: string; body: string }) => [message.sender, message.body]),
    ).toEqual([
      ['employer', 'Hello'],
      ['candidate', 'Bonjour'],
    ]);
    const sent = await auditActionsOf(dataSource, 'contact', requested.body.contactId);
    expect(sent.filter((action) => action === 'contact.message_sent')).toHaveLength(2);
    expect(await mailsTo(candidate.email)).toContain('contacts.message-received');
    expect(await mailsTo(contactEmail)).toContain('contacts.message-received');

    await steps.answer(candidate, requested.body.contactId, 'withdraw').expect(200);
    await http().get(employerThread).auth(employer.user.accessToken, { type: 'bearer' }).expect(422);
    await http()
      .post(candidateThread)
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ body: 'x' })
      .expect(422);
  });

  it('lets NCPs of the employer’s state see request and acceptance rates and suspend its contacting', async () => {
    const { employer, vacancyId } = await employerWithVacancy();
    const [a, b] = [await candidates.active(), await candidates.active()];
    const first = await steps.request(employer, vacancyId, a.referenceCode).expect(201);
    const second = await steps.request(employer, vacancyId, b.referenceCode).expect(201);
    await steps.answer(a, first.body.contactId, 'accept').expect(200);
    await steps.answer(b, second.body.contactId, 'decline').expect(200);

    const rates = await http()
      .get('/api/v1/contact-oversight/rates')
      .auth(ncp.accessToken, { type: 'bearer' })
      .expect(200);
    expect(rates.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          organisationId: employer.organisationId,
          requests: 2,
          accepted: 1,
          declined: 1,
          acceptanceRate: 0.5,
          contactingSuspended: false,
        }),
      ]),
    );
    const otherState = await new AccountFactory(sut).ncp(admin, 'DE');
    await http()
      .get('/api/v1/contact-oversight/rates?memberState=NL')
      .auth(otherState.accessToken, { type: 'bearer' })
      .expect(403);
    await http()
      .put(`/api/v1/contact-oversight/employers/${employer.organisationId}/suspension`)
      .auth(otherState.accessToken, { type: 'bearer' })
      .send({ reason: 'Mass mailing' })
      .expect(403);

    const since = await auditWatermark(dataSource);
    await http()
      .put(`/api/v1/contact-oversight/employers/${employer.organisationId}/suspension`)
      .auth(ncp.accessToken, { type: 'bearer' })
      .send({ reason: 'Mass mailing of candidates' })
      .expect(204);
    const c = await candidates.active();
    const suspended = await steps.request(employer, vacancyId, c.referenceCode).expect(403);
    expect(suspended.body.error.code).toBe('CONTACTING_SUSPENDED');
    await http()
      .delete(`/api/v1/contact-oversight/employers/${employer.organisationId}/suspension`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(204);
    await steps.request(employer, vacancyId, c.referenceCode).expect(201);
    expect(await auditActionsOf(dataSource, 'employer_organisation', employer.organisationId, since)).toEqual(
      ['contact.contacting_suspended', 'contact.contacting_reinstated'],
    );
  });

  it('exports applications, requests, receipts and messages, and erasure removes them from the employer side', async () => {
    const applyTo = await employerWithVacancy();
    const requester = await employerWithVacancy();
    const candidate = await candidates.active();
    await steps.apply(candidate, applyTo.vacancyId, { message: 'Hello from Fès' }).expect(201);
    const requested = await steps
      .request(requester.employer, requester.vacancyId, candidate.referenceCode)
      .expect(201);
    await steps.answer(candidate, requested.body.contactId, 'accept').expect(200);
    await http()
      .post(`/api/v1/candidates/me/contacts/${requested.body.contactId}/messages`)
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ body: 'Available from September' })
      .expect(201);

    const exported = await http()
      .get('/api/v1/candidates/me/export')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(exported.body.applications).toEqual([
      expect.objectContaining({
        vacancyId: applyTo.vacancyId,
        openingMessage: 'Hello from Fès',
        consent: 'granted',
      }),
    ]);
    expect(exported.body.contactRequests).toEqual([
      expect.objectContaining({ vacancyId: requester.vacancyId, consent: 'granted', stage: 'accepted' }),
    ]);
    expect(exported.body.consentReceipts).toHaveLength(2);
    expect(exported.body.messages).toEqual([
      expect.objectContaining({ sender: 'candidate', body: 'Available from September' }),
    ]);

    await http()
      .post('/api/v1/candidates/me/erase')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ confirmation: 'ERASE MY ACCOUNT' })
      .expect(204);
    for (const side of [applyTo, requester]) {
      expect((await steps.pipeline(side.employer, side.vacancyId).expect(200)).body.items).toEqual([]);
      await steps.pipelineEntry(side.employer, side.vacancyId, candidate.referenceCode).expect(404);
    }
    const receipts = await dataSource.query<
      { candidate_id: string | null; contact_id: string | null; via: string }[]
    >(
      `SELECT candidate_id, contact_id, via FROM consent_receipts WHERE vacancy_id = ANY($1::uuid[]) ORDER BY recorded_at`,
      [[applyTo.vacancyId, requester.vacancyId]],
    );
    expect(receipts.map((receipt) => receipt.via).sort()).toEqual([
      'acceptance',
      'application',
      'erasure',
      'erasure',
    ]);
    expect(receipts.every((receipt) => receipt.candidate_id === null && receipt.contact_id === null)).toBe(
      true,
    );
    expect(
      await dataSource.query('SELECT 1 FROM contact_messages WHERE body = $1', ['Available from September']),
    ).toEqual([]);
    expect(await mailsTo(requester.contactEmail)).toContain('contacts.consent-withdrawn');
  });
});
