import type { Stage } from '../contact.types';

/** Stages the organisation sets; the others follow from the candidate's answers. */
export const EMPLOYER_STAGES = ['interviewing', 'offered', 'hired', 'not_selected'] as const;
export type EmployerStage = (typeof EMPLOYER_STAGES)[number];

const FINAL: readonly Stage[] = ['hired', 'not_selected', 'withdrawn'];

/** The organisation moves a pair forward only after disclosure, and never out of a final stage. */
export function canEmployerMove(from: Stage, to: EmployerStage): boolean {
  if (FINAL.includes(from) || from === 'contacted') return false;
  const order: Stage[] = ['new', 'accepted', 'interviewing', 'offered', 'hired'];
  if (to === 'not_selected') return true;
  return order.indexOf(to) > order.indexOf(from);
}

export function isFinal(stage: Stage): boolean {
  return FINAL.includes(stage);
}

/** Each side reads the same stage in its own words. */
const CANDIDATE_WORDS: Record<Stage, string> = {
  new: 'Application sent',
  contacted: 'The employer would like to contact you',
  accepted: 'You accepted the contact request',
  interviewing: 'Interviews in progress',
  offered: 'You received an offer',
  hired: 'Hired',
  not_selected: 'Not selected this time',
  withdrawn: 'You withdrew',
};

const EMPLOYER_WORDS: Record<Stage, string> = {
  new: 'New application',
  contacted: 'Contact request sent, awaiting the candidate',
  accepted: 'Candidate accepted your request',
  interviewing: 'Interviewing',
  offered: 'Offer made',
  hired: 'Hired',
  not_selected: 'Not selected',
  withdrawn: 'Candidate declined or withdrew',
};

export function stageLabel(stage: Stage, side: 'candidate' | 'employer'): string {
  return (side === 'candidate' ? CANDIDATE_WORDS : EMPLOYER_WORDS)[stage];
}
