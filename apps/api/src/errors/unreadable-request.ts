import type { NextFunction, Request, Response } from 'express';

/**
 * A request refused before any route sees it (its path, its body's encoding or syntax), with a
 * fixed message: the parsers' own messages quote the request.
 */
export class UnreadableRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UnreadableRequestError';
  }
}

const TOO_LARGE = () =>
  new UnreadableRequestError(413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than the limit');

/** body-parser's error types. */
const BODY_ERRORS: Record<string, () => UnreadableRequestError> = {
  'entity.parse.failed': () =>
    new UnreadableRequestError(400, 'MALFORMED_BODY', 'The request body is not valid JSON'),
  'entity.too.large': TOO_LARGE,
  'parameters.too.many': TOO_LARGE,
  'charset.unsupported': () =>
    new UnreadableRequestError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'The request body’s charset is not supported; send UTF-8',
    ),
  'encoding.unsupported': () =>
    new UnreadableRequestError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'The request body’s content encoding is not supported; send identity, gzip, deflate or br',
    ),
  'request.aborted': () =>
    new UnreadableRequestError(400, 'MALFORMED_BODY', 'The request body was cut short'),
  'request.size.invalid': () =>
    new UnreadableRequestError(400, 'MALFORMED_BODY', 'The request body does not match its Content-Length'),
};

/** Express error middleware placed right after the body parsers. */
export function explainBodyError(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = (error as { type?: unknown } | null)?.type;
  const explained = typeof type === 'string' ? BODY_ERRORS[type] : undefined;
  next(explained ? explained() : error);
}

/**
 * The router would fail to decode such a segment only once a route matched, with a message quoting
 * it; refusing the whole path first answers every route alike.
 */
export function refuseUndecodablePath(req: Request, _res: Response, next: NextFunction): void {
  try {
    decodeURIComponent(req.path);
  } catch {
    next(
      new UnreadableRequestError(
        400,
        'MALFORMED_PATH',
        'The request path is not valid percent-encoded UTF-8',
      ),
    );
    return;
  }
  next();
}
