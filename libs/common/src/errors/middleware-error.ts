/**
 * The status of an error that Express middleware raised before any route saw the request (the body
 * parsers: too large, too many fields, an unknown charset or encoding, a broken compressed stream):
 * the request's fault, a 4xx. Such errors (http-errors) mark their status as safe to expose;
 * anything else is undefined here.
 */
export function middlewareErrorStatus(value: unknown): number | undefined {
  if (!(value instanceof Error)) return undefined;
  const { status, expose } = value as { status?: unknown; expose?: unknown };
  return typeof status === 'number' && status >= 400 && status < 500 && expose === true ? status : undefined;
}
