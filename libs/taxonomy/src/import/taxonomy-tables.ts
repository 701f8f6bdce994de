import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ParsedRelease } from './release.types';
import { syncTable, type TableSync } from './table-sync';

type Row<K extends keyof ParsedRelease> = ParsedRelease[K] extends readonly (infer R)[] ? R : never;

const labels = <T extends { preferredLabels: object; altLabels: object }>() =>
  [
    { name: 'preferred_labels', type: 'jsonb', value: (row: T) => row.preferredLabels },
    { name: 'alt_labels', type: 'jsonb', value: (row: T) => row.altLabels },
  ] as const;

const hierarchy = (table: string): TableSync<Row<'occupationHierarchy'>> => ({
  table,
  key: ['concept_uri', 'broader_uri'],
  missing: 'delete',
  columns: [
    { name: 'concept_uri', type: 'text', value: (row) => row.conceptUri },
    { name: 'concept_type', type: 'text', value: (row) => row.conceptType },
    { name: 'broader_uri', type: 'text', value: (row) => row.broaderUri },
    { name: 'broader_type', type: 'text', value: (row) => row.broaderType },
  ],
});

/** Every taxonomy table, in write order (concepts before the relations that reference them). */
export const TAXONOMY_TABLES = {
  iscoGroups: {
    table: 'isco_groups',
    key: ['code'],
    missing: 'mark-obsolete',
    columns: [
      { name: 'code', type: 'text', value: (row) => row.code },
      { name: 'uri', type: 'text', value: (row) => row.uri },
      { name: 'parent_code', type: 'text', value: (row) => row.parentCode },
      ...labels<Row<'iscoGroups'>>(),
      { name: 'description', type: 'text', value: (row) => row.description },
    ],
  },
  occupations: {
    table: 'occupations',
    key: ['uri'],
    missing: 'mark-obsolete',
    columns: [
      { name: 'uri', type: 'text', value: (row) => row.uri },
      { name: 'code', type: 'text', value: (row) => row.code },
      { name: 'isco_code', type: 'text', value: (row) => row.iscoCode },
      ...labels<Row<'occupations'>>(),
      { name: 'description', type: 'text', value: (row) => row.description },
      { name: 'status', type: 'text', value: (row) => row.status },
    ],
  },
  skills: {
    table: 'skills',
    key: ['uri'],
    missing: 'mark-obsolete',
    columns: [
      { name: 'uri', type: 'text', value: (row) => row.uri },
      { name: 'skill_type', type: 'text', value: (row) => row.skillType },
      { name: 'reuse_level', type: 'text', value: (row) => row.reuseLevel },
      ...labels<Row<'skills'>>(),
      { name: 'description', type: 'text', value: (row) => row.description },
      { name: 'status', type: 'text', value: (row) => row.status },
    ],
  },
  occupationSkills: {
    table: 'occupation_skills',
    key: ['occupation_uri', 'skill_uri'],
    missing: 'delete',
    columns: [
      { name: 'occupation_uri', type: 'text', value: (row) => row.occupationUri },
      { name: 'skill_uri', type: 'text', value: (row) => row.skillUri },
      { name: 'relation_type', type: 'text', value: (row) => row.relationType },
    ],
  },
  skillRelations: {
    table: 'skill_relations',
    key: ['skill_uri', 'related_skill_uri'],
    missing: 'delete',
    columns: [
      { name: 'skill_uri', type: 'text', value: (row) => row.skillUri },
      { name: 'related_skill_uri', type: 'text', value: (row) => row.relatedSkillUri },
      { name: 'relation_type', type: 'text', value: (row) => row.relationType },
    ],
  },
  occupationHierarchy: hierarchy('occupation_hierarchy'),
  skillHierarchy: hierarchy('skill_hierarchy'),
  skillCollections: {
    table: 'skill_collections',
    key: ['collection', 'skill_uri'],
    missing: 'delete',
    columns: [
      { name: 'collection', type: 'text', value: (row) => row.collection },
      { name: 'skill_uri', type: 'text', value: (row) => row.skillUri },
    ],
  },
} satisfies { [K in keyof ParsedRelease]?: TableSync<Row<K>> };

export type TaxonomyTableKey = keyof typeof TAXONOMY_TABLES;

/** Writes the release table by table; returns the number of changed rows per table. */
export async function writeRelease(
  manager: EntityManager,
  release: ParsedRelease,
  onTable: (table: string, changed: number) => void = () => undefined,
): Promise<Record<string, number>> {
  const changed: Record<string, number> = {};
  for (const key of Object.keys(TAXONOMY_TABLES) as TaxonomyTableKey[]) {
    const spec = TAXONOMY_TABLES[key] as TableSync<unknown>;
    changed[spec.table] = await syncTable(manager, spec, release[key]);
    onTable(spec.table, changed[spec.table]);
  }
  return changed;
}

export interface TaxonomyContent {
  rowCounts: Record<string, number>;
  checksum: string;
}

/** Row counts and a checksum over the full content of every taxonomy table, in key order. */
export async function taxonomyContent(manager: EntityManager): Promise<TaxonomyContent> {
  const rowCounts: Record<string, number> = {};
  const hash = createHash('sha256');
  for (const spec of Object.values(TAXONOMY_TABLES) as TableSync<unknown>[]) {
    const [row] = await manager.query<{ rows: number; digest: string }[]>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, E'\\n' ORDER BY ${spec.key
        .map((column) => `t.${column}`)
        .join(', ')}), '')) AS digest FROM ${spec.table} t`,
    );
    rowCounts[spec.table] = row.rows;
    hash.update(`${spec.table}:${row.rows}:${row.digest}\n`);
  }
  return { rowCounts, checksum: hash.digest('hex') };
}
