import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { ESCO } from './candidate.factory';
import type { RegisteredEmployer } from './employer.factory';

export function vacancyBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    title: 'MIG/MAG welder for ship repair',
    description: 'Welding of steel hull sections in a ship repair yard.',
    occupationUri: ESCO.welder,
    placeOfWork: { city: 'Rotterdam' },
    contact: { name: 'Ana Lopes', email: 'jobs@werf.example.nl' },
    skills: [
      { uri: ESCO.weldMetal, requirement: 'essential' },
      { uri: ESCO.readBlueprints, requirement: 'essential' },
      { uri: ESCO.patientCare, requirement: 'optional' },
    ],
    languages: [{ code: 'fr', minCefr: 'B1', requirement: 'required' }],
    minEqfLevel: 3,
    minExperienceYears: 2,
    ...overrides,
  };
}

/** Vacancies through the real API: drafted, then published, by the employer's own user. */
export class VacancyFactory {
  constructor(private readonly app: NestExpressApplication) {}

  async draft(owner: RegisteredEmployer, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await request(this.app.getHttpServer())
      .post('/api/v1/vacancies')
      .auth(owner.user.accessToken, { type: 'bearer' })
      .send(vacancyBody(overrides))
      .expect(201);
    return created.body.id as string;
  }

  async published(owner: RegisteredEmployer, overrides: Record<string, unknown> = {}): Promise<string> {
    const id = await this.draft(owner, overrides);
    await request(this.app.getHttpServer())
      .post(`/api/v1/vacancies/${id}/publish`)
      .auth(owner.user.accessToken, { type: 'bearer' })
      .expect(200);
    return id;
  }
}
