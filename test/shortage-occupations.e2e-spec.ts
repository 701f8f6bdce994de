import { APP_CONFIG, type AppConfig } from '@app/config';
import { isoDay } from '@app/common';
import { ReferenceDataSeeder } from '@app/reference-data';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AccountFactory, type SignedInAccount } from './factories/account.factory';
import { FASHION_DESIGNER, insertTaxonomyFixture, WELDER } from './factories/taxonomy.fixture';
import { closeApp, createApiApp } from './utils/api-app';
import { auditActionsOf } from './utils/audit';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

describe('shortage occupations', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  let admin: SignedInAccount;
  let ncpNl: SignedInAccount;
  const today = isoDay();
  const http = () => request(sut.getHttpServer());
  const check = (memberState: string, occupationUri: string, date = today) =>
    http().get('/api/v1/shortage-occupations/check').query({ memberState, occupationUri, date }).expect(200);
  const addEntry = (account: SignedInAccount, body: Record<string, unknown>) =>
    http()
      .post('/api/v1/shortage-occupations/entries')
      .auth(account.accessToken, { type: 'bearer' })
      .send({
        sectorCode: 'manufacturing',
        validFrom: '2024-01-01',
        reason: 'National labour market analysis',
        ...body,
      });

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await sut.get(ReferenceDataSeeder).seed();
    await insertTaxonomyFixture(dataSource);
    expect(await sut.get(ShortageSeeder).seed()).toEqual({ sectors: 10, entriesAdded: 15 });
    const accounts = new AccountFactory(sut);
    admin = await accounts.admin();
    ncpNl = await accounts.ncp(admin, 'NL');
  });

  afterAll(() => closeApp(sut));

  it('seeds the EURES 2022 top 15 into the EU layer once, grouped into sectors', async () => {
    expect(await sut.get(ShortageSeeder).seed()).toEqual({ sectors: 10, entriesAdded: 0 });
    const list = await http().get('/api/v1/shortage-occupations').query({ memberState: 'de' }).expect(200);
    expect(list.body).toMatchObject({ memberState: 'DE', date: today, removals: [] });
    expect(list.body.entries).toHaveLength(15);
    expect(list.body.entries).toContainEqual(
      expect.objectContaining({ iscoCode: '2221', sectorCode: 'healthcare', layer: 'eu' }),
    );
    expect(list.body.entries).toContainEqual(
      expect.objectContaining({ iscoCode: '2512', sectorCode: 'ict' }),
    );
    expect((await check('DE', WELDER)).body).toMatchObject({ inShortage: true, entry: { iscoCode: '7212' } });
    expect((await check('DE', FASHION_DESIGNER)).body).toMatchObject({ inShortage: false, entry: null });
  });

  it('lets an NCP remove an EU-listed occupation in its own state only, within the removal’s window', async () => {
    const removal = await addEntry(ncpNl, {
      layer: 'member_state',
      memberState: 'NL',
      effect: 'removal',
      iscoCode: '7212',
      validFrom: '2025-01-01',
      validTo: '2025-12-31',
    }).expect(201);
    expect(removal.body).toMatchObject({ version: 1, layer: 'member_state', memberState: 'NL' });
    expect((await check('NL', WELDER, '2025-06-01')).body).toMatchObject({
      inShortage: false,
      removedBy: { entryId: removal.body.entryId },
    });
    expect((await check('DE', WELDER, '2025-06-01')).body.inShortage).toBe(true);
    expect((await check('NL', WELDER, '2026-01-01')).body.inShortage).toBe(true);
    const list = await http()
      .get('/api/v1/shortage-occupations')
      .query({ memberState: 'NL', date: '2025-06-01' });
    expect(list.body.entries.map((entry: { iscoCode: string }) => entry.iscoCode)).not.toContain('7212');
    expect(list.body.removals).toHaveLength(1);
  });

  it('does not count a state addition outside its validity window', async () => {
    await addEntry(ncpNl, {
      layer: 'member_state',
      memberState: 'NL',
      effect: 'addition',
      occupationUri: FASHION_DESIGNER,
      sectorCode: 'manufacturing',
      validFrom: '2020-01-01',
      validTo: '2020-12-31',
    }).expect(201);
    expect((await check('NL', FASHION_DESIGNER, '2020-06-30')).body.inShortage).toBe(true);
    expect((await check('NL', FASHION_DESIGNER, '2021-01-01')).body.inShortage).toBe(false);
    expect((await check('NL', FASHION_DESIGNER)).body.inShortage).toBe(false);
    expect((await check('BE', FASHION_DESIGNER, '2020-06-30')).body.inShortage).toBe(false);
  });

  it('reads the EU layer itself, paged, entries a state removed included, for anyone', async () => {
    const euLayer = (query: Record<string, unknown>) =>
      http().get('/api/v1/shortage-occupations/eu-layer').query(query);
    // NL removed 7212 for 2025 (above): its list lacks it, the EU layer still holds it.
    const day = '2025-06-01';
    const nl = await http().get('/api/v1/shortage-occupations').query({ memberState: 'NL', date: day });
    expect(nl.body.entries.map((entry: { iscoCode: string }) => entry.iscoCode)).not.toContain('7212');
    const all = await euLayer({ date: day, limit: 100 }).expect(200);
    expect(all.body).toMatchObject({ total: 15, limit: 100, offset: 0 });
    expect(all.body.items).toHaveLength(15);
    expect(all.body.items).toContainEqual(
      expect.objectContaining({ iscoCode: '7212', layer: 'eu', memberState: null, effect: 'addition' }),
    );
    expect(all.body.items.every((entry: { layer: string }) => entry.layer === 'eu')).toBe(true);
    // The state's own addition of another year is not part of the EU layer on any day.
    const in2020 = await euLayer({ date: '2020-06-30', limit: 100 }).expect(200);
    expect(in2020.body.items.map((entry: { layer: string }) => entry.layer)).not.toContain('member_state');

    // Pages follow one stable order; labels come in the reader's language.
    const first = await euLayer({ date: day, limit: 10, offset: 0, lang: 'fr' }).expect(200);
    const second = await euLayer({ date: day, limit: 10, offset: 10, lang: 'fr' }).expect(200);
    expect(first.body).toMatchObject({ total: 15, limit: 10, offset: 0 });
    expect(second.body.items).toHaveLength(5);
    const ids = (body: { items: { entryId: string }[] }) => body.items.map((entry) => entry.entryId);
    expect([...ids(first.body), ...ids(second.body)]).toEqual(ids(all.body));
    const welders = second.body.items
      .concat(first.body.items)
      .find((entry: { iscoCode: string }) => entry.iscoCode === '7212');
    expect(welders).toMatchObject({ label: expect.any(String) });

    // Before any entry applies, the layer is empty; today it is what the seed added.
    expect((await euLayer({ date: '2000-01-01' }).expect(200)).body).toMatchObject({ items: [], total: 0 });
    expect((await euLayer({}).expect(200)).body.total).toBe(15);
    // Administrators and NCPs read it too.
    await euLayer({ date: day }).auth(admin.accessToken, { type: 'bearer' }).expect(200);
    await euLayer({ date: day }).auth(ncpNl.accessToken, { type: 'bearer' }).expect(200);

    for (const bad of [{ date: '2025-13-01' }, { limit: 0 }, { limit: 101 }, { offset: -1 }, { lang: 'xx' }, { memberState: 'NL' }]) {
      const refused = await euLayer(bad).expect(400);
      expect(refused.body.error.code).toBe('VALIDATION_FAILED');
    }
  });

  it('keeps the EU layer to administrators and each state layer to its own NCP', async () => {
    const euByNcp = await addEntry(ncpNl, { layer: 'eu', effect: 'addition', iscoCode: '2163' }).expect(403);
    expect(euByNcp.body.error.code).toBe('EU_LAYER_ADMIN_ONLY');
    const otherState = await addEntry(ncpNl, {
      layer: 'member_state',
      memberState: 'DE',
      effect: 'addition',
      iscoCode: '2163',
    }).expect(403);
    expect(otherState.body.error.code).toBe('NOT_OWNER');
    const unknown = await addEntry(admin, { layer: 'eu', effect: 'addition', iscoCode: '9999' }).expect(404);
    expect(unknown.body.error.code).toBe('ISCO_GROUP_NOT_FOUND');
  });

  it('revises by versions: the old row is closed, never overwritten, and every change is audited', async () => {
    const added = await addEntry(admin, { layer: 'eu', effect: 'addition', iscoCode: '2163' }).expect(201);
    const { entryId } = added.body;
    const revised = await http()
      .patch(`/api/v1/shortage-occupations/entries/${entryId}`)
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ validTo: '2024-12-31', reason: 'No longer reported in shortage' })
      .expect(200);
    expect(revised.body).toMatchObject({
      entryId,
      version: 2,
      validFrom: '2024-01-01',
      validTo: '2024-12-31',
    });
    await http()
      .post(`/api/v1/shortage-occupations/entries/${entryId}/withdraw`)
      .auth(admin.accessToken, { type: 'bearer' })
      .send({ reason: 'Entered by mistake' })
      .expect(200);
    const history = await http()
      .get(`/api/v1/shortage-occupations/entries/${entryId}/history`)
      .auth(admin.accessToken, { type: 'bearer' })
      .expect(200);
    expect(
      history.body.items.map((version: { version: number; validTo: string | null; withdrawn: boolean }) => [
        version.version,
        version.validTo,
        version.withdrawn,
      ]),
    ).toEqual([
      [1, null, false],
      [2, '2024-12-31', false],
      [3, '2024-12-31', true],
    ]);
    expect(history.body.items[0].supersededAt).not.toBeNull();
    expect(history.body.items[2].supersededAt).toBeNull();
    expect((await check('FR', FASHION_DESIGNER, '2024-06-01')).body.inShortage).toBe(false);
    expect(await auditActionsOf(dataSource, 'shortage_entry', entryId)).toEqual([
      'shortage.entry_added',
      'shortage.entry_revised',
      'shortage.entry_withdrawn',
    ]);
    // Each change asks for its own occupations only, never a rebuild of everything.
    const [{ n }] = await dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE job_name IN ('vacancies.reindex', 'matching.refresh')`,
    );
    expect(n).toBe(0);
    const scopes = await dataSource.query<{ payload: { memberState: string | null } }[]>(
      `SELECT payload FROM outbox_messages WHERE job_name = 'vacancies.sync-occupations' ORDER BY id`,
    );
    const eu = { memberState: null, occupationUris: [], iscoCodes: ['2163'] };
    expect(scopes.filter((row) => row.payload.memberState === null)).toEqual([
      { payload: eu },
      { payload: eu },
      { payload: eu },
    ]);
    expect(scopes.filter((row) => row.payload.memberState === 'NL')).toHaveLength(2);
  });

  it('refuses an entry the layer already holds for an overlapping period, a double submission included', async () => {
    const entry = {
      layer: 'member_state',
      memberState: 'NL',
      effect: 'addition',
      occupationUri: FASHION_DESIGNER,
      sectorCode: 'manufacturing',
      validFrom: '2030-01-01',
      validTo: '2030-12-31',
    };
    const answers = await Promise.all([1, 2, 3].map(() => addEntry(ncpNl, entry)));
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409, 409]);
    const first = answers.find((answer) => answer.status === 201)!.body.entryId as string;
    const refused = answers.find((answer) => answer.status === 409)!;
    expect(refused.body.error).toMatchObject({
      code: 'SHORTAGE_ENTRY_EXISTS',
      details: [{ field: 'occupationUri', reason: `already listed by entry ${first}` }],
    });
    await addEntry(ncpNl, { ...entry, validFrom: '2030-06-01', validTo: null }).expect(409);
    // Not the same entry: after its end, in another sector, the opposite effect, another layer.
    await addEntry(ncpNl, { ...entry, validFrom: '2031-01-01', validTo: null }).expect(201);
    await addEntry(ncpNl, { ...entry, sectorCode: 'construction' }).expect(201);
    await addEntry(ncpNl, { ...entry, effect: 'removal' }).expect(201);
    await addEntry(admin, { ...entry, layer: 'eu', memberState: undefined }).expect(201);
    // A withdrawn entry no longer stands in the way.
    await http()
      .post(`/api/v1/shortage-occupations/entries/${first}/withdraw`)
      .auth(ncpNl.accessToken, { type: 'bearer' })
      .send({ reason: 'Entered twice by mistake' })
      .expect(200);
    await addEntry(ncpNl, entry).expect(201);
  });
});
