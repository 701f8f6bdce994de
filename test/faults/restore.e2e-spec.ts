import { APP_CONFIG, type AppConfig } from '@app/config';
import { ConsistencyChecker } from '@app/consistency';
import { databaseName, dropDatabase, ensureDatabase } from '@app/database';
import { MEILI_CLIENT, SearchIndexes } from '@app/search';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { Meilisearch } from 'meilisearch';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import { closeApp, createApiApp } from '../utils/api-app';
import { SETUP_TIMEOUT_MS } from '../utils/deadlines';
import { drainQueues } from '../utils/drain';
import {
  ALL_QUEUES,
  buildWorld,
  configWith,
  deleteQueueKeys,
  driftOf,
  settleWorld,
  startWorker,
} from './fault-world';

const run = promisify(execFile);

type Pair = { vacancy_id: string; candidate_id: string; in_vacancy_top: boolean; in_candidate_top: boolean };
const pairsOf = (dataSource: DataSource) =>
  dataSource.query<Pair[]>(
    'SELECT vacancy_id, candidate_id, in_vacancy_top, in_candidate_top FROM matches ORDER BY vacancy_id, candidate_id',
  );

/**
 * A `pg_dump` of a working database restored into a fresh one, served by its own queues and indexes:
 * the indexes and the matches rebuilt from the restored data only are equal to the source's.
 */
describe('fault: restore from pg_dump', () => {
  let sut: NestExpressApplication;
  let source: TestingModule | undefined;
  let restored: TestingModule | undefined;
  let restoredConfig: AppConfig;

  beforeAll(async () => {
    sut = await createApiApp();
    await buildWorld(sut, { candidates: 5, vacancies: 3, drafts: 1 });
    source = await startWorker();
    await settleWorld(source);
    const config = sut.get<AppConfig>(APP_CONFIG);
    const restoredUrl = new URL(config.database.url);
    restoredUrl.pathname = `/${databaseName(config.database.url)}_restored`;
    restoredConfig = configWith({
      DATABASE_URL: restoredUrl.toString(),
      QUEUE_PREFIX: `${config.queue.prefix}-restored`,
      SEARCH_INDEX_PREFIX: `${config.search.indexPrefix}restored_`,
    });
    // Real services and flows through the API: a loaded machine can take minutes to set this up.
  }, SETUP_TIMEOUT_MS);

  afterAll(async () => {
    if (restored) {
      const meili = restored.get<Meilisearch>(MEILI_CLIENT);
      const indexes = restored.get(SearchIndexes);
      for (const name of ['candidates', 'vacancies', 'occupations', 'skills'])
        await meili.deleteIndex(indexes.uid(name)).catch(() => undefined);
      await restored.close();
    }
    await source?.close();
    await closeApp(sut);
    if (restoredConfig) {
      await deleteQueueKeys(restoredConfig);
      await dropDatabase(restoredConfig.database.url);
    }
  });

  it('rebuilds indexes and matches from the restored database alone, equal to the source', async () => {
    const sourceChecker = source!.get(ConsistencyChecker);
    const before = await sourceChecker.check({ repair: false });
    expect(driftOf(before)).toEqual({});
    const sourceData = sut.get<DataSource>(getDataSourceToken());
    const sourcePairs = await pairsOf(sourceData);
    expect(sourcePairs.length).toBeGreaterThan(0);

    await dropDatabase(restoredConfig.database.url);
    await ensureDatabase(restoredConfig.database.url);
    const file = join(tmpdir(), `talentpool-restore-${process.pid}-${Date.now()}.dump`);
    try {
      await run('pg_dump', [
        '--format=custom',
        '--file',
        file,
        '--dbname',
        sut.get<AppConfig>(APP_CONFIG).database.url,
      ]);
      await run('pg_restore', ['--no-owner', '--dbname', restoredConfig.database.url, file]);
    } finally {
      await rm(file, { force: true });
    }

    restored = await startWorker(restoredConfig);
    const restoredData = restored.get<DataSource>(getDataSourceToken());
    // Only the restored rows count: derived state is rebuilt from them.
    await restoredData.query('TRUNCATE matches');
    const checker = restored.get(ConsistencyChecker);
    const found = await checker.check({ repair: true });
    expect(found.drift).toBeGreaterThan(0);
    await drainQueues(restored, ALL_QUEUES);

    const after = await checker.check({ repair: false });
    expect(driftOf(after)).toEqual({});
    expect(after.totals).toEqual(before.totals);
    expect(await pairsOf(restoredData)).toEqual(sourcePairs);
  });
});
