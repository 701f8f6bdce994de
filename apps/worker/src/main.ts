import 'reflect-metadata';
import { runService } from '@app/config';
import { NestFactory } from '@nestjs/core';
import { ServiceLogger } from '@app/logging';
import { WorkerModule } from './worker.module';

runService('worker', async () => {
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(ServiceLogger));
  app.enableShutdownHooks();
  await app.init();
  return app;
});
