/**
 * Secrets handed to a one-off CLI command (never part of the services' configuration, so they are
 * not kept in the frozen config object the rest of the code shares).
 */
export function readAdminPassword(
  source: Record<string, string | undefined> = process.env,
): string | undefined {
  const value = source.ADMIN_PASSWORD;
  return value === undefined || value === '' ? undefined : value;
}
