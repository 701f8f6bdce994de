import { DomainError } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PUBLIC_ACCESS, Public, ROLES_EXTENSION } from '../apps/api/src/access/access.decorator';
import { OffContractController, ProbeController, UnruledController } from './fixtures/probe.controller';
import { closeApp, createApiApp } from './utils/api-app';
import { contract, type OpenApiDocument } from './utils/contract';
import { discoverApiRoutes, type ApiRoute } from './utils/routes';

/** Answers a status its operation does not document. */
@Public()
@Controller('test-undocumented-status')
class UndocumentedStatusController {
  @Get()
  taken(): never {
    throw new DomainError('conflict', 'PROBE_TAKEN', 'That probe is taken');
  }
}

type Operation = Record<string, unknown> & {
  parameters?: { name: string; in: string; schema?: Record<string, unknown> }[];
  security?: Record<string, string[]>[];
  description?: string;
};

function operationsOf(document: OpenApiDocument): { key: string; operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({
      key: `${method.toUpperCase()} ${path}`,
      operation: operation as Operation,
    })),
  );
}

function documentKey(route: ApiRoute): string {
  return `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}

describe('the API contract', () => {
  let sut: NestExpressApplication;
  let document: OpenApiDocument;

  beforeAll(async () => {
    sut = await createApiApp({
      extra: {
        controllers: [
          ProbeController,
          UnruledController,
          OffContractController,
          UndocumentedStatusController,
        ],
      },
    });
    document = (await request(sut.getHttpServer()).get('/api/v1/openapi.json').expect(200))
      .body as OpenApiDocument;
  });

  afterAll(() => closeApp(sut));

  it('reports a body that breaks its declared schema, with method, path, status and the reason', async () => {
    await request(sut.getHttpServer()).get('/api/v1/test-off-contract').expect(200);
    const violations = contract.take();
    expect(violations).toEqual([
      expect.objectContaining({ method: 'GET', path: '/api/v1/test-off-contract', status: 200 }),
    ]);
    expect(violations[0].problem).toContain('body/count must be integer');
    expect(violations[0].problem).toContain('must NOT have additional properties');
  });

  it('reports a status the operation does not document', async () => {
    await request(sut.getHttpServer()).get('/api/v1/test-undocumented-status').expect(409);
    expect(contract.take()).toEqual([
      {
        method: 'GET',
        path: '/api/v1/test-undocumented-status',
        status: 409,
        problem: 'status 409 is not documented for GET /api/v1/test-undocumented-status',
      },
    ]);
  });

  it('accepts the router’s 404 for an unknown route, in the one error body', async () => {
    await request(sut.getHttpServer()).get('/api/v1/no-such-route').expect(404);
    expect(contract.take()).toEqual([]);
  });

  it('states on every operation who may call it, exactly as the guard enforces', () => {
    const documented = new Map(operationsOf(document).map(({ key, operation }) => [key, operation]));
    const routes = discoverApiRoutes(sut);
    expect(routes.length).toBe(documented.size);
    for (const route of routes) {
      const operation = documented.get(documentKey(route));
      expect({ route: documentKey(route), found: operation !== undefined }).toEqual({
        route: documentKey(route),
        found: true,
      });
      if (!operation) continue;
      const expected = !route.rule
        ? []
        : route.rule.kind === 'public'
          ? [PUBLIC_ACCESS]
          : [...route.rule.roles];
      const stated = {
        route: documentKey(route),
        roles: operation[ROLES_EXTENSION],
        security: operation.security,
        says: /Access: /.test(operation.description ?? ''),
      };
      expect(stated).toEqual({
        route: documentKey(route),
        roles: expected,
        security: route.rule?.kind === 'public' ? [] : [{ bearer: [] }],
        says: true,
      });
    }
  });

  it('types every parameter plainly: lists of strings, bounded integers, one name per concept', () => {
    const problems: string[] = [];
    for (const { key, operation } of operationsOf(document)) {
      for (const parameter of operation.parameters ?? []) {
        const schema = parameter.schema ?? {};
        const where = `${key} ${parameter.in} ${parameter.name}`;
        if (!schema.type && !schema.enum && !schema.$ref) problems.push(`${where} has no type`);
        const items = schema.items as Record<string, unknown> | undefined;
        if (items?.type === 'array') problems.push(`${where} is an array of arrays`);
        if (['limit', 'offset', 'page', 'hitsPerPage'].includes(parameter.name)) {
          if (schema.type !== 'integer' || schema.minimum === undefined)
            problems.push(`${where} is not a bounded integer`);
        }
        if (parameter.name === 'language') problems.push(`${where}: the label language is \`lang\``);
      }
    }
    const talentSearch = document.components?.schemas?.TalentSearchRequest as {
      properties: Record<string, unknown>;
    };
    expect(Object.keys(talentSearch.properties)).toContain('lang');
    expect(Object.keys(talentSearch.properties)).not.toContain('language');
    expect(problems).toEqual([]);
  });

  it('covers every spec: none builds an HTTP app except through createApiApp', () => {
    const builders = /createNestApplication|NestFactory\.create\b/;
    const allowed = [join('utils', 'api-app.ts'), basename(__filename)];
    const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !allowed.includes(file))
      .filter((file) => builders.test(readFileSync(join(__dirname, file), 'utf8')));
    expect(files).toEqual([]);
  });
});
