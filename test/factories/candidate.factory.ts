import { ReferenceDataSeeder } from '@app/reference-data';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AccountFactory, type SignedInAccount } from './account.factory';

/** A few ESCO concepts of the official release, inserted directly so specs need no full import. */
export const ESCO = {
  welder: 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b',
  nurse: 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba',
  weldMetal: 'http://data.europa.eu/esco/skill/0a5f1fd9-0bfd-4b6d-a4b7-4d4a1c0d7b01',
  readBlueprints: 'http://data.europa.eu/esco/skill/0a5f1fd9-0bfd-4b6d-a4b7-4d4a1c0d7b02',
  patientCare: 'http://data.europa.eu/esco/skill/0a5f1fd9-0bfd-4b6d-a4b7-4d4a1c0d7b03',
  unknownSkill: 'http://data.europa.eu/esco/skill/ffffffff-ffff-4fff-bfff-ffffffffffff',
} as const;

const OCCUPATIONS = [
  [ESCO.welder, '7212', { en: 'welder', fr: 'soudeur/soudeuse', es: 'soldador/soldadora' }],
  [ESCO.nurse, '2221', { en: 'specialist nurse', fr: 'infirmier spécialisé', es: 'enfermero especialista' }],
] as const;
const SKILLS = [
  [ESCO.weldMetal, { en: 'weld metal parts', fr: 'souder des pièces métalliques', es: 'soldar piezas' }],
  [ESCO.readBlueprints, { en: 'read standard blueprints', fr: 'lire des plans', es: 'leer planos' }],
  [ESCO.patientCare, { en: 'provide nursing care', fr: 'prodiguer des soins', es: 'prestar cuidados' }],
] as const;

/**
 * Reference data and the fixture concepts, reset to their fixture labels; idempotent, so specs can
 * call it in any order, whatever an earlier spec left in the taxonomy.
 */
export async function seedCandidateFixtures(app: NestExpressApplication): Promise<void> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  await app.get(ReferenceDataSeeder).seed();
  for (const [uri, isco, labels] of OCCUPATIONS) {
    await dataSource.query(
      `INSERT INTO occupations (uri, code, isco_code, preferred_labels, alt_labels, status)
       VALUES ($1, $2, $2, $3, '{}', 'released')
       ON CONFLICT (uri) DO UPDATE SET obsolete = false, preferred_labels = EXCLUDED.preferred_labels, alt_labels = EXCLUDED.alt_labels`,
      [uri, isco, labels],
    );
  }
  for (const [uri, labels] of SKILLS) {
    await dataSource.query(
      `INSERT INTO skills (uri, skill_type, reuse_level, preferred_labels, alt_labels, status)
       VALUES ($1, 'skill/competence', 'sector-specific', $2, '{}', 'released')
       ON CONFLICT (uri) DO UPDATE SET obsolete = false, preferred_labels = EXCLUDED.preferred_labels, alt_labels = EXCLUDED.alt_labels`,
      [uri, labels],
    );
  }
  await dataSource.query(
    `INSERT INTO partner_country_statuses (country_code, status, effective_from, reason)
     SELECT 'MA', 'talent_partnership', DATE '2021-06-11', 'EU Talent Partnership partner country'
      WHERE NOT EXISTS (SELECT 1 FROM partner_country_statuses WHERE country_code = 'MA')`,
  );
}

/** Today minus `years` (plus `days`), as the API reads dates: UTC calendar days. */
export function birthDate(years: number, days = 0): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

export interface RegisteredCandidate extends SignedInAccount {
  candidateId: string;
  referenceCode: string;
}

/** Candidates through the real flow: account registration, then the eligibility step. */
export class CandidateFactory {
  private readonly accounts: AccountFactory;

  constructor(private readonly app: NestExpressApplication) {
    this.accounts = new AccountFactory(app);
  }

  registration(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      givenName: 'Amina',
      familyName: 'El Idrissi',
      dateOfBirth: birthDate(29, -40),
      residenceCountry: 'MA',
      citizenships: ['MA'],
      phone: '+212 6 12 34 56 78',
      ...overrides,
    };
  }

  profile(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    return {
      occupations: [{ uri: ESCO.welder, yearsOfExperience: 6 }],
      skills: [
        { uri: ESCO.weldMetal, level: 'advanced', yearsOfExperience: 6, viaProgramme: true },
        { uri: ESCO.readBlueprints },
      ],
      languages: [
        { code: 'fr', cefr: 'B2' },
        { code: 'ar', cefr: 'C2' },
      ],
      education: [{ eqfLevel: 4, field: 'Welding', countryCode: 'MA', completionYear: 2015 }],
      qualifications: [
        { title: 'ISO 9606-1 welder certificate', issuer: 'OFPPT', countryCode: 'MA', year: 2018 },
      ],
      workExperience: [
        {
          occupationUri: ESCO.welder,
          employerName: 'Atelier de Fès',
          countryCode: 'MA',
          startDate: '2016-03-01',
        },
      ],
      preferredMemberStates: ['DE', 'NL'],
      earliestStartDate: '2026-09-01',
      availability: 'available',
      programme: { type: 'talent_partnership', partnerCountry: 'MA' },
      ...overrides,
    };
  }

  account(): Promise<SignedInAccount> {
    return this.accounts.candidate();
  }

  async registered(overrides: Record<string, unknown> = {}): Promise<RegisteredCandidate> {
    const account = await this.account();
    const response = await this.http()
      .post('/api/v1/candidates/me')
      .auth(account.accessToken, { type: 'bearer' })
      .send(this.registration(overrides))
      .expect(201);
    return { ...account, candidateId: response.body.id, referenceCode: response.body.referenceCode };
  }

  /** Registered, profile filled in and activated. */
  async active(overrides: Record<string, unknown> = {}): Promise<RegisteredCandidate> {
    const candidate = await this.registered(overrides);
    await this.http()
      .patch('/api/v1/candidates/me')
      .auth(candidate.accessToken, { type: 'bearer' })
      .send(this.profile())
      .expect(200);
    await this.http()
      .post('/api/v1/candidates/me/activate')
      .auth(candidate.accessToken, { type: 'bearer' })
      .expect(200);
    return candidate;
  }

  private http() {
    return request(this.app.getHttpServer());
  }
}
