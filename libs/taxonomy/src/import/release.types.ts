import type { LocalizedAltLabels, LocalizedLabels } from '../taxonomy-language';
import type { CsvFileSummary } from './csv-file';

export type RelationType = 'essential' | 'optional';

interface LabelledRow {
  uri: string;
  preferredLabels: LocalizedLabels;
  altLabels: LocalizedAltLabels;
  description: string | null;
}

export interface OccupationRow extends LabelledRow {
  code: string | null;
  iscoCode: string;
  status: string;
}

export interface SkillRow extends LabelledRow {
  skillType: string | null;
  reuseLevel: string | null;
  status: string;
}

export interface IscoGroupRow extends LabelledRow {
  code: string;
  parentCode: string | null;
}

export interface OccupationSkillRow {
  occupationUri: string;
  skillUri: string;
  relationType: RelationType;
}

export interface SkillRelationRow {
  skillUri: string;
  relatedSkillUri: string;
  relationType: string;
}

export interface HierarchyRow {
  conceptUri: string;
  conceptType: string;
  broaderUri: string;
  broaderType: string;
}

export interface CollectionRow {
  collection: string;
  skillUri: string;
}

/** A whole ESCO release, parsed and validated, ready to be written in one transaction. */
export interface ParsedRelease {
  version: string;
  iscoGroups: IscoGroupRow[];
  occupations: OccupationRow[];
  skills: SkillRow[];
  occupationSkills: OccupationSkillRow[];
  skillRelations: SkillRelationRow[];
  occupationHierarchy: HierarchyRow[];
  skillHierarchy: HierarchyRow[];
  skillCollections: CollectionRow[];
  sourceFiles: CsvFileSummary[];
  /** Rows left out on purpose, by reason (e.g. relations to an occupation the release lacks). */
  skipped: Record<string, number>;
}
