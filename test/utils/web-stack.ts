import { APP_CONFIG, type AppConfig } from '@app/config';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { configureWeb } from '../../apps/web/src/configure-web';
import { WebModule } from '../../apps/web/src/web.module';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import type { DataSource } from 'typeorm';
import { seedCandidateFixtures } from '../factories/candidate.factory';
import { closeApp, createApiApp } from './api-app';
import { truncateAll } from './database';
import { clearRateLimits } from './rate-limits';
import { emptySearchIndexes } from './search-indexes';

export interface WebStack {
  api: NestExpressApplication;
  web: NestExpressApplication;
  worker: TestingModule;
  /** The web front end, as browsers and the API's mail links reach it. */
  webUrl: string;
  close(): Promise<void>;
}

/**
 * The API, the worker and the web front end, each the real module in this process, the API and the
 * web app on loopback ports: the browser talks to the web app, which talks to the API over HTTP, and
 * the API's mails link to the web app.
 */
export async function startWebStack(): Promise<WebStack> {
  execFileSync(process.execPath, [join(__dirname, '../../tools/build-web-assets.mjs')], { stdio: 'inherit' });
  const [webPort, apiPort] = [await freePort(), await freePort()];
  const webUrl = `http://127.0.0.1:${webPort}`;
  Object.assign(process.env, { PUBLIC_URL: webUrl, WEB_API_URL: `http://127.0.0.1:${apiPort}` });
  const api = await createApiApp();
  await api.listen(apiPort, '127.0.0.1');
  const worker = await Test.createTestingModule({ imports: [WorkerModule] }).compile();
  await worker.init();
  const webModule = await Test.createTestingModule({ imports: [WebModule] }).compile();
  const web = webModule.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureWeb(web);
  await web.listen(webPort, '127.0.0.1');
  // Each spec starts from an empty platform with the reference data and the fixture ESCO concepts.
  await truncateAll(api.get<DataSource>(getDataSourceToken()));
  await emptySearchIndexes(api);
  await clearRateLimits(api.get<AppConfig>(APP_CONFIG));
  await seedCandidateFixtures(api);
  return {
    api,
    web,
    worker,
    webUrl,
    async close() {
      await web.close();
      await worker.close();
      await closeApp(api);
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
