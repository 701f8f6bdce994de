import { QueryFailedError } from 'typeorm';

/**
 * SQLSTATEs of a database that is away or ending our session: connection exceptions (08), an
 * operator intervention such as `pg_terminate_backend` or a shutdown (57P01–57P03), a cancelled or
 * timed-out statement (57014), too many connections (53300), or a database starting up (57P03).
 */
const UNAVAILABLE_STATES = /^(08...|57P0[1-3]|57014|53300)$/;

/** pg's own messages for a connection it could not get or lost (they carry no SQLSTATE). */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated',
  'Client has encountered a connection error and is not queryable',
  'Client was closed and is not queryable',
  'connect ECONNREFUSED',
  'Query read timeout',
];

/**
 * Whether an error means the database could not serve the call right now (no free connection in
 * time, the connection dropped, the statement timed out), rather than a fault of the call itself.
 * The API answers these with 503, and the worker pauses its queue instead of spending attempts.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error instanceof QueryFailedError ? error.driverError : error) as { code?: unknown };
  if (typeof code.code === 'string' && UNAVAILABLE_STATES.test(code.code)) return true;
  if (UNAVAILABLE_MESSAGES.some((message) => error.message.includes(message))) return true;
  return error.cause !== undefined && error.cause !== error && isDatabaseUnavailable(error.cause);
}
