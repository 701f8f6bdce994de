import { APP_CONFIG, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { CandidateFactory, ESCO, seedCandidateFixtures } from './factories/candidate.factory';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { clearRateLimits } from './utils/rate-limits';

describe('skill suggestions from the candidate’s own words', () => {
  let sut: NestExpressApplication;
  let candidates: CandidateFactory;
  const http = () => request(sut.getHttpServer());

  beforeAll(async () => {
    sut = await createApiApp();
    const dataSource = sut.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
    await clearRateLimits(sut.get<AppConfig>(APP_CONFIG));
    await seedCandidateFixtures(sut);
  });

  afterAll(() => closeApp(sut));

  it('suggests the occupations and skills named in English, French and Spanish text, labelled for the reader', async () => {
    const candidate = await registeredCandidate();
    const suggest = (text: string, language: string, lang = '') =>
      http()
        .post(`/api/v1/candidates/me/skill-suggestions${lang ? `?lang=${lang}` : ''}`)
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ text, language })
        .expect(200);

    const english = await suggest(
      'For six years I worked as a welder in Fès: I welded metal parts and read standard blueprints.',
      'en',
      'fr',
    );
    expect(english.body.matchedLanguage).toBe('en');
    expect(english.body.occupations).toEqual([
      expect.objectContaining({ uri: ESCO.welder, label: 'soudeur/soudeuse', labelLanguage: 'fr' }),
    ]);
    expect(english.body.skills.map((skill: { uri: string }) => skill.uri).sort()).toEqual(
      [ESCO.readBlueprints, ESCO.weldMetal].sort(),
    );

    const french = await suggest(
      'Je suis soudeuse. Je dois souder des pièces métalliques et lire des plans.',
      'fr',
    );
    expect(french.body.occupations.map((occupation: { uri: string }) => occupation.uri)).toEqual([
      ESCO.welder,
    ]);
    expect(french.body.skills.map((skill: { uri: string }) => skill.uri)).toEqual(
      expect.arrayContaining([ESCO.weldMetal, ESCO.readBlueprints]),
    );
    const spanish = await suggest('Trabajé como soldadora; sé soldar piezas y leer planos.', 'es');
    expect(spanish.body.skills.map((skill: { uri: string }) => skill.uri)).toEqual(
      expect.arrayContaining([ESCO.weldMetal, ESCO.readBlueprints]),
    );
    const arabic = await suggest('أعمل في اللحام منذ ست سنوات', 'ar');
    expect(arabic.body).toMatchObject({ matchedLanguage: 'en', occupations: [], skills: [] });

    for (const body of [
      { text: 'x'.repeat(4001), language: 'en' },
      { text: 'welder', language: 'de' },
      { text: 'welder', language: 'en', extra: true },
    ])
      await http()
        .post('/api/v1/candidates/me/skill-suggestions')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send(body)
        .expect(400);
  });

  it('adds only the accepted suggestions to the profile', async () => {
    const candidate = await registeredCandidate();
    const accepted = await http()
      .post('/api/v1/candidates/me/skill-suggestions/accept?lang=es')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ occupations: [ESCO.welder], skills: [ESCO.weldMetal] })
      .expect(200);
    expect(accepted.body.occupations).toEqual([
      expect.objectContaining({ uri: ESCO.welder, yearsOfExperience: 0, label: 'soldador/soldadora' }),
    ]);
    expect(accepted.body.skills.map((skill: { uri: string }) => skill.uri)).toEqual([ESCO.weldMetal]);
    const unknown = await http()
      .post('/api/v1/candidates/me/skill-suggestions/accept')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ occupations: [], skills: [ESCO.unknownSkill] })
      .expect(400);
    expect(unknown.body.error.code).toBe('UNKNOWN_ESCO_CONCEPT');
  });

  it('drafts a profile from a Europass CV in the Europass XML format, suggesting ESCO concepts from its texts', async () => {
    const candidate = await registeredCandidate();
    const xml = await readFile(join(__dirname, 'fixtures', 'europass-cv-v3.xml'), 'utf8');
    const imported = await http()
      .post('/api/v1/candidates/me/europass-import?lang=fr')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send({ xml })
      .expect(200);
    expect(imported.body).toMatchObject({
      textLanguage: 'en',
      occupations: [
        expect.objectContaining({ uri: ESCO.welder, label: 'soudeur/soudeuse', labelLanguage: 'fr' }),
      ],
      languages: [
        { code: 'ar', cefr: 'C2' },
        { code: 'fr', cefr: 'B1' },
      ],
      education: [{ eqfLevel: 4, field: 'Welding', countryCode: 'MA', completionYear: 2015 }],
      workExperience: [
        expect.objectContaining({
          position: 'Welder',
          occupation: expect.objectContaining({ uri: ESCO.welder }),
          employerName: 'Atelier de Fès',
          countryCode: 'MA',
          startDate: '2016-03-01',
          endDate: null,
        }),
      ],
    });
    expect(imported.body.skills.map((skill: { uri: string }) => skill.uri)).toEqual(
      expect.arrayContaining([ESCO.weldMetal, ESCO.readBlueprints]),
    );
    const profile = await http()
      .get('/api/v1/candidates/me')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    expect(profile.body.occupations).toEqual([]);

    for (const [bad, reason] of [
      ['<html><body>not a CV</body></html>', 'the root element must be SkillsPassport'],
      ['<SkillsPassport><LearnerInfo>', 'not well-formed XML'],
      [
        `<!DOCTYPE x [<!ENTITY a "aaaa">]>${xml.slice(xml.indexOf('<SkillsPassport'))}`,
        'document type declarations are not accepted',
      ],
    ]) {
      const refused = await http()
        .post('/api/v1/candidates/me/europass-import')
        .auth(candidate.accessToken, { type: 'bearer' })
        .send({ xml: bad })
        .expect(400);
      expect(refused.body.error).toMatchObject({
        code: 'INVALID_EUROPASS_CV',
        details: [{ field: 'xml', reason }],
      });
    }
  });

  function registeredCandidate() {
    candidates ??= new CandidateFactory(sut);
    return candidates.registered();
  }
});
