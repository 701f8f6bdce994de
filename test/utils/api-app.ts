import { ApiModule } from '../../apps/api/src/api.module';
import { configureApi, OPENAPI_PATH } from '../../apps/api/src/configure-api';
import type { INestApplication, ModuleMetadata } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test, type TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import { contract, type OpenApiDocument } from './contract';

export interface ApiAppOptions {
  /** Extra controllers or providers mounted beside the real API (test fixtures). */
  extra?: ModuleMetadata;
  override?: (builder: TestingModuleBuilder) => TestingModuleBuilder;
}

/**
 * The real API (same module, same configureApi) on an ephemeral in-process HTTP server. Every
 * response it sends is checked against the OpenAPI document it serves (see ./contract.ts).
 */
export async function createApiApp(options: ApiAppOptions = {}): Promise<NestExpressApplication> {
  let builder = Test.createTestingModule({ imports: [ApiModule], ...options.extra });
  if (options.override) builder = options.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestExpressApplication>({ bufferLogs: true });
  // First of all middleware, so that answers given before a route (body limits) are checked too.
  const check = contract.middleware();
  app.use(check.handler);
  configureApi(app);
  await app.init();
  const served = await request(app.getHttpServer()).get(`/${OPENAPI_PATH}`).expect(200);
  check.useDocument(served.body as OpenApiDocument);
  return app;
}

export async function closeApp(app: INestApplication | undefined): Promise<void> {
  await app?.close();
}
