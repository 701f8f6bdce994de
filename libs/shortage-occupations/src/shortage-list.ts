import type { OccupationRef, ShortageEntry } from './shortage.types';

type Rule = Pick<
  ShortageEntry,
  'layer' | 'memberState' | 'effect' | 'occupationUri' | 'iscoCode' | 'validFrom' | 'validTo' | 'withdrawn'
>;

/** Validity windows are inclusive on both ends; ISO dates compare as strings. */
export function appliesOn(rule: Rule, date: string): boolean {
  return !rule.withdrawn && rule.validFrom <= date && (rule.validTo === null || date <= rule.validTo);
}

/** The EU layer plus the given Member State's layer, as they stand on that day. */
export function rulesFor<T extends Rule>(
  rules: readonly T[],
  memberState: string,
  date: string,
): { additions: T[]; removals: T[] } {
  const applying = rules.filter(
    (rule) => (rule.layer === 'eu' || rule.memberState === memberState) && appliesOn(rule, date),
  );
  return {
    additions: applying.filter((rule) => rule.effect === 'addition'),
    removals: applying.filter((rule) => rule.effect === 'removal'),
  };
}

/** An entry covers an occupation named by URI, or every occupation under its ISCO-08 group. */
export function covers(rule: Pick<Rule, 'occupationUri' | 'iscoCode'>, occupation: OccupationRef): boolean {
  if (rule.occupationUri !== null) return rule.occupationUri === occupation.uri;
  return rule.iscoCode !== null && occupation.iscoCode.startsWith(rule.iscoCode);
}

/** A removal cancels an addition entirely when it names the same occupation or a group containing it. */
export function cancels(removal: Rule, addition: Rule): boolean {
  if (removal.iscoCode !== null) {
    return addition.iscoCode !== null ? addition.iscoCode.startsWith(removal.iscoCode) : false;
  }
  return removal.occupationUri !== null && removal.occupationUri === addition.occupationUri;
}

/**
 * EU layer + the state's additions − the state's removals, on one day. Removals win over additions,
 * so a state can take an EU-listed occupation off its own list.
 */
export function checkShortage<T extends Rule>(
  rules: readonly T[],
  occupation: OccupationRef,
  memberState: string,
  date: string,
): { inShortage: boolean; entry: T | null; removedBy: T | null } {
  const { additions, removals } = rulesFor(rules, memberState, date);
  const entry = additions.find((rule) => covers(rule, occupation)) ?? null;
  const removedBy = removals.find((rule) => covers(rule, occupation)) ?? null;
  return { inShortage: entry !== null && removedBy === null, entry, removedBy };
}

export function resolveList<T extends Rule>(
  rules: readonly T[],
  memberState: string,
  date: string,
): { entries: T[]; removals: T[] } {
  const { additions, removals } = rulesFor(rules, memberState, date);
  return {
    entries: additions.filter((addition) => !removals.some((removal) => cancels(removal, addition))),
    removals,
  };
}
