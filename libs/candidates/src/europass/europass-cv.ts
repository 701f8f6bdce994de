import { XMLParser } from 'fast-xml-parser';
import { InvalidProfileError } from '../candidate.errors';

/**
 * What a Europass CV in the published Europass XML format (schema v3.x, root `SkillsPassport`,
 * namespace http://europass.cedefop.europa.eu/Europass) says that a profile can use. That format
 * codes positions with ISCO-88 (COM), not ESCO, so occupations and skills are suggested from its
 * texts by the caller.
 */
export interface EuropassCv {
  /** The document's `locale` attribute, lower case (e.g. `en`); null when absent. */
  locale: string | null;
  headline: string | null;
  work: {
    position: string | null;
    activities: string | null;
    employerName: string | null;
    countryCode: string | null;
    from: string | null;
    to: string | null;
  }[];
  education: {
    title: string | null;
    field: string | null;
    eqfLevel: number | null;
    countryCode: string | null;
    completionYear: number | null;
  }[];
  /** ISO 639 code and the CEFR level: mother tongues at C2, foreign languages at their lowest level given. */
  languages: { code: string; cefr: string }[];
  /** Free-text skill descriptions (job-related, computer, communication, organisational, other). */
  skillTexts: string[];
}

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const LIST_ELEMENTS = new Set([
  'WorkExperience',
  'Education',
  'MotherTongue',
  'ForeignLanguage',
  'Nationality',
  'Telephone',
  'Website',
  'InstantMessaging',
  'Achievement',
  'Attachment',
  'ReferenceTo',
  'Certificate',
  'Licence',
  'Field',
  'Metadata',
]);

type Node = Record<string, unknown>;

export class InvalidEuropassCvError extends InvalidProfileError {
  constructor(reason: string) {
    super('INVALID_EUROPASS_CV', 'The file is not a Europass CV in the Europass XML format', [
      { field: 'xml', reason },
    ]);
  }
}

export function parseEuropassCv(xml: string): EuropassCv {
  // No document type declarations: they are not part of the format and could expand entities.
  if (/<!DOCTYPE|<!ENTITY/i.test(xml))
    throw new InvalidEuropassCvError('document type declarations are not accepted');
  let document: Node;
  try {
    document = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      removeNSPrefix: true,
      htmlEntities: true,
      parseTagValue: false,
      parseAttributeValue: false,
      isArray: (name) => LIST_ELEMENTS.has(name),
    }).parse(xml, true) as Node;
  } catch {
    throw new InvalidEuropassCvError('not well-formed XML');
  }
  const root = node(document.SkillsPassport);
  if (!root) throw new InvalidEuropassCvError('the root element must be SkillsPassport');
  const learner = node(root.LearnerInfo) ?? {};
  const skills = node(learner.Skills) ?? {};
  const linguistic = node(skills.Linguistic) ?? {};
  return {
    locale: text(root['@locale'])?.toLowerCase().slice(0, 2) ?? null,
    headline: text(node(node(learner.Headline)?.Description)?.Label),
    work: list(node(learner.WorkExperienceList)?.WorkExperience).map((experience) => ({
      position: text(node(experience.Position)?.Label),
      activities: plain(text(experience.Activities)),
      employerName: text(node(experience.Employer)?.Name),
      countryCode: countryOf(node(experience.Employer)),
      from: dayOf(node(node(experience.Period)?.From)),
      to: dayOf(node(node(experience.Period)?.To)),
    })),
    education: list(node(learner.EducationList)?.Education).map((education) => ({
      title: text(education.Title),
      field: text(node(list(education.Field)[0])?.Label),
      eqfLevel: eqfOf(text(node(education.Level)?.Code)),
      countryCode: countryOf(node(education.Organisation)),
      completionYear: yearOf(node(node(education.Period)?.To)),
    })),
    languages: [
      ...list(node(linguistic.MotherTongueList)?.MotherTongue).map((tongue) => ({
        code: text(node(tongue.Description)?.Code),
        cefr: 'C2',
      })),
      ...list(node(linguistic.ForeignLanguageList)?.ForeignLanguage).map((language) => ({
        code: text(node(language.Description)?.Code),
        cefr: lowestLevel(node(language.ProficiencyLevel)),
      })),
    ].flatMap((entry) =>
      entry.code && /^[a-z]{2}$/.test(entry.code) && entry.cefr
        ? [{ code: entry.code, cefr: entry.cefr }]
        : [],
    ),
    skillTexts: ['JobRelated', 'Computer', 'Communication', 'Organisational', 'Other'].flatMap((kind) => {
      const description = plain(text(node(skills[kind])?.Description));
      return description ? [description] : [];
    }),
  };
}

function node(value: unknown): Node | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Node) : null;
}

function list(value: unknown): Node[] {
  return (Array.isArray(value) ? value : value === undefined ? [] : [value]).flatMap((item) => {
    const found = node(item);
    return found ? [found] : [];
  });
}

function text(value: unknown): string | null {
  const found =
    typeof value === 'string'
      ? value
      : typeof node(value)?.['#text'] === 'string'
        ? (node(value)?.['#text'] as string)
        : null;
  const trimmed = found?.trim();
  return trimmed ? trimmed : null;
}

/** Activities and descriptions may hold escaped HTML (`<p>`, `<li>`): kept as plain text. */
function plain(value: string | null): string | null {
  if (value === null) return null;
  const stripped = value
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped || null;
}

function countryOf(organisation: Node | null): string | null {
  const contact = node(node(node(organisation?.ContactInfo)?.Address)?.Contact);
  const code = text(node(contact?.Country)?.Code)?.toUpperCase() ?? null;
  // Europass writes the United Kingdom as UK and Greece as EL; ISO 3166-1 says GB and GR.
  const iso = code === 'UK' ? 'GB' : code === 'EL' ? 'GR' : code;
  return iso && /^[A-Z]{2}$/.test(iso) ? iso : null;
}

/** Europass dates: `year="2016" month="--03" day="---01"`; a missing month or day reads as the first. */
function dayOf(date: Node | null): string | null {
  const year = text(date?.['@year']);
  if (!year || !/^\d{4}$/.test(year)) return null;
  const month = /^--(\d{2})$/.exec(text(date?.['@month']) ?? '')?.[1] ?? '01';
  const day = /^---(\d{2})$/.exec(text(date?.['@day']) ?? '')?.[1] ?? '01';
  return `${year}-${month}-${day}`;
}

function yearOf(date: Node | null): number | null {
  const day = dayOf(date);
  return day ? Number(day.slice(0, 4)) : null;
}

function eqfOf(code: string | null): number | null {
  const level = Number(code);
  return Number.isInteger(level) && level >= 1 && level <= 8 ? level : null;
}

/** The lowest of the five self-assessed CEFR levels: the profile claims no more than the weakest. */
function lowestLevel(proficiency: Node | null): string {
  const levels = ['Listening', 'Reading', 'SpokenInteraction', 'SpokenProduction', 'Writing']
    .map((skill) => text(proficiency?.[skill])?.toUpperCase())
    .filter((level): level is string => level !== null && level !== undefined && CEFR.includes(level));
  if (levels.length === 0) return '';
  return levels.reduce((lowest, level) => (CEFR.indexOf(level) < CEFR.indexOf(lowest) ? level : lowest));
}
