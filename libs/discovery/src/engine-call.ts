import { meilisearchApiError } from '@app/search';
import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { SearchUnavailableError } from './discovery.errors';

/** A search result with the engine's own processing time (`processingTimeMs`) for it. */
export interface EngineTimed<T> {
  result: T;
  engineTimeMs: number;
}

/**
 * An unreachable or timed-out engine is a 503 for the caller, not a 500, and so is an engine without
 * the index (one that came back without its data, or a new deployment whose worker has not created
 * it yet: the worker builds it from Postgres). Any other error the engine answers with (a filter it
 * rejects) is a fault of ours and stays one.
 */
export async function engineCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const apiError = meilisearchApiError(error);
    if (apiError?.cause?.code === 'index_not_found') throw new SearchUnavailableError();
    if (apiError) throw apiError;
    if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError)
      throw new SearchUnavailableError();
    throw error;
  }
}
