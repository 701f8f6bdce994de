import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

const CLIENT_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type IdentifiedRequest = IncomingMessage & { id?: string; clientRequestId?: string };

/**
 * Gives the request the server's own id (answered in `x-request-id`, logged, written to the audit
 * log) before anything else can fail. A well-formed `x-request-id` the client sent is kept apart,
 * for the request log only: a caller never chooses what the audit log says.
 */
export function assignRequestId(req: IdentifiedRequest, res: ServerResponse, next: () => void): void {
  req.id = randomUUID();
  const given = req.headers['x-request-id'];
  if (typeof given === 'string' && CLIENT_REQUEST_ID.test(given)) req.clientRequestId = given;
  res.setHeader('x-request-id', req.id);
  next();
}
