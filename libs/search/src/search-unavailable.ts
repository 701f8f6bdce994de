import { MeilisearchRequestError, MeilisearchRequestTimeOutError } from 'meilisearch';
import { meilisearchApiError } from './meilisearch-transport';

/**
 * Whether an error means Meilisearch could not be reached or did not answer in time, rather than
 * the engine refusing the call (an API error, which is a fault of ours).
 */
export function isSearchUnavailable(error: unknown): boolean {
  if (meilisearchApiError(error)) return false;
  return error instanceof MeilisearchRequestError || error instanceof MeilisearchRequestTimeOutError;
}
