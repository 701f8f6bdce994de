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

  constructor(
    private readonly work: (items: T[]) => Promise<R[]>,
    private readonly options: JobBatcherOptions,
  ) {}

  submit(item: T): Promise<R> {
    return new Promise<R>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      if (this.waiting.length >= this.options.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.options.lingerMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    const run = async () => this.work(batch.map((entry) => entry.item));
    run().then(
      (results) => batch.forEach((entry, at) => entry.resolve(results[at])),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  }
}
