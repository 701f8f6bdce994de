import type { VacancyView } from './vacancies.types';
import type { VacancyEntity } from './vacancy.entity';

export function toVacancyView(entity: VacancyEntity, employerName: string): VacancyView {
  return {
    id: entity.id,
    organisationId: entity.organisationId,
    employerName,
    status: entity.status,
    title: entity.title,
    description: entity.description,
    occupationUri: entity.occupationUri,
    placeOfWork: { memberState: entity.memberState, city: entity.city, region: entity.region },
    contact: { name: entity.contactName, email: entity.contactEmail, phone: entity.contactPhone },
    pay:
      entity.payCurrency && entity.payPeriod
        ? { min: entity.payMin, max: entity.payMax, currency: entity.payCurrency, period: entity.payPeriod }
        : null,
    contractType: entity.contractType,
    hoursPerWeek: entity.hoursPerWeek,
    numberOfPosts: entity.numberOfPosts,
    startDate: entity.startDate,
    skills: entity.skills,
    languages: entity.languages,
    minEqfLevel: entity.minEqfLevel,
    minExperienceYears: entity.minExperienceYears,
    contributesToCompetitiveness: entity.contributesToCompetitiveness,
    competitivenessJustification: entity.competitivenessJustification,
    publishedAt: entity.publishedAt,
    expiresAt: entity.expiresAt,
    closedAt: entity.closedAt,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}
