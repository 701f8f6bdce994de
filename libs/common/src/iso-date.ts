/** A calendar day as `YYYY-MM-DD`, in UTC; ISO days compare correctly as strings. */
export function isoDay(date: Date = new Date()): string {
  return date.toISOString().slice(0, 10);
}
