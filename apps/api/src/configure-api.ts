import { APP_CONFIG, type AppConfig } from '@app/config';
import { VersioningType } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { assignRequestId, ServiceLogger } from '@app/logging';
import { ApiExceptionFilter } from './errors/api-exception.filter';
import { answerMalformedRequest } from './errors/malformed-request.handler';
import { explainBodyError, refuseUndecodablePath } from './errors/unreadable-request';
import { createValidationPipe } from './errors/validation';
import { createOpenApiDocument } from './openapi/openapi-document';
import { SafeInputPipe } from './validation/safe-input.pipe';

export const API_PREFIX = 'api';
export const DOCS_PATH = 'api/docs';
export const OPENAPI_PATH = 'api/v1/openapi.json';

/** Everything that makes a Nest app our API; shared by main.ts and the end-to-end tests. */
export function configureApi(app: NestExpressApplication): AppConfig {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(ServiceLogger));
  // First of all, so that even a body the parsers refuse is answered with its request id.
  app.use(assignRequestId);
  app.use(refuseUndecodablePath);
  app.getHttpServer().on('clientError', answerMalformedRequest);
  app.disable('x-powered-by');
  // API answers are not cached by validators: hashing every body for an ETag is time spent for nothing.
  app.set('etag', false);
  // Forwarding headers are believed only from configured proxies: anyone else could pick their
  // own address and so escape the per-address limits.
  app.set('trust proxy', config.http.trustedProxies.length > 0 ? [...config.http.trustedProxies] : false);
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  app.use(explainBodyError);
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(new SafeInputPipe(), createValidationPipe());
  app.useGlobalFilters(new ApiExceptionFilter());
  app.enableShutdownHooks();

  const document = createOpenApiDocument(app);
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: OPENAPI_PATH });
  return config;
}
