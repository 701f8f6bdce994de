import type { DataSource } from 'typeorm';

/** The actions recorded about one target, oldest first. */
export async function auditActionsOf(
  dataSource: DataSource,
  targetType: string,
  targetId: string,
): Promise<string[]> {
  const rows: { action: string }[] = await dataSource.query(
    'SELECT action FROM audit_events WHERE target_type = $1 AND target_id = $2 ORDER BY id',
    [targetType, targetId],
  );
  return rows.map((row) => row.action);
}
