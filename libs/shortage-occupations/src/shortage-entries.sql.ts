import { sqlOperand } from '@app/common';

/**
 * For SQL readers, the shortage additions of any layer in force on `day` (a date parameter or
 * `current_date`): a relation of `member_state` (NULL for the EU layer), `occupation_uri`,
 * `isco_code` and `sector_code`. An entry names an occupation or a whole ISCO group.
 */
export function shortageAdditionsOnSql(day: string): string {
  const on = sqlOperand(day);
  return `(SELECT member_state, occupation_uri, isco_code, sector_code FROM shortage_entries
     WHERE effect = 'addition' AND superseded_at IS NULL AND NOT withdrawn
       AND valid_from <= ${on} AND (valid_to IS NULL OR valid_to >= ${on}))`;
}
