import type { NestExpressApplication } from '@nestjs/platform-express';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { closeApp, createApiApp } from './utils/api-app';

const TYPES_FILE = join(__dirname, '../apps/web/src/api/api-types.d.ts');
const HEADER =
  '// The API as its OpenAPI document describes it, for the web front end\'s typed client.\n' +
  '// Generated from the served document: `npm run web:api-types` writes it anew. Do not edit.\n\n';

/**
 * The web front end calls the API through types generated from the document the API serves. When
 * an operation changes, this fails until the types are generated again, so the front end can never
 * compile against an API that no longer exists.
 */
describe('The web front end\'s API types', () => {
  let api: NestExpressApplication;

  beforeAll(async () => {
    api = await createApiApp();
  });

  afterAll(() => closeApp(api));

  it('match the OpenAPI document the API serves', async () => {
    const served = await request(api.getHttpServer()).get('/api/v1/openapi.json').expect(200);
    const generated = HEADER + (await generateTypes(served.body));
    if (process.env.UPDATE_WEB_API_TYPES === '1') await writeFile(TYPES_FILE, generated);
    const committed = await readFile(TYPES_FILE, 'utf8').catch(() => '');
    expect(committed === generated ? 'in step' : 'drifted: run `npm run web:api-types`').toBe('in step');
  });
});

/** openapi-typescript's CLI (its library loads ES modules jest cannot), on the served document. */
async function generateTypes(document: unknown): Promise<string> {
  const work = await mkdtemp(join(tmpdir(), 'api-types-'));
  try {
    await writeFile(join(work, 'openapi.json'), JSON.stringify(document));
    const cli = join(__dirname, '../node_modules/openapi-typescript/bin/cli.js');
    execFileSync(process.execPath, [cli, 'openapi.json', '--alphabetize', '-o', 'types.ts'], {
      cwd: work,
      stdio: 'ignore',
    });
    return await readFile(join(work, 'types.ts'), 'utf8');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
