import { APP_CONFIG, type AppConfig } from '@app/config';
import { ShortageSeeder } from '@app/shortage-occupations';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CandidateFactory, ESCO, seedCandidateFixtures } from './factories/candidate.factory';
import { insertTaxonomyFixture } from './factories/taxonomy.fixture';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

describe('labels in the reader’s language, and the public partner-country list', () => {
  let sut: NestExpressApplication;
  let dataSource: DataSource;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    dataSource = sut.get(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await insertTaxonomyFixture(dataSource);
    await seedCandidateFixtures(sut);
    await sut.get(ShortageSeeder).seed();
  });

  afterAll(() => closeApp(sut));

  it('labels every ESCO concept of the candidate’s own profile; ar reads the candidate’s most fluent ESCO language', async () => {
    const candidate = await new CandidateFactory(sut).active();
    const read = (lang: string) =>
      http()
        .get(`/api/v1/candidates/me?lang=${lang}`)
        .auth(candidate.accessToken, { type: 'bearer' })
        .expect(200);

    const french = (await read('fr')).body;
    expect(french.labelLanguage).toBe('fr');
    expect(french.occupations[0]).toMatchObject({
      uri: ESCO.welder,
      label: 'soudeur/soudeuse',
      labelLanguage: 'fr',
    });
    expect(french.skills).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          uri: ESCO.weldMetal,
          label: 'souder des pièces métalliques',
          labelLanguage: 'fr',
        }),
      ]),
    );
    expect(french.workExperience[0]).toMatchObject({
      occupationUri: ESCO.welder,
      occupationLabel: 'soudeur/soudeuse',
      occupationLabelLanguage: 'fr',
    });

    // The factory's candidate speaks Arabic (C2) and French (B2): ESCO has no Arabic labels.
    const arabic = (await read('ar')).body;
    expect(arabic.labelLanguage).toBe('fr');
    expect(arabic.occupations[0]).toMatchObject({ label: 'soudeur/soudeuse', labelLanguage: 'fr' });
    const english = (await read('en')).body;
    expect(english.occupations[0]).toMatchObject({ label: 'welder', labelLanguage: 'en' });
    await http()
      .get('/api/v1/candidates/me?lang=de')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(400);
  });

  it('labels shortage-list entries beside their ISCO code, marking an English fallback', async () => {
    const list = await http().get('/api/v1/shortage-occupations?memberState=NL&lang=es').expect(200);
    const welders = list.body.entries.find((entry: { iscoCode: string }) => entry.iscoCode === '7212');
    expect(welders).toMatchObject({ label: 'Welders and flamecutters', labelLanguage: 'en' });
    const check = await http()
      .get(
        `/api/v1/shortage-occupations/check?memberState=NL&occupationUri=${encodeURIComponent(ESCO.welder)}&lang=fr`,
      )
      .expect(200);
    expect(check.body.entry).toMatchObject({ iscoCode: '7212', label: expect.any(String) });
  });

  it('lists the partner countries publicly with their status in force, since when, and the next change', async () => {
    await dataSource.query(
      `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason)
       VALUES ('TN', 'talent_partnership', DATE '2022-06-01', 'EU Talent Partnership partner country'),
              ('TN', 'suspended', DATE '2099-01-01', 'Planned review of the partnership')`,
    );
    const all = await http().get('/api/v1/partner-countries?limit=100').expect(200);
    expect(all.body.items).toEqual(
      expect.arrayContaining([
        {
          countryCode: 'TN',
          status: 'talent_partnership',
          effectiveFrom: '2022-06-01',
          reason: 'EU Talent Partnership partner country',
          next: { status: 'suspended', effectiveFrom: '2099-01-01' },
        },
        expect.objectContaining({ countryCode: 'MA', status: 'talent_partnership', next: null }),
      ]),
    );
    const later = await http().get('/api/v1/partner-countries?date=2099-06-01&limit=1&offset=1').expect(200);
    expect(later.body).toMatchObject({ total: all.body.total, limit: 1, offset: 1 });
    expect(later.body.items[0]).toMatchObject({ countryCode: 'TN', status: 'suspended', next: null });
    const before = await http().get('/api/v1/partner-countries?date=2000-01-01&limit=100').expect(200);
    expect(before.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ countryCode: 'TN', status: 'eligible', effectiveFrom: null }),
      ]),
    );
    await http().get('/api/v1/partner-countries?date=2024-02-30').expect(400);
  });
});
