import { sqlOperand } from '@app/common';

/** A Member State's participation as stored: dates are ISO days (YYYY-MM-DD). */
export interface ParticipationDates {
  participating: boolean;
  /** Null means "since the platform's launch". */
  participationStartDate: string | null;
  withdrawalDate: string | null;
}

/** Participating on `day`: flagged, started (or from launch) and not yet withdrawn (exclusive). */
export function participatesOn(state: ParticipationDates, day: string): boolean {
  return (
    state.participating &&
    (state.participationStartDate === null || state.participationStartDate <= day) &&
    (state.withdrawalDate === null || day < state.withdrawalDate)
  );
}

/**
 * `participatesOn` for SQL readers: the Member States participating on `day` (a date parameter or
 * `current_date`), as a relation with one column, `country_code`.
 */
export function participatingMemberStatesSql(day: string): string {
  const on = sqlOperand(day);
  return `(SELECT country_code FROM member_states WHERE participating
     AND (participation_start_date IS NULL OR participation_start_date <= ${on})
     AND (withdrawal_date IS NULL OR ${on} < withdrawal_date))`;
}
