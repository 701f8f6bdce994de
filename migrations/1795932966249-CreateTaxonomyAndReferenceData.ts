import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateTaxonomyAndReferenceData1795932966249 implements MigrationInterface {
  name = 'CreateTaxonomyAndReferenceData1795932966249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE taxonomy_versions (
        version text PRIMARY KEY,
        imported_at timestamptz NOT NULL DEFAULT now(),
        content_checksum text NOT NULL,
        row_counts jsonb NOT NULL,
        source_files jsonb NOT NULL,
        skipped jsonb NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE isco_groups (
        code text PRIMARY KEY,
        uri text NOT NULL UNIQUE,
        parent_code text,
        preferred_labels jsonb NOT NULL,
        alt_labels jsonb NOT NULL,
        description text,
        obsolete boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query('CREATE INDEX isco_groups_parent_idx ON isco_groups (parent_code)');
    await queryRunner.query(`
      CREATE TABLE occupations (
        uri text PRIMARY KEY,
        code text,
        isco_code text NOT NULL,
        preferred_labels jsonb NOT NULL,
        alt_labels jsonb NOT NULL,
        description text,
        status text NOT NULL,
        obsolete boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query('CREATE INDEX occupations_isco_idx ON occupations (isco_code)');
    await queryRunner.query(`
      CREATE TABLE skills (
        uri text PRIMARY KEY,
        skill_type text,
        reuse_level text,
        preferred_labels jsonb NOT NULL,
        alt_labels jsonb NOT NULL,
        description text,
        status text NOT NULL,
        obsolete boolean NOT NULL DEFAULT false
      )`);
    await queryRunner.query(`
      CREATE TABLE occupation_skills (
        occupation_uri text NOT NULL REFERENCES occupations (uri),
        skill_uri text NOT NULL REFERENCES skills (uri),
        relation_type text NOT NULL CHECK (relation_type IN ('essential', 'optional')),
        PRIMARY KEY (occupation_uri, skill_uri)
      )`);
    await queryRunner.query('CREATE INDEX occupation_skills_skill_idx ON occupation_skills (skill_uri)');
    await queryRunner.query(`
      CREATE TABLE skill_relations (
        skill_uri text NOT NULL REFERENCES skills (uri),
        related_skill_uri text NOT NULL REFERENCES skills (uri),
        relation_type text NOT NULL,
        PRIMARY KEY (skill_uri, related_skill_uri)
      )`);
    // Hierarchy ends may be ISCO groups or skill groups, which are not rows of occupations/skills.
    await queryRunner.query(`
      CREATE TABLE occupation_hierarchy (
        concept_uri text NOT NULL,
        concept_type text NOT NULL,
        broader_uri text NOT NULL,
        broader_type text NOT NULL,
        PRIMARY KEY (concept_uri, broader_uri)
      )`);
    await queryRunner.query(
      'CREATE INDEX occupation_hierarchy_broader_idx ON occupation_hierarchy (broader_uri)',
    );
    await queryRunner.query(`
      CREATE TABLE skill_hierarchy (
        concept_uri text NOT NULL,
        concept_type text NOT NULL,
        broader_uri text NOT NULL,
        broader_type text NOT NULL,
        PRIMARY KEY (concept_uri, broader_uri)
      )`);
    await queryRunner.query('CREATE INDEX skill_hierarchy_broader_idx ON skill_hierarchy (broader_uri)');
    await queryRunner.query(`
      CREATE TABLE skill_collections (
        collection text NOT NULL,
        skill_uri text NOT NULL REFERENCES skills (uri),
        PRIMARY KEY (collection, skill_uri)
      )`);

    await queryRunner.query(`
      CREATE TABLE countries (
        alpha2 char(2) PRIMARY KEY,
        alpha3 char(3) NOT NULL UNIQUE,
        numeric_code char(3) NOT NULL,
        name text NOT NULL,
        region text,
        eu_member boolean NOT NULL,
        eu_code char(2)
      )`);
    await queryRunner.query(`
      CREATE TABLE languages (
        code char(2) PRIMARY KEY,
        name text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE cefr_levels (
        code char(2) PRIMARY KEY,
        rank smallint NOT NULL UNIQUE,
        name text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE eqf_levels (
        level smallint PRIMARY KEY CHECK (level BETWEEN 1 AND 8),
        description text NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE member_states (
        country_code char(2) PRIMARY KEY REFERENCES countries (alpha2),
        participating boolean NOT NULL DEFAULT false,
        participation_start_date date,
        notification_date date,
        withdrawal_date date,
        allowed_entity_types text[] NOT NULL DEFAULT '{}' CHECK (
          allowed_entity_types <@ ARRAY['employer', 'temporary_work_agency', 'private_employment_agency',
            'labour_market_intermediary']::text[]),
        CHECK (withdrawal_date IS NULL OR participation_start_date IS NULL
          OR withdrawal_date > participation_start_date)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE member_states, eqf_levels, cefr_levels, languages, countries, skill_collections,
        skill_hierarchy, occupation_hierarchy, skill_relations, occupation_skills, skills, occupations,
        isco_groups, taxonomy_versions`);
  }
}
