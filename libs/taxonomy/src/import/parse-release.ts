import type { LocalizedAltLabels, LocalizedLabels } from '../taxonomy-language';
import { readCsvFile, type CsvFileSummary, type CsvRecord } from './csv-file';
import {
  collectionMemberFromRecord,
  hierarchyFromRecord,
  iscoGroupFromRecord,
  occupationFromRecord,
  occupationSkillFromRecord,
  skillFromRecord,
  skillRelationFromRecord,
  splitLabels,
  type RowResult,
} from './esco-rows';
import type { LabelFile, ReleaseFolder } from './release-files';
import type { ParsedRelease } from './release.types';

export type ProgressListener = (file: string, rows: number) => void;

/** Parses and validates every file of a release; nothing is written. */
export async function parseRelease(
  release: ReleaseFolder,
  onProgress: ProgressListener = () => undefined,
): Promise<ParsedRelease> {
  const sourceFiles: CsvFileSummary[] = [];
  const skipped: Record<string, number> = {};
  const skip = (reason: string) => (skipped[reason] = (skipped[reason] ?? 0) + 1);

  const read = async <T>(
    path: string,
    required: readonly string[],
    map: (record: CsvRecord) => RowResult<T>,
    key: (row: T) => string,
  ): Promise<Map<string, T>> => {
    const rows = new Map<string, T>();
    const summary = await readCsvFile(path, {
      required,
      onProgress: (count) => onProgress(fileName(path), count),
      onRow: (record) => {
        const result = map(record);
        if ('problem' in result) return result.problem;
        const id = key(result.row);
        if (rows.has(id)) skip(`${fileName(path)}: duplicate row`);
        rows.set(id, result.row);
        return undefined;
      },
    });
    sourceFiles.push(summary);
    return rows;
  };

  const { files } = release;
  const iscoGroups = await read(
    files.iscoGroups!,
    ['conceptUri', 'code', 'preferredLabel'],
    iscoGroupFromRecord,
    (row) => row.code,
  );
  const occupations = await read(
    files.occupations!,
    ['conceptUri', 'iscoGroup', 'preferredLabel'],
    occupationFromRecord,
    (row) => row.uri,
  );
  const skills = await read(
    files.skills!,
    ['conceptUri', 'preferredLabel', 'skillType', 'reuseLevel'],
    skillFromRecord,
    (row) => row.uri,
  );

  const occupationSkills = await read(
    files.occupationSkills!,
    ['occupationUri', 'relationType', 'skillUri'],
    occupationSkillFromRecord,
    (row) => `${row.occupationUri} ${row.skillUri}`,
  );
  const skillRelations = await read(
    files.skillRelations!,
    ['originalSkillUri', 'relationType', 'relatedSkillUri'],
    skillRelationFromRecord,
    (row) => `${row.skillUri} ${row.relatedSkillUri}`,
  );
  const hierarchyColumns = ['conceptType', 'conceptUri', 'broaderType', 'broaderUri'];
  const hierarchyKey = (row: { conceptUri: string; broaderUri: string }) =>
    `${row.conceptUri} ${row.broaderUri}`;
  const occupationHierarchy = await read(
    files.occupationHierarchy!,
    hierarchyColumns,
    hierarchyFromRecord,
    hierarchyKey,
  );
  const skillHierarchy = await read(
    files.skillHierarchy!,
    hierarchyColumns,
    hierarchyFromRecord,
    hierarchyKey,
  );
  const languageSkills = files.languageSkills
    ? await read(
        files.languageSkills,
        ['conceptUri'],
        (record) => collectionMemberFromRecord(record, 'language'),
        (row) => row.skillUri,
      )
    : new Map<string, { collection: string; skillUri: string }>();

  const knownOccupation = (uri: string) => occupations.has(uri);
  const knownSkill = (uri: string) => skills.has(uri);
  // Hierarchy ends may be groups, which are not rows of their own; only occupation and skill ends are checked.
  const knownConcept = (type: string, uri: string) =>
    type === 'Occupation'
      ? knownOccupation(uri)
      : type === 'KnowledgeSkillCompetence'
        ? knownSkill(uri)
        : true;

  const keep = <T>(rows: Iterable<T>, reason: string, ok: (row: T) => boolean): T[] =>
    [...rows].filter((row) => ok(row) || (skip(reason), false));

  for (const file of release.labelFiles) {
    sourceFiles.push(await mergeLabels(file, { iscoGroups, occupations, skills }, skip, onProgress));
  }

  return {
    version: release.version,
    iscoGroups: [...iscoGroups.values()],
    occupations: [...occupations.values()],
    skills: [...skills.values()],
    occupationSkills: keep(
      occupationSkills.values(),
      'occupationSkillRelations: unknown occupation or skill',
      (row) => knownOccupation(row.occupationUri) && knownSkill(row.skillUri),
    ),
    skillRelations: keep(
      skillRelations.values(),
      'skillSkillRelations: unknown skill',
      (row) => knownSkill(row.skillUri) && knownSkill(row.relatedSkillUri),
    ),
    occupationHierarchy: keep(
      occupationHierarchy.values(),
      'broaderRelationsOccPillar: unknown occupation',
      (row) => knownConcept(row.conceptType, row.conceptUri) && knownConcept(row.broaderType, row.broaderUri),
    ),
    skillHierarchy: keep(
      skillHierarchy.values(),
      'broaderRelationsSkillPillar: unknown skill',
      (row) => knownConcept(row.conceptType, row.conceptUri) && knownConcept(row.broaderType, row.broaderUri),
    ),
    skillCollections: keep(languageSkills.values(), 'languageSkillsCollection: unknown skill', (row) =>
      knownSkill(row.skillUri),
    ),
    sourceFiles,
    skipped,
  };
}

interface Labelled {
  preferredLabels: LocalizedLabels;
  altLabels: LocalizedAltLabels;
}

async function mergeLabels(
  file: LabelFile,
  targets: {
    iscoGroups: Map<string, Labelled & { uri: string }>;
    occupations: Map<string, Labelled>;
    skills: Map<string, Labelled>;
  },
  skip: (reason: string) => void,
  onProgress: ProgressListener,
): Promise<CsvFileSummary> {
  const byUri =
    file.kind === 'ISCOGroups'
      ? new Map([...targets.iscoGroups.values()].map((group) => [group.uri, group]))
      : file.kind === 'occupations'
        ? targets.occupations
        : targets.skills;
  return readCsvFile(file.path, {
    required: ['conceptUri', 'preferredLabel'],
    onProgress: (count) => onProgress(fileName(file.path), count),
    onRow: (record) => {
      const uri = record.conceptUri?.trim();
      const label = record.preferredLabel?.trim();
      if (!uri) return 'empty conceptUri';
      const target = byUri.get(uri);
      // Label files of an older release name concepts this release no longer has.
      if (!target) {
        skip(`${fileName(file.path)}: concept not in this release`);
        return undefined;
      }
      if (label) target.preferredLabels[file.language] = label;
      const alt = splitLabels(record.altLabels);
      if (alt.length > 0) target.altLabels[file.language] = alt;
      return undefined;
    },
  });
}

function fileName(path: string): string {
  return path.split('/').pop()!.replace(/\.gz$/, '');
}
