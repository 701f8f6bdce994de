import type { MigrationInterface, QueryRunner } from 'typeorm';

export class UnloggedMatchRefreshRows1796500000000 implements MigrationInterface {
  name = 'UnloggedMatchRefreshRows1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Staged rows are scratch: a full re-match counts them before its swap and starts again if a
    // crash emptied the table, so they need not pass through the write-ahead log.
    await queryRunner.query('ALTER TABLE match_refresh_rows SET UNLOGGED');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE match_refresh_rows SET LOGGED');
  }
}
