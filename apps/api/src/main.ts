import 'reflect-metadata';
import { runService } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { ApiModule } from './api.module';
import { configureApi, DOCS_PATH } from './configure-api';

runService('api', async () => {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { bufferLogs: true });
  const config = configureApi(app);
  await app.listen(config.http.port, config.http.host);
  const base = `http://${config.http.host}:${config.http.port}`;
  app.get(Logger).log(`API listening on ${base}/api/v1, docs at ${base}/${DOCS_PATH}`);
  return app;
});
