import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

type Schema = Record<string, unknown>;

interface OpenApiResponse {
  content?: Record<string, { schema?: Schema }>;
}

interface OpenApiOperation {
  responses?: Record<string, OpenApiResponse>;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface ContractViolation {
  method: string;
  path: string;
  status: number;
  problem: string;
}

/** Served by Swagger beside the API, not operations of it. */
const DOCUMENTATION = /^\/api\/(docs($|[/-])|v1\/openapi\.json$)/;
const ERROR_BODY = '#/components/schemas/ErrorBody';
const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

/**
 * Checks every response an app sends against the operation of its own OpenAPI document: the status
 * must be documented and the body must match that response's schema. Mismatches are collected here
 * and fail the running spec (test/setup/contract-check.ts).
 */
export class ContractChecker {
  private readonly violations: ContractViolation[] = [];
  private readonly apps: AppContract[] = [];

  /** An Express middleware to mount before everything else; it checks once the document is known. */
  middleware(): { handler: RequestHandler; useDocument: (document: OpenApiDocument) => void } {
    const app = new AppContract((violation) => this.violations.push(violation));
    this.apps.push(app);
    return { handler: app.handler, useDocument: (document) => app.useDocument(document) };
  }

  /** Every mismatch recorded since the last call. */
  take(): ContractViolation[] {
    return this.violations.splice(0);
  }
}

export const contract = new ContractChecker();

export function describeViolations(violations: ContractViolation[]): string {
  const counts = new Map<string, number>();
  for (const violation of violations) {
    const line = `${violation.method} ${violation.path} → ${violation.status}: ${violation.problem}`;
    counts.set(line, (counts.get(line) ?? 0) + 1);
  }
  return [...counts].map(([line, count]) => (count > 1 ? `${line} (${count} times)` : line)).join('\n');
}

class AppContract {
  private operations: { method: string; pattern: RegExp; template: string; operation: OpenApiOperation }[] =
    [];
  private ajv: Ajv | undefined;
  private readonly validators = new Map<string, ValidateFunction>();
  private pending: (() => void)[] | undefined = [];

  constructor(private readonly report: (violation: ContractViolation) => void) {}

  readonly handler: RequestHandler = (request: Request, response: Response, next: NextFunction) => {
    const path = request.originalUrl.split('?')[0];
    if (DOCUMENTATION.test(path)) return next();
    let sent: unknown;
    const send = response.send.bind(response);
    response.send = (body?: unknown) => {
      sent ??= body;
      return send(body);
    };
    response.on('finish', () => {
      const check = () => this.check(request.method, path, response, sent);
      if (this.pending) this.pending.push(check);
      else check();
    });
    next();
  };

  useDocument(document: OpenApiDocument): void {
    this.ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(this.ajv);
    const definitions = Object.fromEntries(
      Object.entries(document.components?.schemas ?? {}).map(([name, schema]) => [
        name,
        toJsonSchema(schema),
      ]),
    );
    this.ajv.addSchema({ $id: 'openapi', definitions });
    this.operations = Object.entries(document.paths).flatMap(([template, item]) =>
      Object.entries(item)
        .filter(([method]) => METHODS.has(method))
        .map(([method, operation]) => ({
          method: method.toUpperCase(),
          pattern: patternOf(template),
          template,
          operation,
        })),
    );
    // Static segments win over parameters, as they do in the router.
    this.operations.sort((a, b) => paramCount(a.template) - paramCount(b.template));
    const pending = this.pending ?? [];
    this.pending = undefined;
    pending.forEach((check) => check());
  }

  private check(method: string, path: string, response: Response, sent: unknown): void {
    const status = response.statusCode;
    const fail = (problem: string) => this.report({ method, path, status, problem });
    const found = this.operations.find((entry) => entry.method === method && entry.pattern.test(path));
    if (!found) {
      // An unknown route: only the router's 404 may answer it, in the one error body.
      if (status !== 404) return fail('no operation in the document matches this request');
      return this.validate(`unknown 404`, { $ref: ERROR_BODY }, parseBody(response, sent), fail);
    }
    const documented = found.operation.responses?.[String(status)];
    if (!documented) return fail(`status ${status} is not documented for ${method} ${found.template}`);
    const body = parseBody(response, sent);
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) {
      if (body !== undefined && documented.content === undefined)
        fail('the response has a body but the document describes none');
      return;
    }
    if (body === undefined) return fail('the document describes a JSON body but the response has none');
    this.validate(`${method} ${found.template} ${status}`, schema, body, fail);
  }

  private validate(key: string, schema: Schema, body: unknown, fail: (problem: string) => void): void {
    if (!this.ajv) throw new Error('The contract check has no document');
    let validator = this.validators.get(key);
    if (!validator) {
      validator = this.ajv.compile(toJsonSchema(schema));
      this.validators.set(key, validator);
    }
    if (validator(body)) return;
    fail(this.ajv.errorsText(validator.errors, { dataVar: 'body', separator: '; ' }));
  }
}

function parseBody(response: Response, sent: unknown): unknown {
  if (sent === undefined || sent === null) return undefined;
  const text = Buffer.isBuffer(sent) ? sent.toString('utf8') : typeof sent === 'string' ? sent : undefined;
  if (text === undefined) return sent;
  if (text === '') return undefined;
  const type = String(response.getHeader('content-type') ?? '');
  if (!type.includes('json')) return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * OpenAPI 3.0 schema → JSON Schema for Ajv: `nullable` becomes a union with null, references point
 * into the shared `openapi` schema, and objects that list their properties allow no others, so a
 * field the API returns but the document does not describe is a mismatch too.
 */
function toJsonSchema(value: unknown): Schema {
  return convert(value) as Schema;
}

function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value !== 'object' || value === null) return value;
  const source = value as Schema;
  const result: Schema = {};
  for (const [key, item] of Object.entries(source)) {
    if (key === 'nullable' || key === 'example' || key === 'examples') continue;
    if (key === '$ref' && typeof item === 'string') {
      result.$ref = item.replace('#/components/schemas/', 'openapi#/definitions/');
    } else if (key === 'properties' && typeof item === 'object' && item !== null) {
      result.properties = Object.fromEntries(
        Object.entries(item).map(([name, property]) => [name, convert(property)]),
      );
    } else {
      result[key] = convert(item);
    }
  }
  if (result.properties && result.additionalProperties === undefined) result.additionalProperties = false;
  if (source.nullable === true) return { anyOf: [{ type: 'null' }, result] };
  return result;
}

function patternOf(template: string): RegExp {
  const escaped = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${escaped}/?$`);
}

function paramCount(template: string): number {
  return (template.match(/\{/g) ?? []).length;
}
