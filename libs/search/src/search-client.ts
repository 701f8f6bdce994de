import { APP_CONFIG, type AppConfig } from '@app/config';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Meilisearch, type EnqueuedTask, type EnqueuedTaskPromise, type Task } from 'meilisearch';
import { Agent } from 'undici';
import { ensureLocalMeilisearch, type LocalMeilisearch } from './local/local-meilisearch';
import { meilisearchTransport } from './meilisearch-transport';

export const MEILI_CLIENT = Symbol('MEILI_CLIENT');

export class SearchTaskFailedError extends Error {}

/**
 * Rejects when `waiting` has not settled within `timeoutMs`. The timer is ours and cleared however
 * the wait ends: the client's own task timeout is left running when a poll fails (an engine gone or
 * a connection closed at shutdown), and would hold the process open for its whole length.
 */
async function withDeadline<T>(waiting: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SearchTaskFailedError(`${what} did not finish within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([waiting, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function assertSucceeded(done: Task, allowedErrorCode?: string): Task {
  if (done.status !== 'succeeded' && !(allowedErrorCode && done.error?.code === allowedErrorCode)) {
    throw new SearchTaskFailedError(
      `Meilisearch task ${done.uid} (${done.type}) ${done.status}: ${done.error?.message ?? ''}`,
    );
  }
  return done;
}

/**
 * Waits for a Meilisearch task and throws when it did not succeed, unless it failed with
 * `allowedErrorCode` (an outcome the caller counts as done).
 */
export async function settle(
  task: EnqueuedTaskPromise,
  // The engine runs its tasks one after another: a small one may wait behind minutes of indexing.
  timeoutMs = 600_000,
  allowedErrorCode?: string,
): Promise<Task> {
  const done = await withDeadline(task.waitTask({ timeout: 0, interval: 50 }), timeoutMs, 'Meilisearch task');
  return assertSucceeded(done, allowedErrorCode);
}

/**
 * Waits for tasks that were enqueued without waiting, so the engine batches them while the caller
 * prepares the next ones; throws on the first that did not succeed.
 */
export async function settleAll(
  client: Meilisearch,
  tasks: readonly EnqueuedTask[],
  timeoutMs = 600_000,
): Promise<void> {
  const waiting = (async () => {
    for await (const done of client.tasks.waitForTasksIter(tasks, { timeout: 0, interval: 200 }))
      assertSucceeded(done);
  })();
  await withDeadline(waiting, timeoutMs, `${tasks.length} Meilisearch task(s)`);
}

/**
 * Connects to MEILI_URL, or, when none is configured, to the bundled local Meilisearch (started if
 * needed and stopped on shutdown when this process started it).
 */
@Injectable()
export class MeilisearchConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(MeilisearchConnection.name);
  private local?: LocalMeilisearch;
  private readonly dispatcher: Agent;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    const timeout = config.search.timeoutMs;
    this.dispatcher = new Agent({
      keepAliveTimeout: 30_000,
      connect: { timeout },
      headersTimeout: timeout,
      bodyTimeout: timeout,
    });
  }

  async connect(): Promise<Meilisearch> {
    const { url, masterKey, timeoutMs: timeout } = this.config.search;
    const httpClient = meilisearchTransport(this.dispatcher);
    if (url) return new Meilisearch({ host: url, apiKey: masterKey, httpClient, timeout });
    this.local = await ensureLocalMeilisearch({ dataDir: this.config.dataDir });
    this.logger.log(`Using local Meilisearch at ${this.local.url}${this.local.owned ? ' (started)' : ''}`);
    return new Meilisearch({ host: this.local.url, apiKey: this.local.masterKey, httpClient, timeout });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatcher.close();
    await this.local?.stop();
  }
}
