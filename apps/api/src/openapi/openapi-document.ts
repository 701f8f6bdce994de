import type { NestExpressApplication } from '@nestjs/platform-express';
import {
  DocumentBuilder,
  SwaggerModule,
  type OpenAPIObject,
  type OperationObject,
  type ResponsesObject,
} from '@nestjs/swagger';
import { PUBLIC_ACCESS, ROLES_EXTENSION } from '../access/access.decorator';
import { ErrorBody } from '../errors/error-body';

const BEARER = 'bearer';
const ERROR_CONTENT = { 'application/json': { schema: { $ref: `#/components/schemas/${ErrorBody.name}` } } };
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/** The OpenAPI document of the API, built from the controllers and DTOs, with access and errors stated. */
export function createOpenApiDocument(app: NestExpressApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('EU Talent Pool API')
      .setDescription(
        'Matching third-country jobseekers with employers in EU shortage occupations. ' +
          'A match never guarantees a visa or permit: admission stays with national immigration procedures. ' +
          `Each operation names who may call it in \`${ROLES_EXTENSION}\` (\`${PUBLIC_ACCESS}\` or account roles); ` +
          'every error answers with the one `ErrorBody`.',
      )
      .setVersion('1')
      .addBearerAuth(undefined, BEARER)
      .build(),
    { extraModels: [ErrorBody] },
  );
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) describeAccessAndErrors(operation);
    }
  }
  return document;
}

/**
 * States who may call the operation (from the access decorators the guard enforces) and the errors
 * every operation of its kind can answer; operation-specific errors are declared on the route.
 */
function describeAccessAndErrors(operation: OperationObject): void {
  const extensions = operation as OperationObject & Record<string, unknown>;
  const roles = (extensions[ROLES_EXTENSION] as string[] | undefined) ?? [];
  extensions[ROLES_EXTENSION] = roles;
  const isPublic = roles.includes(PUBLIC_ACCESS);
  operation.security = isPublic ? [] : [{ [BEARER]: [] }];
  const access = isPublic
    ? 'Access: public, no sign-in needed.'
    : roles.length > 0
      ? `Access: signed in as ${roles.join(' or ')}.`
      : 'Access: nobody (this route declares no access rule).';
  operation.description = operation.description ? `${operation.description}\n\n${access}` : access;

  const responses: ResponsesObject = operation.responses;
  const add = (status: number, description: string) => {
    responses[status] ??= { description, content: ERROR_CONTENT };
  };
  if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) add(400, 'The request is invalid');
  if (operation.requestBody) {
    add(413, 'The request body is over the size limit');
    add(415, 'The body is not JSON in UTF-8, or its encoding is not supported');
  }
  if (operation.parameters?.some((parameter) => 'in' in parameter && parameter.in === 'path'))
    add(404, 'Nothing exists under this path, or not for this caller');
  if (!isPublic) {
    if (roles.length > 0) add(401, 'Not signed in, or the session has ended');
    add(403, 'The caller’s role may not use this operation');
  }
  add(500, 'An unexpected error, logged with the errorId of the body');
  add(
    503,
    'A service the operation needs is busy or unreachable (`SERVICE_UNAVAILABLE`, with `Retry-After`); nothing was written',
  );
}
