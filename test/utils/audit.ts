import type { DataSource } from 'typeorm';

/**
 * The actions recorded about one target, oldest first; only those after `since` (a watermark from
 * `auditWatermark`) when given. The audit log is append-only, so earlier specs' rows stay.
 */
export async function auditActionsOf(
  dataSource: DataSource,
  targetType: string,
  targetId: string,
  since = '0',
): Promise<string[]> {
  const rows: { action: string }[] = await dataSource.query(
    'SELECT action FROM audit_events WHERE target_type = $1 AND target_id = $2 AND id > $3 ORDER BY id',
    [targetType, targetId, since],
  );
  return rows.map((row) => row.action);
}

/** The id of the newest audit event, to read only what a test adds after it. */
export async function auditWatermark(dataSource: DataSource): Promise<string> {
  const [{ id }]: { id: string }[] = await dataSource.query(
    'SELECT coalesce(max(id), 0)::text AS id FROM audit_events',
  );
  return id;
}
