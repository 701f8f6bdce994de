import type { DataSource } from 'typeorm';

const LOG = 'test_write_log';
const TRIGGER = 'zz_test_write_log';

/**
 * Records every INSERT, UPDATE and DELETE statement on every table of the test database (even one
 * that changes no row), so a spec can prove a request wrote nothing at all. Statement triggers,
 * removed by `stop`; only this spec's database is touched.
 */
export class WriteLog {
  private tables: string[] = [];

  constructor(private readonly dataSource: DataSource) {}

  async start(): Promise<void> {
    await this.dataSource.query(
      `CREATE TABLE IF NOT EXISTS ${LOG} (id bigserial, table_name text, operation text)`,
    );
    await this.dataSource.query(
      `CREATE OR REPLACE FUNCTION ${LOG}_record() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN INSERT INTO ${LOG} (table_name, operation) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$`,
    );
    const rows: { tablename: string }[] = await this.dataSource.query(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> $1`,
      [LOG],
    );
    this.tables = rows.map((row) => row.tablename);
    for (const table of this.tables) {
      await this.dataSource.query(
        `CREATE TRIGGER ${TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON "${table}"
           FOR EACH STATEMENT EXECUTE FUNCTION ${LOG}_record()`,
      );
    }
  }

  async clear(): Promise<void> {
    await this.dataSource.query(`DELETE FROM ${LOG}`);
  }

  /** `table operation` of every write statement since the last `clear`, in order. */
  async writes(): Promise<string[]> {
    const rows: { table_name: string; operation: string }[] = await this.dataSource.query(
      `SELECT table_name, operation FROM ${LOG} ORDER BY id`,
    );
    return rows.map((row) => `${row.table_name} ${row.operation}`);
  }

  async stop(): Promise<void> {
    for (const table of this.tables)
      await this.dataSource.query(`DROP TRIGGER IF EXISTS ${TRIGGER} ON "${table}"`);
    await this.dataSource.query(`DROP TABLE IF EXISTS ${LOG}`);
    await this.dataSource.query(`DROP FUNCTION IF EXISTS ${LOG}_record()`);
  }
}
