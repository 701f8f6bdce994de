import type { EngineTimed } from '@app/discovery';
import type { Response } from 'express';

/** How the search routes document the header in the OpenAPI description. */
export const ENGINE_TIMING_HEADER = {
  'Server-Timing': {
    description: "`engine;dur=<ms>`: the search engine's own processing time for this search",
    schema: { type: 'string' },
  },
};

/**
 * Answers the result and reports the engine's share of the time in a standard `Server-Timing`
 * header, which browser tools show beside the request and which the search benchmark reads to set
 * each request's API time against the engine time of the very same search.
 */
export function withEngineTiming<T>(response: Response, timed: EngineTimed<T>): T {
  response.setHeader('Server-Timing', `engine;dur=${timed.engineTimeMs}`);
  return timed.result;
}
