import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkBoundaries, type SourceFile } from './library-boundaries';
import { KNOWN_FOREIGN_READS, PUBLISHED_VIEWS, TABLE_OWNERS } from './table-owners';

const root = join(__dirname, '..', '..');

function sources(folder: string): SourceFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((entry) => {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) return walk(path);
      return path.endsWith('.ts') ? [path] : [];
    });
  return walk(join(root, folder)).map((path) => ({
    path: relative(root, path).split('\\').join('/'),
    source: readFileSync(path, 'utf8'),
  }));
}

const file = (path: string, source: string): SourceFile => ({ path, source });

describe('library boundaries', () => {
  it('flags SQL naming a table of another library', () => {
    const violations = checkBoundaries([
      file(
        'libs/matching/src/store/loader.ts',
        'const sql = `SELECT country_code FROM member_states m JOIN countries c ON c.alpha2 = m.country_code`;',
      ),
      file('libs/vacancies/src/x.ts', "query('DELETE FROM matches WHERE vacancy_id = $1')"),
    ]);
    expect(violations).toEqual([
      {
        path: 'libs/matching/src/store/loader.ts',
        rule: 'foreign-table',
        detail: 'names member_states, owned by libs/reference-data',
      },
      {
        path: 'libs/matching/src/store/loader.ts',
        rule: 'foreign-table',
        detail: 'names countries, owned by libs/reference-data',
      },
      {
        path: 'libs/vacancies/src/x.ts',
        rule: 'foreign-table',
        detail: 'names matches, owned by libs/matching',
      },
    ]);
  });

  it('flags an entity mapping another library’s table', () => {
    const violations = checkBoundaries([
      file('libs/identity/src/org.entity.ts', "@Entity('employer_organisations')\nexport class Org {}"),
    ]);
    expect(violations).toEqual([
      {
        path: 'libs/identity/src/org.entity.ts',
        rule: 'foreign-entity',
        detail: 'maps employer_organisations, owned by libs/employers',
      },
    ]);
  });

  it('flags imports past another library’s index', () => {
    const violations = checkBoundaries([
      file(
        'libs/matching/src/a.ts',
        "import { CandidateEntity } from '@app/candidates/store/candidate.entity';",
      ),
      file('libs/matching/src/b.ts', "import { x } from '../../vacancies/src/vacancy.entity';"),
      file('apps/api/src/c.ts', "import { y } from '../../../libs/identity/src/principal';"),
    ]);
    expect(violations.map((violation) => [violation.path, violation.rule])).toEqual([
      ['libs/matching/src/a.ts', 'deep-import'],
      ['libs/matching/src/b.ts', 'deep-import'],
      ['apps/api/src/c.ts', 'deep-import'],
    ]);
  });

  it('flags process.env outside libs/config', () => {
    const violations = checkBoundaries([
      file('libs/search/src/a.ts', 'const path = process.env.PATH;'),
      file('apps/cli/src/b.ts', 'spawn(cmd, { env: { ...process .env } });'),
      file('libs/config/src/c.ts', 'const raw = process.env;'),
    ]);
    expect(violations.map((violation) => [violation.path, violation.rule])).toEqual([
      ['libs/search/src/a.ts', 'process-env'],
      ['apps/cli/src/b.ts', 'process-env'],
    ]);
  });

  it('accepts a library’s own tables, published fragments, comments and prose', () => {
    const violations = checkBoundaries([
      file(
        'libs/matching/src/a.ts',
        [
          "import { VERIFIED_EMPLOYERS_SQL } from '@app/employers';",
          "import { cefrRank } from '../scoring/cefr';",
          '// Reads FROM vacancies through process.env-free fragments.',
          'const sql = `SELECT id FROM ${VERIFIED_EMPLOYERS_SQL} e JOIN matches m ON m.vacancy_id = e.id`;',
          "const message = 'Select from the vacancies list';",
        ].join('\n'),
      ),
    ]);
    expect(violations).toEqual([]);
  });

  it('finds no boundary crossing in libs/ and apps/ beyond the listed ones, and each listed one still occurs', () => {
    const violations = checkBoundaries([...sources('libs'), ...sources('apps')]);
    const known = (library: string, detail: string) =>
      KNOWN_FOREIGN_READS.some(
        (read) => read.library === library && detail.startsWith(`names ${read.table},`),
      );
    const unexpected = violations.filter(
      (violation) =>
        !(violation.rule === 'foreign-table' && known(violation.path.split('/')[1], violation.detail)),
    );
    expect(unexpected).toEqual([]);
    const stillOccurring = KNOWN_FOREIGN_READS.filter((read) =>
      violations.some(
        (violation) =>
          violation.path.startsWith(`libs/${read.library}/`) &&
          violation.detail.startsWith(`names ${read.table},`),
      ),
    );
    expect(stillOccurring).toEqual(KNOWN_FOREIGN_READS);
  });

  it('gives every table the migrations create an owner that is a library', () => {
    const created = sources('migrations').flatMap((migration) => [
      ...migration.source.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z_][a-z0-9_]*)/g),
    ]);
    const tables = [...new Set(created.map((match) => match[1]))].filter(
      (table) => table !== 'schema_migrations',
    );
    expect(tables.filter((table) => !(table in TABLE_OWNERS))).toEqual([]);
    const libraries = new Set(readdirSync(join(root, 'libs')));
    const owners = [...Object.values(TABLE_OWNERS), ...Object.values(PUBLISHED_VIEWS)];
    expect(owners.filter((owner) => !libraries.has(owner))).toEqual([]);
  });
});
