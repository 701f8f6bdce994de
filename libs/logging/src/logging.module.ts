import { APP_CONFIG, type AppConfig } from '@app/config';
import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { LoggerModule } from 'nestjs-pino';
import { ServiceLogger } from './service-logger';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
// Probes poll these; a line per poll would bury everything else.
const HEALTH_PATH = /\/health(\/|\?|$)/;

/**
 * Structured JSON logs. Requests carry an id (the caller's `x-request-id` when well-formed) and
 * are logged by method, path and status only: no query strings, bodies or headers, which may hold
 * personal data.
 */
@Module({})
export class LoggingModule {
  static forService(service: 'api' | 'worker' | 'cli'): DynamicModule {
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
              genReqId: (req: IncomingMessage, res: ServerResponse) => {
                const given = req.headers['x-request-id'];
                const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
                res.setHeader('x-request-id', id);
                return id;
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
