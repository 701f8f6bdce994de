import type { RelationType } from '../import/release.types';
import type { LocalizedAltLabels, LocalizedLabels } from '../taxonomy-language';

interface ConceptView {
  uri: string;
  preferredLabels: LocalizedLabels;
  altLabels: LocalizedAltLabels;
  description: string | null;
  obsolete: boolean;
}

export interface OccupationView extends ConceptView {
  code: string | null;
  iscoCode: string;
}

export interface SkillView extends ConceptView {
  skillType: string | null;
  reuseLevel: string | null;
}

export interface RelatedSkillView extends SkillView {
  relationType: RelationType;
}

export interface OccupationSkillsView {
  occupation: OccupationView;
  essential: RelatedSkillView[];
  optional: RelatedSkillView[];
}

export interface IscoGroupNode {
  code: string;
  uri: string;
  preferredLabels: LocalizedLabels;
  children: IscoGroupNode[];
}

export interface TaxonomyVersionView {
  version: string;
  importedAt: Date;
  rowCounts: Record<string, number>;
  skipped: Record<string, number>;
}
