import { posix } from 'node:path';
import { PUBLISHED_VIEWS, TABLE_OWNERS } from './table-owners';

export interface SourceFile {
  /** Repository-relative path with forward slashes, e.g. `libs/matching/src/store/feature-loader.ts`. */
  path: string;
  source: string;
}

export type BoundaryRule = 'foreign-table' | 'foreign-entity' | 'deep-import' | 'process-env';

export interface BoundaryViolation {
  path: string;
  rule: BoundaryRule;
  detail: string;
}

interface Scanned {
  /** The source with comments blanked, string contents kept. */
  withoutComments: string;
  /** The source with comments and string contents blanked. */
  code: string;
  /** Each string and template literal; a template's `${…}` parts become a space. */
  literals: string[];
}

/** Splits TypeScript into code, comments and literals; enough for our sources, not a full lexer. */
export function scan(source: string): Scanned {
  let withoutComments = '';
  let code = '';
  const literals: string[] = [];
  const templates: { depth: number; text: string }[] = [];
  let i = 0;
  const keep = (text: string, inCode: boolean) => {
    withoutComments += text;
    code += inCode ? text : text.replace(/[^\n]/g, ' ');
  };
  const blank = (text: string) => {
    const spaces = text.replace(/[^\n]/g, ' ');
    withoutComments += spaces;
    code += spaces;
  };
  const readTemplate = () => {
    // At a backtick or a closing brace that resumes a template: read up to `${` or the closing backtick.
    let text = '';
    while (i < source.length) {
      const char = source[i];
      if (char === '\\') {
        text += source.slice(i, i + 2);
        keep(source.slice(i, i + 2), false);
        i += 2;
      } else if (char === '`') {
        keep(char, true);
        i++;
        templates[templates.length - 1].text += text;
        literals.push(templates.pop()!.text);
        return;
      } else if (char === '$' && source[i + 1] === '{') {
        keep('${', true);
        i += 2;
        templates[templates.length - 1].text += `${text} `;
        templates[templates.length - 1].depth = 1;
        return;
      } else {
        text += char;
        keep(char, false);
        i++;
      }
    }
  };
  while (i < source.length) {
    const char = source[i];
    const next = source[i + 1];
    const open = templates[templates.length - 1];
    if (char === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      blank(source.slice(i, stop));
      i = stop;
    } else if (char === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(source.slice(i, stop));
      i = stop;
    } else if (char === "'" || char === '"') {
      let j = i + 1;
      while (j < source.length && source[j] !== char && source[j] !== '\n') j += source[j] === '\\' ? 2 : 1;
      literals.push(source.slice(i + 1, j));
      keep(char, true);
      keep(source.slice(i + 1, j), false);
      keep(source.slice(j, j + 1), true);
      i = j + 1;
    } else if (char === '`') {
      keep(char, true);
      i++;
      templates.push({ depth: 0, text: '' });
      readTemplate();
    } else if (open && open.depth > 0 && (char === '{' || char === '}')) {
      open.depth += char === '{' ? 1 : -1;
      keep(char, true);
      i++;
      if (open.depth === 0) readTemplate();
    } else {
      keep(char, true);
      i++;
    }
  }
  return { withoutComments, code, literals };
}

const SQL_RELATION =
  /\b(?:FROM|JOIN|INTO|UPDATE|TABLE|DELETE FROM)\s+(?:ONLY\s+)?([a-z_][a-z0-9_]*)\b(?!\s*\()/g;
const ENTITY_TABLE = /@Entity\(\s*['"]([a-z0-9_]+)['"]/g;
const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** `libs/<name>` or `apps/<name>` of a path, or null for files outside them. */
function unitOf(path: string): { kind: 'libs' | 'apps'; name: string } | null {
  const match = /^(libs|apps)\/([^/]+)\/src\//.exec(path);
  return match ? { kind: match[1] as 'libs' | 'apps', name: match[2] } : null;
}

/** Tables of other libraries that one library's SQL names. */
export function foreignTables(library: string, sql: string): string[] {
  const found = new Set<string>();
  for (const match of sql.matchAll(SQL_RELATION)) {
    const relation = match[1];
    if (relation in PUBLISHED_VIEWS) continue;
    const owner = TABLE_OWNERS[relation];
    if (owner !== undefined && owner !== library) found.add(relation);
  }
  return [...found];
}

/**
 * Each library names only its own tables (in SQL and in entities), is imported only through its
 * index, and only libs/config reads process.env.
 */
export function checkBoundaries(files: readonly SourceFile[]): BoundaryViolation[] {
  const violations: BoundaryViolation[] = [];
  for (const file of files) {
    const unit = unitOf(file.path);
    if (!unit) continue;
    const scanned = scan(file.source);
    if (unit.kind === 'libs') {
      for (const literal of scanned.literals) {
        for (const table of foreignTables(unit.name, literal)) {
          violations.push({
            path: file.path,
            rule: 'foreign-table',
            detail: `names ${table}, owned by libs/${TABLE_OWNERS[table]}`,
          });
        }
      }
      for (const match of scanned.withoutComments.matchAll(ENTITY_TABLE)) {
        const owner = TABLE_OWNERS[match[1]];
        if (owner !== unit.name) {
          violations.push({
            path: file.path,
            rule: 'foreign-entity',
            detail: `maps ${match[1]}, owned by ${owner ? `libs/${owner}` : 'no library'}`,
          });
        }
      }
    }
    for (const match of scanned.withoutComments.matchAll(IMPORT)) {
      const problem = importProblem(file.path, unit, match[1]);
      if (problem) violations.push({ path: file.path, rule: 'deep-import', detail: problem });
    }
    if (/\bprocess\s*\.\s*env\b/.test(scanned.code) && !(unit.kind === 'libs' && unit.name === 'config')) {
      violations.push({
        path: file.path,
        rule: 'process-env',
        detail: 'reads process.env outside libs/config',
      });
    }
  }
  return violations;
}

function importProblem(
  path: string,
  unit: { kind: 'libs' | 'apps'; name: string },
  specifier: string,
): string | null {
  if (/^@app\/[^/]+\/./.test(specifier)) return `imports ${specifier}: a library only through its index`;
  if (!specifier.startsWith('.')) return null;
  const target = posix.normalize(posix.join(posix.dirname(path), specifier));
  const own = `${unit.kind}/${unit.name}/`;
  if (target.startsWith(own)) return null;
  if (target.startsWith('libs/') || target.startsWith('apps/')) {
    return `imports ${specifier} (${target}): another library or app only through @app/<name>`;
  }
  return null;
}
