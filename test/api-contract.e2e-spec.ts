import { DomainError } from '@app/common';
import { Controller, Get } from '@nestjs/common';
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX, PAGE_OFFSET_MAX } from '@app/common';
import { PUBLIC_ACCESS, Public, ROLES_EXTENSION } from '../apps/api/src/access/access.decorator';
import { COMPLETE_LIST_EXTENSION } from '../apps/api/src/openapi/pagination';
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

type Schema = Record<string, unknown>;

type Operation = Record<string, unknown> & {
  parameters?: { name: string; in: string; schema?: Schema; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
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

const PAGING_NAMES = ['limit', 'offset', 'page', 'hitsPerPage', 'before', 'cursor', 'pageSize'];
const LIMIT = {
  type: 'integer',
  minimum: 1,
  maximum: PAGE_LIMIT_MAX,
  default: PAGE_LIMIT_DEFAULT,
};
const OFFSET = {
  type: 'integer',
  minimum: 0,
  maximum: PAGE_OFFSET_MAX,
  default: 0,
};

/** A schema with its `$ref` followed, in the served document. */
function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  const ref = schema?.$ref as string | undefined;
  return ref ? document.components?.schemas?.[ref.split('/').pop()!] : schema;
}

/** How an operation takes and answers a list, in terms of the one pagination shape. */
function pagingOf(document: OpenApiDocument, operation: Operation) {
  const ok = resolve(document, operation.responses?.['200']?.content?.['application/json']?.schema);
  const body = resolve(document, operation.requestBody?.content?.['application/json']?.schema);
  const properties = (ok?.properties ?? {}) as Record<string, Schema>;
  const bodyProperties = (body?.properties ?? {}) as Record<string, Schema>;
  const inputs = new Map<string, Schema | undefined>([
    ...(operation.parameters ?? [])
      .filter((parameter) => parameter.in === 'query')
      .map((parameter) => [parameter.name, parameter.schema] as const),
    ...Object.entries(bodyProperties).map(
      ([name, schema]) =>
        [name, Object.fromEntries(Object.entries(schema).filter(([key]) => key !== 'description'))] as const,
    ),
  ]);
  return {
    bareArray: ok?.type === 'array',
    complete: operation[COMPLETE_LIST_EXTENSION] === true,
    paged: 'items' in properties || PAGING_NAMES.some((name) => inputs.has(name)),
    inputs,
    envelope: ok && {
      items: properties.items?.type,
      total: properties.total && { type: properties.total.type, minimum: properties.total.minimum },
      limit: properties.limit?.type,
      offset: properties.offset?.type,
      required: ['items', 'total', 'limit', 'offset'].every((key) =>
        ((ok.required as string[] | undefined) ?? []).includes(key),
      ),
    },
  };
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
    // The web stack builds the web front end beside an API made by createApiApp.
    const allowed = [join('utils', 'api-app.ts'), join('utils', 'web-stack.ts'), basename(__filename)];
    const files = readdirSync(__dirname, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && !allowed.includes(file))
      .filter((file) => builders.test(readFileSync(join(__dirname, file), 'utf8')));
    expect(files).toEqual([]);
  });

  it('pages every list one way: limit and offset in, { items, total, limit, offset } out', () => {
    const lists: string[] = [];
    const problems: string[] = [];
    for (const { key, operation } of operationsOf(document)) {
      const paging = pagingOf(document, operation);
      if (paging.bareArray && !paging.complete)
        problems.push(`${key} answers a bare array but is not a complete reference enumeration`);
      if (paging.complete) {
        if (!paging.bareArray || paging.paged) problems.push(`${key} is marked complete but is paged`);
        continue;
      }
      if (!paging.paged) continue;
      lists.push(key);
      const stated = {
        key,
        limit: paging.inputs.get('limit'),
        offset: paging.inputs.get('offset'),
        others: PAGING_NAMES.filter((name) => !['limit', 'offset'].includes(name) && paging.inputs.has(name)),
        envelope: paging.envelope,
      };
      expect(stated).toEqual({
        key,
        limit: LIMIT,
        offset: OFFSET,
        others: [],
        envelope: {
          items: 'array',
          total: { type: 'integer', minimum: 0 },
          limit: 'integer',
          offset: 'integer',
          required: true,
        },
      });
    }
    expect(problems).toEqual([]);
    // The lists this covers, so that a list cannot leave the check by losing its shape altogether.
    expect(lists.length).toBeGreaterThanOrEqual(20);
    expect(lists).toEqual(
      expect.arrayContaining([
        'POST /api/v1/search/talent',
        'GET /api/v1/search/jobs',
        'GET /api/v1/admin/audit-events',
        'GET /api/v1/taxonomy/skills',
        'GET /api/v1/employers',
        'GET /api/v1/vacancies/{id}/pipeline',
      ]),
    );
  });
});
