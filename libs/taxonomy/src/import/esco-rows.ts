import { ESCO_OCCUPATION_URI, ESCO_SKILL_URI, ISCO_CODE } from '../esco-uri';
import type { CsvRecord } from './csv-file';
import type {
  CollectionRow,
  HierarchyRow,
  IscoGroupRow,
  OccupationRow,
  OccupationSkillRow,
  SkillRelationRow,
  SkillRow,
} from './release.types';

/** A mapped row, or the reason the row is rejected. */
export type RowResult<T> = { row: T } | { problem: string };

const SKILL_TYPES = new Set(['skill/competence', 'knowledge']);
const REUSE_LEVELS = new Set(['transversal', 'cross-sector', 'sector-specific', 'occupation-specific']);

/** Splits a multi-value label field: one per line in the main files, ` | ` in the collections. */
export function splitLabels(value: string | undefined, separator: '\n' | '|' = '\n'): string[] {
  if (!value) return [];
  const labels = value.split(separator === '\n' ? /\r?\n/ : '|').map((label) => label.trim());
  return [...new Set(labels.filter((label) => label.length > 0))];
}

function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

export function occupationFromRecord(record: CsvRecord): RowResult<OccupationRow> {
  const uri = text(record.conceptUri);
  const label = text(record.preferredLabel);
  const iscoCode = text(record.iscoGroup);
  if (!uri || !ESCO_OCCUPATION_URI.test(uri)) return { problem: `invalid occupation URI "${uri ?? ''}"` };
  if (!label) return { problem: 'empty preferredLabel' };
  if (!iscoCode || !/^\d{4}$/.test(iscoCode)) return { problem: `invalid iscoGroup "${iscoCode ?? ''}"` };
  return {
    row: {
      uri,
      code: text(record.code),
      iscoCode,
      preferredLabels: { en: label },
      altLabels: { en: splitLabels(record.altLabels) },
      description: text(record.description),
      status: text(record.status) ?? 'released',
    },
  };
}

export function skillFromRecord(record: CsvRecord): RowResult<SkillRow> {
  const uri = text(record.conceptUri);
  const label = text(record.preferredLabel);
  const skillType = text(record.skillType);
  const reuseLevel = text(record.reuseLevel);
  if (!uri || !ESCO_SKILL_URI.test(uri)) return { problem: `invalid skill URI "${uri ?? ''}"` };
  if (!label) return { problem: 'empty preferredLabel' };
  if (skillType && !SKILL_TYPES.has(skillType)) return { problem: `unknown skillType "${skillType}"` };
  if (reuseLevel && !REUSE_LEVELS.has(reuseLevel)) return { problem: `unknown reuseLevel "${reuseLevel}"` };
  return {
    row: {
      uri,
      skillType,
      reuseLevel,
      preferredLabels: { en: label },
      altLabels: { en: splitLabels(record.altLabels) },
      description: text(record.description),
      status: text(record.status) ?? 'released',
    },
  };
}

export function iscoGroupFromRecord(record: CsvRecord): RowResult<IscoGroupRow> {
  const uri = text(record.conceptUri);
  const code = text(record.code);
  const label = text(record.preferredLabel);
  if (!uri) return { problem: 'empty conceptUri' };
  if (!code || !ISCO_CODE.test(code)) return { problem: `invalid ISCO code "${code ?? ''}"` };
  if (!label) return { problem: 'empty preferredLabel' };
  return {
    row: {
      uri,
      code,
      parentCode: code.length > 1 ? code.slice(0, -1) : null,
      preferredLabels: { en: label },
      altLabels: { en: splitLabels(record.altLabels) },
      description: text(record.description),
    },
  };
}

export function occupationSkillFromRecord(record: CsvRecord): RowResult<OccupationSkillRow> {
  const occupationUri = text(record.occupationUri);
  const skillUri = text(record.skillUri);
  const relationType = text(record.relationType);
  if (!occupationUri || !ESCO_OCCUPATION_URI.test(occupationUri)) {
    return { problem: `invalid occupationUri "${occupationUri ?? ''}"` };
  }
  if (!skillUri || !ESCO_SKILL_URI.test(skillUri)) return { problem: `invalid skillUri "${skillUri ?? ''}"` };
  if (relationType !== 'essential' && relationType !== 'optional') {
    return { problem: `relationType must be essential or optional, not "${relationType ?? ''}"` };
  }
  return { row: { occupationUri, skillUri, relationType } };
}

export function skillRelationFromRecord(record: CsvRecord): RowResult<SkillRelationRow> {
  const skillUri = text(record.originalSkillUri);
  const relatedSkillUri = text(record.relatedSkillUri);
  const relationType = text(record.relationType);
  if (!skillUri || !ESCO_SKILL_URI.test(skillUri)) {
    return { problem: `invalid originalSkillUri "${skillUri ?? ''}"` };
  }
  if (!relatedSkillUri || !ESCO_SKILL_URI.test(relatedSkillUri)) {
    return { problem: `invalid relatedSkillUri "${relatedSkillUri ?? ''}"` };
  }
  if (!relationType) return { problem: 'empty relationType' };
  return { row: { skillUri, relatedSkillUri, relationType } };
}

export function hierarchyFromRecord(record: CsvRecord): RowResult<HierarchyRow> {
  const conceptUri = text(record.conceptUri);
  const broaderUri = text(record.broaderUri);
  const conceptType = text(record.conceptType);
  const broaderType = text(record.broaderType);
  if (!conceptUri || !broaderUri) return { problem: 'empty conceptUri or broaderUri' };
  if (!conceptType || !broaderType) return { problem: 'empty conceptType or broaderType' };
  return { row: { conceptUri, conceptType, broaderUri, broaderType } };
}

export function collectionMemberFromRecord(record: CsvRecord, collection: string): RowResult<CollectionRow> {
  const skillUri = text(record.conceptUri);
  if (!skillUri || !ESCO_SKILL_URI.test(skillUri))
    return { problem: `invalid skill URI "${skillUri ?? ''}"` };
  return { row: { collection, skillUri } };
}
