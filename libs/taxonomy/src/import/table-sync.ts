import type { EntityManager } from 'typeorm';

export type ColumnType = 'text' | 'jsonb';

export interface SyncColumn<T> {
  name: string;
  type: ColumnType;
  value: (row: T) => string | null | object;
}

/**
 * How one table follows a release. Concepts missing from the release are marked obsolete (profiles
 * and vacancies keep pointing at them); relation rows missing from it are removed.
 */
export interface TableSync<T> {
  table: string;
  key: readonly string[];
  columns: readonly SyncColumn<T>[];
  missing: 'mark-obsolete' | 'delete';
}

const BATCH_ROWS = 20_000;

/**
 * Brings `spec.table` in line with `rows` and returns how many rows changed. Rows equal to the
 * release are not touched, so importing the same release twice changes nothing. Table and column
 * names come from code; values are always bound parameters.
 */
export async function syncTable<T>(
  manager: EntityManager,
  spec: TableSync<T>,
  rows: readonly T[],
): Promise<number> {
  const stage = `stage_${spec.table}`;
  const names = spec.columns.map((column) => column.name);
  await manager.query(`DROP TABLE IF EXISTS ${stage}`);
  await manager.query(
    `CREATE TEMP TABLE ${stage} AS SELECT ${names.join(', ')} FROM ${spec.table} WITH NO DATA`,
  );
  const casts = spec.columns.map((column, i) => `$${i + 1}::${column.type}[]`).join(', ');
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const parameters = spec.columns.map((column) =>
      batch.map((row) => {
        const value = column.value(row);
        return column.type === 'jsonb' ? JSON.stringify(value) : value;
      }),
    );
    await manager.query(
      `INSERT INTO ${stage} (${names.join(', ')}) SELECT * FROM unnest(${casts})`,
      parameters,
    );
  }
  await manager.query(`ANALYZE ${stage}`);

  const obsoleteAware = spec.missing === 'mark-obsolete';
  const updatable = names.filter((name) => !spec.key.includes(name));
  const sets = [
    ...updatable.map((name) => `${name} = EXCLUDED.${name}`),
    ...(obsoleteAware ? ['obsolete = false'] : []),
  ];
  const current = [
    ...updatable.map((name) => `${spec.table}.${name}`),
    ...(obsoleteAware ? [`${spec.table}.obsolete`] : []),
  ];
  const incoming = [...updatable.map((name) => `EXCLUDED.${name}`), ...(obsoleteAware ? ['false'] : [])];
  const onConflict =
    sets.length === 0
      ? 'DO NOTHING'
      : `DO UPDATE SET ${sets.join(', ')} WHERE (${current.join(', ')}) IS DISTINCT FROM (${incoming.join(', ')})`;
  const upserted = await affected(
    manager,
    `INSERT INTO ${spec.table} (${names.join(', ')}) SELECT ${names.join(', ')} FROM ${stage}
      ON CONFLICT (${spec.key.join(', ')}) ${onConflict}`,
  );

  const matches = spec.key.map((name) => `s.${name} = ${spec.table}.${name}`).join(' AND ');
  const absent = `NOT EXISTS (SELECT 1 FROM ${stage} s WHERE ${matches})`;
  const retired = await affected(
    manager,
    obsoleteAware
      ? `UPDATE ${spec.table} SET obsolete = true WHERE NOT obsolete AND ${absent}`
      : `DELETE FROM ${spec.table} WHERE ${absent}`,
  );
  await manager.query(`DROP TABLE ${stage}`);
  return upserted + retired;
}

async function affected(manager: EntityManager, sql: string): Promise<number> {
  const runner = manager.queryRunner;
  if (!runner) throw new Error('syncTable must run inside a transaction');
  const result = await runner.query(sql, [], true);
  return result.affected ?? 0;
}
