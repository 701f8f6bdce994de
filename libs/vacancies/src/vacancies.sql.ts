import type { OccupationScope } from '@app/queue';
import { OCCUPATIONS_SQL } from '@app/taxonomy';

/**
 * A condition on `v` (vacancies) selecting the vacancies of these occupations (by URI, or by ISCO
 * code covering every occupation of the group) in the Member State, or in every one when null.
 */
export function occupationScopeSql(scope: OccupationScope): { sql: string; params: unknown[] } {
  return {
    sql: `($1::text IS NULL OR v.member_state = $1)
      AND (v.occupation_uri = ANY($2::text[])
           OR v.occupation_uri IN (SELECT uri FROM ${OCCUPATIONS_SQL} o WHERE o.isco_code LIKE ANY($3::text[])))`,
    params: [scope.memberState, scope.occupationUris, scope.iscoCodes.map((code) => `${code}%`)],
  };
}
