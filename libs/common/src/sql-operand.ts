/**
 * What a published SQL fragment accepts where the reader supplies a value: a column reference
 * (`l.cefr_level`), a positional parameter (`$2`) or `current_date`. Never user input.
 */
export function sqlOperand(expression: string): string {
  if (!/^(?:current_date|\$\d{1,2}(?:::date)?|[a-z_][a-z0-9_]*(?:\.[a-z_][a-z0-9_]*)?)$/.test(expression))
    throw new Error(`Not a column, parameter or current_date: ${expression}`);
  return expression;
}
