interface Waiting<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (error: unknown) => void;
}

export interface JobBatcherOptions {
  /** A batch is handed over as soon as it holds this many items. */
  maxSize: number;
  /** How long the first item of a batch waits for others to join it. */
  lingerMs: number;
  /**
   * How many batches are worked at once (no limit when absent). While that many are, the items that
   * arrive wait and go together in the next batch once one ends, so batches grow with the backlog.
   */
  maxInFlight?: number;
}

/**
 * Gathers the items of jobs running at the same time into one batch of work, so a backlog costs
 * one engine round trip per batch rather than per job: the more jobs wait, the fuller the batches.
 * Each job's promise settles with its own result once its batch is done, so a job completes only
 * when its work is written; when the batch fails, every job in it fails and BullMQ retries each
 * with backoff. A crash leaves the jobs active, and BullMQ hands stalled jobs out again.
 */
export class JobBatcher<T, R> {
  private waiting: Waiting<T, R>[] = [];
  private timer?: NodeJS.Timeout;
  /** Whether the waiting items are due: their linger is over, or they fill a batch. */
  private due = false;
  private running = 0;

  constructor(
    private readonly work: (items: T[]) => Promise<R[]>,
    private readonly options: JobBatcherOptions,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.options.maxSize) this.due = true;
      else
        this.timer ??= setTimeout(() => {
          this.timer = undefined;
          this.due = true;
          this.flush();
        }, this.options.lingerMs);
      this.flush();
    });
  }

  /** Starts batches of the due items while fewer than `maxInFlight` run. */
  private flush(): void {
    const limit = this.options.maxInFlight ?? Infinity;
    while (this.due && this.waiting.length > 0 && this.running < limit) {
      clearTimeout(this.timer);
      this.timer = undefined;
      const batch = this.waiting.splice(0, this.options.maxSize);
      // Items left over waited for a batch to end, longer than their linger.
      this.due = this.waiting.length > 0;
      this.running += 1;
      const run = async () => this.work(batch.map((entry) => entry.item));
      run()
        .then(
          (results) => batch.forEach((entry, at) => entry.resolve(results[at])),
          (error: unknown) => batch.forEach((entry) => entry.reject(error)),
        )
        .finally(() => {
          this.running -= 1;
          this.flush();
        });
    }
  }
}
