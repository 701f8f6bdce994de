import { ConfigModule, loadConfig } from '@app/config';
import {
  ensureLocalMeilisearch,
  MEILI_CLIENT,
  MEILISEARCH_SHA256,
  meilisearchApiError,
  meilisearchTransport,
  prepareMeilisearchBinary,
  SearchIndexes,
  SearchModule,
  settle,
  sha256File,
} from '@app/search';
import { Test, type TestingModule } from '@nestjs/testing';
import { Meilisearch, MeilisearchRequestError } from 'meilisearch';
import { Agent } from 'undici';
import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_MEILI_INSTANCE_PREFIX } from './setup/test-run';
import { CONDITION_DEADLINE_MS } from './utils/deadlines';

describe('search platform', () => {
  let moduleRef: TestingModule;
  let sut: SearchIndexes;
  let client: Meilisearch;

  beforeAll(async () => {
    moduleRef = await Test.createTestingModule({ imports: [ConfigModule, SearchModule] }).compile();
    await moduleRef.init();
    sut = moduleRef.get(SearchIndexes);
    client = moduleRef.get(MEILI_CLIENT);
  });

  afterAll(() => moduleRef.close());

  it('creates an index from its definition and re-applies settings idempotently', async () => {
    const definition = {
      name: 'platform_probe',
      primaryKey: 'id',
      settings: {
        searchableAttributes: ['label'],
        filterableAttributes: ['kind'],
        sortableAttributes: ['rank'],
      },
    };
    sut.register(definition);
    const uid = sut.uid('platform_probe');
    expect(uid).toBe(`${loadConfig().search.indexPrefix}platform_probe`);

    await sut.applyAll();
    await sut.applyAll();

    const index = await client.getIndex(uid);
    expect(index.primaryKey).toBe('id');
    const settings = await client.index(uid).getSettings();
    expect(settings.searchableAttributes).toEqual(['label']);
    expect(settings.filterableAttributes).toEqual(['kind']);
    expect(settings.sortableAttributes).toEqual(['rank']);
  });

  it('sends requests through its transport and surfaces engine errors with their code', async () => {
    const uid = sut.uid('platform_transport_probe');
    await client
      .index(uid)
      .addDocuments([{ id: 1, label: 'welder' }])
      .waitTask({ timeout: CONDITION_DEADLINE_MS });
    const found = await client.index(uid).search('weldr');
    expect(found.hits).toEqual([{ id: 1, label: 'welder' }]);
    await expect(sut.exists(uid)).resolves.toBe(true);

    const missing = sut.uid('platform_missing_probe');
    await expect(sut.exists(missing)).resolves.toBe(false);
    const failure: unknown = await client
      .index(missing)
      .search('x')
      .catch((error: unknown) => error);
    expect(meilisearchApiError(failure)?.cause?.code).toBe('index_not_found');
    await client.deleteIndex(uid).waitTask({ timeout: CONDITION_DEADLINE_MS });
  });

  it('reports an unreachable engine as a request error, not an engine answer', async () => {
    const offline = new Meilisearch({
      host: 'http://127.0.0.1:9',
      httpClient: meilisearchTransport(new Agent()),
    });
    const failure: unknown = await offline.health().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(MeilisearchRequestError);
    expect(meilisearchApiError(failure)).toBeUndefined();
  });

  it('stops waiting for a task the engine can no longer be asked about, leaving no timer behind', async () => {
    const { url, masterKey } = loadConfig().search;
    const dispatcher = new Agent();
    const closing = new Meilisearch({
      host: url!,
      apiKey: masterKey,
      httpClient: meilisearchTransport(dispatcher),
    });
    const uid = sut.uid('platform_deadline_probe');
    const task = closing.index(uid).addDocuments([{ id: 1 }]);
    await task;
    await dispatcher.close();
    const timers = () => process.getActiveResourcesInfo().filter((resource) => resource === 'Timeout').length;
    const before = timers();
    await expect(settle(task, 60_000)).rejects.toBeInstanceOf(MeilisearchRequestError);
    expect(timers()).toBeLessThanOrEqual(before);
    await settle(client.deleteIndex(uid));
  });

  it('reuses the running local Meilisearch of this run instead of starting a second one', async () => {
    const runId = process.env.TEST_RUN_ID;
    if (!loadConfig().search.url || !runId) throw new Error('global setup did not configure Meilisearch');
    const local = await ensureLocalMeilisearch({
      dataDir: loadConfig().dataDir,
      instance: `${TEST_MEILI_INSTANCE_PREFIX}${runId}`,
    });
    expect(local.owned).toBe(false);
    expect(local.url).toBe(loadConfig().search.url);
  });

  it('replaces a tampered local binary with the verified, executable copy', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'meili-binary-'));
    try {
      const target = join(dataDir, 'bin', 'meilisearch-1.21.0');
      await mkdir(join(dataDir, 'bin'));
      await writeFile(target, 'not meilisearch');
      const prepared = await prepareMeilisearchBinary(dataDir);
      expect(prepared).toBe(target);
      expect(await sha256File(prepared)).toBe(MEILISEARCH_SHA256);
      expect((await stat(prepared)).mode & 0o111).not.toBe(0);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
