import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { TAXONOMY_LANGUAGES, type TaxonomyLanguage } from '../taxonomy-language';
import { TaxonomyImportError } from '../taxonomy.errors';

const csv = (stem: string) => new RegExp(`^${stem}\\.csv(\\.gz)?$`);

/** The official export's file names; the relation files carry no `_en` before ESCO v1.2. */
export const RELEASE_FILES = {
  iscoGroups: { pattern: csv('ISCOGroups_en'), required: true },
  occupations: { pattern: csv('occupations_en'), required: true },
  skills: { pattern: csv('skills_en'), required: true },
  occupationSkills: { pattern: csv('occupationSkillRelations(_en)?'), required: true },
  occupationHierarchy: { pattern: csv('broaderRelationsOccPillar(_en)?'), required: true },
  skillHierarchy: { pattern: csv('broaderRelationsSkillPillar(_en)?'), required: true },
  skillRelations: { pattern: csv('skillSkillRelations(_en)?'), required: true },
  languageSkills: { pattern: csv('languageSkillsCollection(_en)?'), required: false },
} as const;

export type ReleaseFileKey = keyof typeof RELEASE_FILES;
export type LabelKind = 'occupations' | 'skills' | 'ISCOGroups';

export interface LabelFile {
  kind: LabelKind;
  language: Exclude<TaxonomyLanguage, 'en'>;
  path: string;
}

export interface ReleaseFolder {
  version: string;
  folder: string;
  files: Partial<Record<ReleaseFileKey, string>>;
  labelFiles: LabelFile[];
}

const LABEL_FILE = /^(occupations|skills|ISCOGroups)_([a-z]{2})(_[\w.-]+)?\.csv(\.gz)?$/;
const VERSION_FOLDER = /^v?\d+(\.\d+)*$/;

/**
 * Finds an ESCO release in `folder`: either the folder itself holds `occupations_en.csv`, or it
 * holds version folders (`v1.1.1`, …) of which the newest is taken. Label files for other
 * languages are looked for in the release folder and in a sibling or child `labels` folder.
 */
export async function locateRelease(folder: string, version?: string): Promise<ReleaseFolder> {
  const root = resolve(folder);
  if (!existsSync(root)) throw new TaxonomyImportError(`Folder ${root} does not exist`);
  const releaseDir = (await holdsRelease(root)) ? root : await newestVersionFolder(root);
  const names = await readdir(releaseDir);
  const files: Partial<Record<ReleaseFileKey, string>> = {};
  for (const [key, spec] of Object.entries(RELEASE_FILES) as [
    ReleaseFileKey,
    (typeof RELEASE_FILES)[ReleaseFileKey],
  ][]) {
    const name = names.find((candidate) => spec.pattern.test(candidate));
    if (name) files[key] = join(releaseDir, name);
    else if (spec.required) {
      throw new TaxonomyImportError(`${releaseDir} has no ${spec.pattern.source.replace(/\\/g, '')} file`);
    }
  }
  const label = version ?? basename(releaseDir);
  if (!VERSION_FOLDER.test(label)) {
    throw new TaxonomyImportError(`Cannot tell the ESCO version of ${releaseDir}; name it, e.g. v1.2.0`);
  }
  return {
    version: label.startsWith('v') ? label : `v${label}`,
    folder: releaseDir,
    files,
    labelFiles: await findLabelFiles([releaseDir, join(root, 'labels'), join(dirname(releaseDir), 'labels')]),
  };
}

async function holdsRelease(dir: string): Promise<boolean> {
  return (await readdir(dir)).some((name) => RELEASE_FILES.occupations.pattern.test(name));
}

async function newestVersionFolder(root: string): Promise<string> {
  const candidates: string[] = [];
  for (const name of await readdir(root)) {
    const path = join(root, name);
    if (VERSION_FOLDER.test(name) && (await stat(path)).isDirectory() && (await holdsRelease(path))) {
      candidates.push(name);
    }
  }
  if (candidates.length === 0) {
    throw new TaxonomyImportError(`${root} holds no ESCO release (no occupations_en.csv)`);
  }
  candidates.sort(compareVersions);
  return join(root, candidates[candidates.length - 1]);
}

export function compareVersions(a: string, b: string): number {
  const parts = (version: string) => version.replace(/^v/, '').split('.').map(Number);
  const [left, right] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

async function findLabelFiles(dirs: string[]): Promise<LabelFile[]> {
  const found = new Map<string, LabelFile>();
  for (const dir of [...new Set(dirs)]) {
    if (!existsSync(dir)) continue;
    for (const name of (await readdir(dir)).sort()) {
      const match = LABEL_FILE.exec(name);
      const language = match?.[2] as TaxonomyLanguage | undefined;
      if (!match || !language || language === 'en' || !TAXONOMY_LANGUAGES.includes(language)) continue;
      const kind = match[1] as LabelKind;
      // The first file found per kind and language wins: the release's own before a shared labels folder.
      const key = `${kind}_${language}`;
      if (!found.has(key)) found.set(key, { kind, language, path: join(dir, name) });
    }
  }
  return [...found.values()];
}
