import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IndexMatchesByCandidate1795938220513 implements MigrationInterface {
  name = 'IndexMatchesByCandidate1795938220513';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A candidate's set replacement and removal delete rows outside its top set too; without this
    // they scanned the whole table (the primary key leads with vacancy_id).
    await queryRunner.query('CREATE INDEX matches_candidate_idx ON matches (candidate_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX matches_candidate_idx');
  }
}
