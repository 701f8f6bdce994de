import { APP_CONFIG, type AppConfig } from '@app/config';
import { assignRequestId, ServiceLogger } from '@app/logging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import compression from 'compression';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { securityHeaders } from './http/security-headers';

/** Built by `npm run build` (tools/build-web-assets.mjs): the committed assets and the bundled islands. */
export const ASSETS_DIR = join(projectRoot(__dirname), 'dist/apps/web/assets');

function projectRoot(from: string): string {
  return existsSync(join(from, 'package.json')) || dirname(from) === from ? from : projectRoot(dirname(from));
}

/** Everything that makes a Nest app the web front end; shared by main.ts and the tests. */
export function configureWeb(app: NestExpressApplication): AppConfig {
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(ServiceLogger));
  app.use(assignRequestId);
  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustedProxies.length > 0 ? [...config.http.trustedProxies] : false);
  app.use(securityHeaders(config));
  app.use(compression());
  const assets = { maxAge: '1d', index: false, fallthrough: true, redirect: false } as const;
  app.useStaticAssets(ASSETS_DIR, { ...assets, prefix: '/assets/' });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  app.enableShutdownHooks();
  return config;
}
