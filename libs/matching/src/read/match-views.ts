import type { TaxonomyLanguage } from '@app/taxonomy';
import type { FactorContribution } from '../scoring/score';
import type { SkillRelation } from '../scoring/factors';

export const MATCH_STATUSES = ['new', 'seen', 'shortlisted', 'dismissed'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

export interface LabelledConcept {
  uri: string;
  label: string;
  /** The label's language: the one asked for, or English when that translation is missing. */
  language: TaxonomyLanguage;
}

/** A stored explanation with every ESCO concept labelled in the reader's language. */
export interface ExplanationView {
  scoreVersion: number;
  factors: FactorContribution[];
  matchedSkills: (LabelledConcept & {
    requirement: 'essential' | 'optional';
    relation: SkillRelation;
    via: LabelledConcept;
    credit: number;
  })[];
  missingEssentialSkills: LabelledConcept[];
}

/** What an employer sees: a reference code, never the candidate's identity. */
export interface EmployerMatchView {
  rank: number;
  referenceCode: string;
  /** 0–100. */
  score: number;
  status: MatchStatus;
  computedAt: Date;
  explanation: ExplanationView;
}

export interface CandidateMatchView {
  rank: number;
  vacancyId: string;
  title: string;
  employerName: string;
  occupation: LabelledConcept;
  placeOfWork: { memberState: string; city: string };
  score: number;
  computedAt: Date;
  explanation: ExplanationView;
}

export interface MatchImprovement {
  skill: LabelledConcept;
  /** Vacancies in shortage occupations, within reach of the candidate, that list it as essential. */
  vacancies: number;
}

export interface MatchImprovements {
  /** Vacancies considered: published, in shortage at their place of work, close to the candidate's occupations. */
  vacanciesConsidered: number;
  skills: MatchImprovement[];
}

export type { StoredExplanation } from '../results/stored-explanation';
