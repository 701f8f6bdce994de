import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi } from '../../apps/api/src/configure-api';
import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';

export interface ApiAppOptions {
  /** Extra controllers or providers mounted beside the real API (test fixtures). */
  extra?: ModuleMetadata;
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/** The real API (same module, same configureApi) on an ephemeral in-process HTTP server. */
export async function createApiApp(options: ApiAppOptions = {}): Promise<NestExpressApplication> {
  let builder = Test.createTestingModule({ imports: [ApiModule], ...options.extra });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  configureApi(app);
  await app.init();
  return app;
}

export async function closeApp(app: INestApplication | undefined): Promise<void> {
  await app?.close();
}
