import { APP_CONFIG, type AppConfig } from '@app/config';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import type { IdentifiedRequest } from './request-id';
import { ServiceLogger } from './service-logger';

// Probes poll these; a line per poll would bury everything else.
const HEALTH_PATH = /\/health(\/|\?|$)/;

/**
 * Structured JSON logs. Requests carry the server's id (from `assignRequestId`, with the caller's
 * own `x-request-id` beside it as `clientRequestId` when well-formed) and are logged by method,
 * path and status only: no query strings, bodies or headers, which may hold personal data.
 */
@Module({})
export class LoggingModule {
  static forService(service: 'api' | 'worker' | 'cli' | 'web'): DynamicModule {
    return {
      module: LoggingModule,
      providers: [ServiceLogger],
      exports: [ServiceLogger],
      imports: [
        LoggerModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (config: AppConfig) => ({
            forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
            pinoHttp: {
              level: config.logLevel,
              base: { service },
              genReqId: (req: IncomingMessage) => (req as IdentifiedRequest).id ?? randomUUID(),
              customProps: (req: IncomingMessage) => {
                const { clientRequestId } = req as IdentifiedRequest;
                return clientRequestId ? { clientRequestId } : {};
              },
              serializers: {
                req: (req: { id: string; method: string; url: string }) => ({
                  id: req.id,
                  method: req.method,
                  path: req.url.split('?')[0],
                }),
                res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
              },
              customLogLevel: (_req: IncomingMessage, res: ServerResponse, error?: Error) =>
                error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
              autoLogging: { ignore: (req: IncomingMessage) => HEALTH_PATH.test(req.url ?? '') },
            },
          }),
        }),
      ],
    };
  }
}
