/**
 * Deadlines for waiting on asynchronous work, sized for a busy 2-core CI machine rather than an idle
 * one: the first documents written to a new Meilisearch index take seconds of engine time, and five
 * times that when the cores are shared. A deadline only bounds how long a real failure takes to
 * show; a passing wait returns as soon as its condition holds. Jest's test timeout (jest.config.js)
 * stays above the longest of them.
 */
export const CONDITION_DEADLINE_MS = 120_000;

/**
 * Setting up a fault or consistency spec: its own services, data through the real API, the worker's
 * first pass over everything. Jest's default (300 s) is short of it when the machine is loaded.
 */
export const SETUP_TIMEOUT_MS = 600_000;

/** Outbox relay plus every job a change causes (indexing, matching, mail), retries included. */
export const DRAIN_DEADLINE_MS = 180_000;
