import { ReferenceDataSeeder } from '@app/reference-data';
import { MEILI_CLIENT, SearchIndexes } from '@app/search';
import {
  TAXONOMY_REBUILD_LOCK,
  TaxonomyImporter,
  TaxonomyImportError,
  TaxonomyIndexer,
  type TaxonomyImportReport,
} from '@app/taxonomy';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Meilisearch } from 'meilisearch';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { closeApp, createApiApp } from './utils/api-app';
import { truncateAll } from './utils/database';
import { waitFor } from './utils/wait-for';

// Each full import takes tens of seconds, and minutes on a busy machine.
jest.setTimeout(600_000);

const SHIPPED = join(__dirname, '..', 'data', 'esco');
const RELEASE = join(SHIPPED, 'v1.1.1');
const WELDER = 'http://data.europa.eu/esco/occupation/7aedaa07-3884-4c5b-88f9-80997b2aa54b';
const ASTRONOMER = 'http://data.europa.eu/esco/occupation/57a12047-4f1e-40ed-add5-9736923f231b';
const SPECIALIST_NURSE = 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba';

type Row = Record<string, string>;
const shippedCsv = (path: string): Row[] =>
  parse<Row>(gunzipSync(readFileSync(path)), { columns: true, bom: true });

/** A release folder whose files link to the shipped ones, except those given here. */
function releaseCopy(replaced: Record<string, string>): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'esco-')), 'v1.1.1');
  mkdirSync(folder);
  for (const name of [
    'ISCOGroups_en',
    'occupations_en',
    'skills_en',
    'occupationSkillRelations_en',
    'broaderRelationsOccPillar_en',
    'broaderRelationsSkillPillar_en',
    'skillSkillRelations_en',
  ]) {
    if (replaced[name] !== undefined) writeFileSync(join(folder, `${name}.csv`), replaced[name]);
    else symlinkSync(join(RELEASE, `${name}.csv.gz`), join(folder, `${name}.csv.gz`));
  }
  return folder;
}

describe('ESCO taxonomy', () => {
  let api: NestExpressApplication;
  let worker: TestingModule;
  let dataSource: DataSource;
  let sut: TaxonomyImporter;
  let first: TaxonomyImportReport;
  let beforeIndexing: request.Response;
  let ready: request.Response;
  const temporary: string[] = [];

  const http = () => request(api.getHttpServer());

  beforeAll(async () => {
    api = await createApiApp();
    dataSource = api.get(getDataSourceToken());
    await truncateAll(dataSource);
    // Other specs (the fault and consistency specs) build the taxonomy indexes of this run too.
    const meili = api.get<Meilisearch>(MEILI_CLIENT);
    for (const name of ['occupations', 'skills'])
      await meili.tasks.waitForTask((await meili.deleteIndex(api.get(SearchIndexes).uid(name))).taskUid, {
        timeout: 120_000,
      });
    await api.get(ReferenceDataSeeder).seed();
    sut = api.get(TaxonomyImporter);
    first = await sut.import(SHIPPED);
    // The indexes are rebuilt by the worker, which is not running yet.
    beforeIndexing = await http().get('/api/v1/health/ready');
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    // Ready, not merely answering: the occupations index is swapped in while skills still build.
    ready = await waitFor(
      async () => {
        const response = await http().get('/api/v1/health/ready');
        const served = response.body.taxonomySearch;
        const built =
          response.status === 200 &&
          served.occupations === first.rowCounts.occupations &&
          served.skills === first.rowCounts.skills;
        return built && response;
      },
      // A full index build on a loaded machine takes minutes.
      { timeoutMs: 300_000, intervalMs: 250, what: 'the API to report both taxonomy indexes built' },
    );
  });

  afterAll(async () => {
    await worker?.close();
    await closeApp(api);
    for (const folder of temporary) rmSync(folder, { recursive: true, force: true });
  });

  it('imports the shipped release, skipping the relations of the occupation v1.1.1 lacks', () => {
    expect(first).toMatchObject({ version: 'v1.1.1', changed: true });
    expect(first.rowCounts).toMatchObject({
      occupations: 3007,
      skills: 13896,
      isco_groups: 619,
      occupation_skills: 123855 - 67,
      skill_relations: 5899,
      skill_collections: 346,
    });
    expect(first.skipped['occupationSkillRelations: unknown occupation or skill']).toBe(67);
  });

  it('reports ready only once both taxonomy indexes serve the imported concepts', async () => {
    expect(beforeIndexing.status).toBe(503);
    expect(beforeIndexing.body).toMatchObject({
      status: 'not_ready',
      services: { postgres: { status: 'up' }, redis: { status: 'up' }, meilisearch: { status: 'up' } },
      taxonomySearch: { status: 'building' },
    });
    expect(ready.body).toMatchObject({
      status: 'ready',
      taxonomySearch: { status: 'ready', occupations: 3007, skills: 13896 },
    });
    await http().get('/api/v1/health/live').expect(200, { status: 'alive' });
  });

  it('rebuilds the taxonomy indexes when a worker starts beside a search engine that lost them', async () => {
    await worker.close();
    const meili = api.get<Meilisearch>(MEILI_CLIENT);
    for (const name of ['occupations', 'skills'])
      await meili.tasks.waitForTask((await meili.deleteIndex(api.get(SearchIndexes).uid(name))).taskUid, {
        timeout: 120_000,
      });
    await http().get('/api/v1/health/ready').expect(503);
    // No import is coming: the database holds this release already.
    worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
    await worker.init();
    const rebuilt = await waitFor(
      async () => {
        const response = await http().get('/api/v1/health/ready');
        const served = response.body.taxonomySearch;
        return response.status === 200 && served.occupations === 3007 && served.skills === 13896 && response;
      },
      { timeoutMs: 300_000, intervalMs: 250, what: 'the worker to rebuild both taxonomy indexes' },
    );
    expect(rebuilt.body).toMatchObject({ status: 'ready', taxonomySearch: { status: 'ready' } });
  });

  it('rebuilds in turn: a rebuild asked for while another runs reads the database when its turn comes', async () => {
    const meili = api.get<Meilisearch>(MEILI_CLIENT);
    const occupations = meili.index(api.get(SearchIndexes).uid('occupations'));
    // An occupation no other test searches for: rewriting its row changes where it lies in the table.
    const astronomerId = ASTRONOMER.slice(ASTRONOMER.lastIndexOf('/') + 1);
    const [{ labels }] = await dataSource.query<{ labels: { en: string } }[]>(
      'SELECT preferred_labels AS labels FROM occupations WHERE uri = $1',
      [ASTRONOMER],
    );
    // Another process's rebuild holds the turn.
    const other = dataSource.createQueryRunner();
    await other.connect();
    let rebuilt: Promise<unknown> | undefined;
    try {
      await other.query('SELECT pg_advisory_lock(hashtext($1))', [TAXONOMY_REBUILD_LOCK]);
      rebuilt = worker.get(TaxonomyIndexer).rebuild();
      await waitFor(
        async () => {
          const [{ waiting }] = await dataSource.query<{ waiting: number }[]>(
            `SELECT count(*)::int AS waiting FROM pg_stat_activity
              WHERE datname = current_database() AND query LIKE 'SELECT pg_try_advisory_lock(%'`,
          );
          return waiting > 0;
        },
        { timeoutMs: 60_000, intervalMs: 50, what: 'the rebuild to wait for its turn' },
      );
      // Committed while the rebuild waits: its turn comes after, so it must index this label.
      await dataSource.query(
        `UPDATE occupations SET preferred_labels = jsonb_set(preferred_labels, '{en}', '"astronomer, in turn"')
          WHERE uri = $1`,
        [ASTRONOMER],
      );
      expect((await occupations.getDocument(astronomerId)).preferredLabel_en).toBe(labels.en);
    } finally {
      await other.query('SELECT pg_advisory_unlock(hashtext($1))', [TAXONOMY_REBUILD_LOCK]);
      await other.release();
    }
    try {
      await expect(rebuilt).resolves.toEqual({ occupations: 3007, skills: 13896 });
      expect((await occupations.getDocument(astronomerId)).preferredLabel_en).toBe('astronomer, in turn');
    } finally {
      await dataSource.query('UPDATE occupations SET preferred_labels = $2 WHERE uri = $1', [ASTRONOMER, labels]);
      await worker.get(TaxonomyIndexer).rebuild();
    }
    expect((await occupations.getDocument(astronomerId)).preferredLabel_en).toBe(labels.en);
  });

  it('autocompletes occupations in English, French and with typos', async () => {
    const nurse = await http()
      .get('/api/v1/taxonomy/occupations')
      .query({ text: 'nurse', lang: 'en' })
      .expect(200);
    expect(nurse.body.items.map((item: { uri: string }) => item.uri)).toContain(SPECIALIST_NURSE);
    expect(nurse.body.items[0].label).toMatch(/nurse/);

    const infirmier = await http()
      .get('/api/v1/taxonomy/occupations')
      .query({ text: 'infirmier', lang: 'fr', limit: 20 })
      .expect(200);
    expect(infirmier.body.items.map((item: { uri: string }) => item.uri)).toContain(SPECIALIST_NURSE);
    expect(infirmier.body.items[0]).toMatchObject({
      language: 'fr',
      label: expect.stringMatching(/infirmi/),
    });

    const typo = await http().get('/api/v1/taxonomy/occupations').query({ text: 'weldr' }).expect(200);
    expect(typo.body.items.slice(0, 3).map((item: { uri: string }) => item.uri)).toContain(WELDER);
  });

  it('autocompletes skills in Spanish', async () => {
    const response = await http()
      .get('/api/v1/taxonomy/skills')
      .query({ text: 'soldadura', lang: 'es' })
      .expect(200);
    expect(response.body.items.length).toBeGreaterThan(0);
    expect(response.body.items[0].language).toBe('es');
  });

  it("returns an occupation's essential skills exactly as the source relations list them", async () => {
    const expected = shippedCsv(join(RELEASE, 'occupationSkillRelations_en.csv.gz'))
      .filter((row) => row.occupationUri === WELDER && row.relationType === 'essential')
      .map((row) => row.skillUri)
      .sort();
    const response = await http()
      .get('/api/v1/taxonomy/occupations/skills')
      .query({ uri: WELDER })
      .expect(200);
    const essential = response.body.essential.map((skill: { uri: string }) => skill.uri).sort();
    expect(expected.length).toBeGreaterThan(5);
    expect(essential).toEqual(expected);
  });

  it('looks up concepts by URI and rejects malformed or unknown ones', async () => {
    const welder = await http()
      .get('/api/v1/taxonomy/occupations/by-uri')
      .query({ uri: WELDER, lang: 'fr' })
      .expect(200);
    expect(welder.body).toMatchObject({ uri: WELDER, iscoCode: '7212', language: 'fr', obsolete: false });
    const malformed = await http()
      .get('/api/v1/taxonomy/occupations/by-uri')
      .query({ uri: 'welder' })
      .expect(400);
    expect(malformed.body.error.code).toBe('VALIDATION_FAILED');
    const unknown = await http()
      .get('/api/v1/taxonomy/occupations/by-uri')
      .query({ uri: WELDER.replace('7aedaa07', '00000000') })
      .expect(404);
    expect(unknown.body.error.code).toBe('OCCUPATION_NOT_FOUND');
    await http().get('/api/v1/taxonomy/occupations').query({ text: 'x', limit: 500 }).expect(400);
  });

  it('serves the ISCO tree and the reference data', async () => {
    const tree = await http().get('/api/v1/taxonomy/isco-groups').query({ code: '72' }).expect(200);
    expect(tree.body[0].children.map((child: { code: string }) => child.code)).toContain('721');
    await http().get('/api/v1/taxonomy/isco-groups').query({ code: '9999' }).expect(404);
    const eu = await http().get('/api/v1/reference/countries').query({ euMember: true }).expect(200);
    expect(eu.body).toHaveLength(27);
    const cefr = await http().get('/api/v1/reference/cefr-levels').expect(200);
    expect(cefr.body.map((level: { code: string }) => level.code)).toEqual([
      'A1',
      'A2',
      'B1',
      'B2',
      'C1',
      'C2',
    ]);
    const eqf = await http().get('/api/v1/reference/eqf-levels').expect(200);
    expect(eqf.body).toHaveLength(8);
    const languages = await http().get('/api/v1/reference/languages').expect(200);
    expect(languages.body).toContainEqual({ code: 'ar', name: 'Arabic' });
    const states = await http()
      .get('/api/v1/reference/member-states')
      .query({ participating: true })
      .expect(200);
    expect(states.body.length).toBe(25);
    expect(states.body[0].allowedEntityTypes).toContain('temporary_work_agency');
  });

  it('changes nothing when the same release is imported again', async () => {
    const outboxBefore = await dataSource.query('SELECT count(*)::int AS n FROM outbox_messages');
    const again = await sut.import(SHIPPED);
    expect(again.changed).toBe(false);
    expect(Object.values(again.changedRows).every((count) => count === 0)).toBe(true);
    expect(again.rowCounts).toEqual(first.rowCounts);
    expect(again.checksum).toBe(first.checksum);
    expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox_messages')).toEqual(outboxBefore);
  });

  it('rejects a truncated file with its name and line and keeps the previous taxonomy', async () => {
    const occupations = gunzipSync(readFileSync(join(RELEASE, 'occupations_en.csv.gz'))).toString('utf8');
    const folder = releaseCopy({ occupations_en: occupations.slice(0, Math.floor(occupations.length / 2)) });
    temporary.push(join(folder, '..'));

    const failure = await sut.import(folder).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TaxonomyImportError);
    expect((failure as TaxonomyImportError).details?.[0].field).toMatch(/^occupations_en\.csv:\d+$/);
    const [{ checksum }] = await dataSource.query(
      'SELECT content_checksum AS checksum FROM taxonomy_versions',
    );
    expect(checksum).toBe(first.checksum);
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM occupations WHERE NOT obsolete');
    expect(n).toBe(3007);
  });

  it('reports every malformed row by file and line', async () => {
    const iscoGroups = gunzipSync(readFileSync(join(RELEASE, 'ISCOGroups_en.csv.gz'))).toString('utf8');
    const records = iscoGroups.split('\r\n');
    const broken = [
      records[0],
      'ISCOGroup,http://data.europa.eu/esco/isco/CX,ABC,bad code,released,,,',
      ...records.slice(1),
    ];
    const folder = releaseCopy({ ISCOGroups_en: broken.join('\r\n') });
    temporary.push(join(folder, '..'));

    const failure = (await sut.import(folder).catch((error: unknown) => error)) as TaxonomyImportError;
    expect(failure).toBeInstanceOf(TaxonomyImportError);
    expect(failure.details).toEqual([{ field: 'ISCOGroups_en.csv:2', reason: 'invalid ISCO code "ABC"' }]);
  });

  // Last: it leaves the newer release in place.
  it('applies a newer release: labels change, missing concepts turn obsolete, nothing is deleted', async () => {
    const occupations = gunzipSync(readFileSync(join(RELEASE, 'occupations_en.csv.gz'))).toString('utf8');
    const records = parse(occupations, { raw: true, bom: true }) as unknown as {
      record: string[];
      raw: string;
    }[];
    const newer = records
      .filter(({ record }) => record[1] !== SPECIALIST_NURSE)
      .map(({ record, raw }) =>
        record[1] === WELDER ? raw.replace(',7212,welder,', ',7212,arc welder,') : raw,
      );
    const folder = releaseCopy({ occupations_en: `${newer.join('\n')}\n` });
    temporary.push(join(folder, '..'));

    const report = await sut.import(folder, { version: 'v1.2.0' });

    expect(report.changed).toBe(true);
    const rows: { uri: string; obsolete: boolean; label: string }[] = await dataSource.query(
      `SELECT uri, obsolete, preferred_labels ->> 'en' AS label FROM occupations WHERE uri = ANY($1)`,
      [[WELDER, SPECIALIST_NURSE]],
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { uri: WELDER, obsolete: false, label: 'arc welder' },
        expect.objectContaining({ uri: SPECIALIST_NURSE, obsolete: true }),
      ]),
    );
    const [{ n }] = await dataSource.query('SELECT count(*)::int AS n FROM occupations');
    expect(n).toBe(3007);
    const [{ version }] = await dataSource.query(
      'SELECT version FROM taxonomy_versions ORDER BY imported_at DESC LIMIT 1',
    );
    expect(version).toBe('v1.2.0');
  });
});
