import type { DataSource } from 'typeorm';

/** Append-only by a database trigger (even TRUNCATE is refused): tests scope their reads instead. */
const APPEND_ONLY_TABLES = ['audit_events'];

/** Empties every table except the migrations ledger, so each test starts from a clean state. */
export async function truncateAll(dataSource: DataSource): Promise<void> {
  const rows: { tablename: string }[] = await dataSource.query(
    `SELECT tablename FROM pg_tables
      WHERE schemaname = 'public' AND tablename <> 'schema_migrations' AND NOT (tablename = ANY($1))`,
    [APPEND_ONLY_TABLES],
  );
  if (rows.length === 0) return;
  const tables = rows.map((row) => `"${row.tablename}"`).join(', ');
  // TRUNCATE locks its tables one after another; a worker of the same run still writing (an outbox
  // relay, a job finishing) can hold one of them and wait for another, which Postgres resolves by
  // aborting one side as a deadlock. The reset is then simply asked again.
  for (let attempt = 1; ; attempt++) {
    try {
      await dataSource.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
      return;
    } catch (error) {
      if (attempt >= 10 || !isDeadlock(error)) throw error;
    }
  }
}

function isDeadlock(error: unknown): boolean {
  return (
    (error as { driverError?: { code?: string }; code?: string }).driverError?.code === '40P01' ||
    (error as { code?: string }).code === '40P01'
  );
}
