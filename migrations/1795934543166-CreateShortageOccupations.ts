import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateShortageOccupations1795934543166 implements MigrationInterface {
  name = 'CreateShortageOccupations1795934543166';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE shortage_sectors (
        code text PRIMARY KEY CHECK (code ~ '^[a-z_]{2,40}$'),
        name text NOT NULL
      )`);
    // Every change is a new version row of the same entry; the previous one is closed, never edited.
    await queryRunner.query(`
      CREATE TABLE shortage_entries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        entry_id uuid NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        layer text NOT NULL CHECK (layer IN ('eu', 'member_state')),
        member_state char(2) REFERENCES member_states (country_code),
        effect text NOT NULL CHECK (effect IN ('addition', 'removal')),
        occupation_uri text,
        isco_code text CHECK (isco_code ~ '^[0-9]{1,4}$'),
        sector_code text NOT NULL REFERENCES shortage_sectors (code),
        valid_from date NOT NULL,
        valid_to date,
        withdrawn boolean NOT NULL DEFAULT false,
        reason text NOT NULL,
        source text,
        recorded_by uuid,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        superseded_at timestamptz,
        UNIQUE (entry_id, version),
        CONSTRAINT shortage_entries_layer_scope CHECK ((layer = 'eu') = (member_state IS NULL)),
        CONSTRAINT shortage_entries_eu_adds_only CHECK (layer = 'member_state' OR effect = 'addition'),
        CONSTRAINT shortage_entries_one_target CHECK ((occupation_uri IS NULL) <> (isco_code IS NULL)),
        CONSTRAINT shortage_entries_window CHECK (valid_to IS NULL OR valid_to >= valid_from)
      )`);
    await queryRunner.query(
      'CREATE UNIQUE INDEX shortage_entries_current_key ON shortage_entries (entry_id) WHERE superseded_at IS NULL',
    );
    await queryRunner.query(
      'CREATE INDEX shortage_entries_current_state_idx ON shortage_entries (member_state) WHERE superseded_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE shortage_entries, shortage_sectors');
  }
}
