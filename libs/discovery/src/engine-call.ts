import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { SearchUnavailableError } from './discovery.errors';

/** An unreachable or timed-out engine is a 503 for the caller, not a 500. */
export async function engineCall<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError)
      throw new SearchUnavailableError();
    throw error;
  }
}
