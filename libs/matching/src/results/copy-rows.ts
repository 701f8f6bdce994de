import type { ExpectedMatch } from '../engine/expected-matches';

/**
 * Bytes of COPY text per statement while a full re-match writes its rows (about 20 000 rows): each
 * statement sends rows already computed.
 */
const COPY_CHUNK_BYTES = 16 * 2 ** 20;

/**
 * COPY statements a full re-match keeps in flight, each on its own connection. One: on two cores a
 * second backend storing rows only competes with the engine for the same CPUs (at 100 000
 * candidates the run took 2.5 min with two against 2.2 with one).
 */
const COPIES_IN_FLIGHT = 1;

/**
 * Sends the rows as COPY text a chunk at a time, each row after `lead()`'s leading columns (asked
 * once a chunk), up to `inFlight` chunks in `send` while the next is filled: Postgres stores as
 * the engine computes. Each row's text goes straight into one of `inFlight + 1` buffers that take
 * turns, so it dies young, and a run at a million candidates does not fill the old generation with
 * the rows of chunks waiting for their statement. A buffer is filled again only once the `send`
 * given it has ended. Returns how many rows were sent; the first failed `send` fails it.
 */
export async function copyRows(
  rows: AsyncIterable<ExpectedMatch>,
  lead: () => string,
  send: (text: Buffer) => Promise<void>,
  { chunkBytes = COPY_CHUNK_BYTES, inFlight = COPIES_IN_FLIGHT } = {},
): Promise<number> {
  const chunks = Array.from({ length: inFlight + 1 }, () => new CopyChunk(chunkBytes));
  let filling = 0;
  chunks[filling].reset(lead());
  let sent = 0;
  const sending: Promise<void>[] = [];
  const flush = async () => {
    const chunk = chunks[filling];
    // The buffer filled next was sent `inFlight + 1` chunks ago: that send is over once at most
    // `inFlight - 1` are left before this one starts.
    while (sending.length >= inFlight) await sending.shift();
    const started = send(chunk.bytes());
    // Awaited in turn; a failure meanwhile is not an unhandled rejection.
    started.catch(() => undefined);
    sending.push(started);
    sent += chunk.rows;
    filling = (filling + 1) % chunks.length;
    chunks[filling].reset(lead());
  };
  try {
    for await (const row of rows) {
      const line = copyLine(row);
      if (!chunks[filling].add(line)) {
        await flush();
        chunks[filling].add(line);
      }
    }
    if (chunks[filling].rows > 0) await flush();
    for (const started of sending) await started;
  } catch (error) {
    await Promise.allSettled(sending);
    throw error;
  }
  return sent;
}

/** A row's columns after the lead, as COPY text: JSON holds no tabs or newlines, only backslashes to double. */
function copyLine(row: ExpectedMatch): string {
  const explanation = row.explanation.includes('\\')
    ? row.explanation.replaceAll('\\', '\\\\')
    : row.explanation;
  return `${row.vacancyId}\t${row.candidateId}\t${row.score}\t${explanation}\t${row.tie}\t${row.inVacancyTop ? 't' : 'f'}\t${row.inCandidateTop ? 't' : 'f'}\n`;
}

/** COPY text being gathered for one statement: rows, each after the chunk's leading columns. */
class CopyChunk {
  private buffer: Buffer;
  private lead = '';
  private used = 0;
  rows = 0;

  constructor(bytes: number) {
    this.buffer = Buffer.allocUnsafe(bytes);
  }

  reset(lead: string): void {
    this.lead = lead;
    this.used = 0;
    this.rows = 0;
  }

  /**
   * Adds the row when it surely fits (a UTF-16 unit takes at most 3 bytes); false when it may not
   * and the chunk already holds rows. An empty chunk takes any row, growing for one larger than it.
   */
  add(line: string): boolean {
    const room = 3 * (this.lead.length + line.length);
    if (this.used + room > this.buffer.length) {
      if (this.rows > 0) return false;
      this.buffer = Buffer.allocUnsafe(room);
    }
    this.used += this.buffer.write(this.lead, this.used);
    this.used += this.buffer.write(line, this.used);
    this.rows++;
    return true;
  }

  /** The chunk's text; valid until the next `reset`. */
  bytes(): Buffer {
    return this.buffer.subarray(0, this.used);
  }
}
