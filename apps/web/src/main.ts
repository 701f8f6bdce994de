import 'reflect-metadata';
import { runService } from '@app/config';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { configureWeb } from './configure-web';
import { WebModule } from './web.module';

runService('web', async () => {
  const app = await NestFactory.create<NestExpressApplication>(WebModule, { bufferLogs: true });
  const config = configureWeb(app);
  await app.listen(config.web.port, config.web.host);
  app.get(Logger).log(`Web front end listening on http://${config.web.host}:${config.web.port}`);
  return app;
});
