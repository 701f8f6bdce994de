import type { Schemas } from '../../api/web-api';
import type { FieldErrors } from '../../views/form-errors';
import type { PageContext } from '../../views/page-context';
import { field } from '../form-body';

type Vacancy = Schemas['VacancyResponse'];
type VacancyBody = Schemas['VacancyRequest'];

export const CONTRACT_TYPES = ['permanent', 'fixed_term', 'seasonal', 'temporary_agency', 'apprenticeship'] as const;
export const PAY_PERIODS = ['hour', 'month', 'year'] as const;

/** The editor's fields as typed: every value a string, as a form sends it. */
export interface VacancyAnswers {
  occupationUri: string;
  title: string;
  description: string;
  city: string;
  region: string;
  contactName: string;
  contactEmail: string;
  contactPhone: string;
  contractType: string;
  hoursPerWeek: string;
  numberOfPosts: string;
  startDate: string;
  minEqfLevel: string;
  minExperienceYears: string;
  payMin: string;
  payMax: string;
  payCurrency: string;
  payPeriod: string;
  contributes: string;
  justification: string;
}

const NAMES: ReadonlyArray<keyof VacancyAnswers> = [
  'occupationUri', 'title', 'description', 'city', 'region', 'contactName', 'contactEmail', 'contactPhone', 'contractType', 'hoursPerWeek',
  'numberOfPosts', 'startDate', 'minEqfLevel', 'minExperienceYears', 'payMin', 'payMax', 'payCurrency', 'payPeriod', 'contributes', 'justification',
];

/** The label key of each field, and the API's name for it (errors of the API land on the right field). */
export const VACANCY_FIELDS: ReadonlyArray<[keyof VacancyAnswers, string, string]> = [
  ['occupationUri', 'employer.vacancy.occupation', 'occupationUri'],
  ['title', 'employer.vacancy.jobTitle', 'title'],
  ['description', 'employer.vacancy.description', 'description'],
  ['city', 'employer.vacancy.city', 'placeOfWork.city'],
  ['region', 'employer.vacancy.region', 'placeOfWork.region'],
  ['contactName', 'employer.vacancy.contactName', 'contact.name'],
  ['contactEmail', 'employer.vacancy.contactEmail', 'contact.email'],
  ['contactPhone', 'employer.vacancy.contactPhone', 'contact.phone'],
  ['contractType', 'employer.vacancy.contractType', 'contractType'],
  ['hoursPerWeek', 'employer.vacancy.hoursPerWeek', 'hoursPerWeek'],
  ['numberOfPosts', 'employer.vacancy.numberOfPosts', 'numberOfPosts'],
  ['startDate', 'employer.vacancy.startDate', 'startDate'],
  ['minEqfLevel', 'employer.vacancy.minEqfLevel', 'minEqfLevel'],
  ['minExperienceYears', 'employer.vacancy.minExperienceYears', 'minExperienceYears'],
  ['payMin', 'employer.vacancy.payMin', 'pay.min'],
  ['payMax', 'employer.vacancy.payMax', 'pay.max'],
  ['payCurrency', 'employer.vacancy.payCurrency', 'pay.currency'],
  ['payPeriod', 'employer.vacancy.payPeriod', 'pay.period'],
  ['justification', 'employer.vacancy.justification', 'competitivenessJustification'],
];

export function answersFromBody(body: unknown): VacancyAnswers {
  return Object.fromEntries(NAMES.map((name) => [name, field(body, name)])) as unknown as VacancyAnswers;
}

const text = (value: number | string | null | undefined) => (value === null || value === undefined ? '' : String(value));

export function answersFromVacancy(vacancy: Vacancy): VacancyAnswers {
  return {
    occupationUri: vacancy.occupationUri,
    title: vacancy.title,
    description: vacancy.description,
    city: vacancy.placeOfWork.city,
    region: text(vacancy.placeOfWork.region),
    contactName: vacancy.contact.name,
    contactEmail: vacancy.contact.email,
    contactPhone: text(vacancy.contact.phone),
    contractType: text(vacancy.contractType),
    hoursPerWeek: text(vacancy.hoursPerWeek),
    numberOfPosts: text(vacancy.numberOfPosts),
    startDate: text(vacancy.startDate),
    minEqfLevel: text(vacancy.minEqfLevel),
    minExperienceYears: text(vacancy.minExperienceYears),
    payMin: text(vacancy.pay?.min),
    payMax: text(vacancy.pay?.max),
    payCurrency: vacancy.pay?.currency ?? 'EUR',
    payPeriod: vacancy.pay?.period ?? 'month',
    contributes: vacancy.contributesToCompetitiveness ? 'yes' : '',
    justification: text(vacancy.competitivenessJustification),
  };
}

/** A new vacancy's starting values: the organisation's contact person. */
export function blankAnswers(contact: { name: string; email: string; phone: string | null } | null | undefined): VacancyAnswers {
  const empty = Object.fromEntries(NAMES.map((name) => [name, ''])) as unknown as VacancyAnswers;
  return { ...empty, contactName: contact?.name ?? '', contactEmail: contact?.email ?? '', contactPhone: contact?.phone ?? '', numberOfPosts: '1', payCurrency: 'EUR', payPeriod: 'month' };
}

const number = (value: string) => (value === '' ? null : Number(value.replace(',', '.')));

/** What the form asks of every vacancy before the API sees it: the mandatory fields and well-formed numbers. */
export function answerErrors(ctx: PageContext, answers: VacancyAnswers): FieldErrors {
  const { t } = ctx;
  const label = (name: keyof VacancyAnswers) => t(VACANCY_FIELDS.find(([key]) => key === name)?.[1] ?? name);
  const errors: Array<{ field: string; message: string }> = [];
  if (!answers.occupationUri) errors.push({ field: 'occupationUri', message: t('employer.vacancy.chooseOccupation') });
  for (const name of ['title', 'description', 'city', 'contactName', 'contactEmail'] as const) {
    if (!answers[name]) errors.push({ field: name, message: t('errors.required', { field: label(name) }) });
  }
  if (answers.description && answers.description.length < 20) errors.push({ field: 'description', message: t('employer.vacancy.descriptionShort') });
  for (const name of ['hoursPerWeek', 'numberOfPosts', 'minExperienceYears', 'payMin', 'payMax'] as const) {
    const value = number(answers[name]);
    if (value !== null && !Number.isFinite(value)) errors.push({ field: name, message: t('errors.invalid', { field: label(name) }) });
  }
  if (answers.startDate && !/^\d{4}-\d{2}-\d{2}$/.test(answers.startDate)) errors.push({ field: 'startDate', message: `${t('errors.invalid', { field: label('startDate') })}. ${t('candidate.dateHint')}` });
  if (answers.contributes === 'yes' && !answers.justification) errors.push({ field: 'justification', message: t('errors.required', { field: label('justification') }) });
  return errors;
}

/** The API's body for these answers; skills are kept as the vacancy has them. */
export function vacancyBody(answers: VacancyAnswers, skills: VacancyBody['skills'] = [], languages: VacancyBody['languages'] = []): VacancyBody {
  const payMin = number(answers.payMin);
  const payMax = number(answers.payMax);
  const integer = (value: string) => (value === '' ? null : Math.trunc(Number(value)));
  return {
    title: answers.title,
    description: answers.description,
    occupationUri: answers.occupationUri,
    placeOfWork: { city: answers.city, region: answers.region || null },
    contact: { name: answers.contactName, email: answers.contactEmail, phone: answers.contactPhone || null },
    pay: payMin === null && payMax === null ? null : { min: payMin, max: payMax, currency: answers.payCurrency || 'EUR', period: (PAY_PERIODS as readonly string[]).includes(answers.payPeriod) ? (answers.payPeriod as (typeof PAY_PERIODS)[number]) : 'month' },
    contractType: (CONTRACT_TYPES as readonly string[]).includes(answers.contractType) ? (answers.contractType as (typeof CONTRACT_TYPES)[number]) : null,
    hoursPerWeek: number(answers.hoursPerWeek),
    numberOfPosts: integer(answers.numberOfPosts) ?? 1,
    startDate: answers.startDate || null,
    minEqfLevel: integer(answers.minEqfLevel),
    minExperienceYears: integer(answers.minExperienceYears),
    skills,
    languages,
    contributesToCompetitiveness: answers.contributes === 'yes',
    competitivenessJustification: answers.contributes === 'yes' ? answers.justification : null,
  };
}

/** A vacancy's current body, for changes that touch one part (its skills). */
export function currentBody(vacancy: Vacancy): VacancyBody {
  return vacancyBody(answersFromVacancy(vacancy), vacancy.skills, vacancy.languages);
}
