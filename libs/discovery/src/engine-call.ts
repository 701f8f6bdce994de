import { meilisearchApiError } from '@app/search';
import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { SearchUnavailableError } from './discovery.errors';

/** A search result with the engine's own processing time (`processingTimeMs`) for it. */
export interface EngineTimed<T> {
  result: T;
  engineTimeMs: number;
}

/**
 * An unreachable or timed-out engine is a 503 for the caller, not a 500. An error the engine itself
 * answered with (an unknown index, a filter it rejects) is a fault of ours and stays one.
 */
export async function engineCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const apiError = meilisearchApiError(error);
    if (apiError) throw apiError;
    if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError)
      throw new SearchUnavailableError();
    throw error;
  }
}
