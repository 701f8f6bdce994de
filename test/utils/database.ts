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
  await dataSource.query(`TRUNCATE ${tables} RESTART IDENTITY CASCADE`);
}
