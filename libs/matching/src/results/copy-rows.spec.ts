import { setTimeout as sleep } from 'node:timers/promises';
import type { ExpectedMatch } from '../engine/expected-matches';
import { copyRows } from './copy-rows';

function row(at: number, explanation = `[3,[${at}],[],[]]`): ExpectedMatch {
  return {
    vacancyId: `v${at}`,
    candidateId: `c${at}`,
    score: at / 1000,
    tie: at * 7,
    explanation,
    inVacancyTop: at % 2 === 0,
    inCandidateTop: at % 3 === 0,
  };
}

async function* each(rows: ExpectedMatch[], failAfter?: number): AsyncGenerator<ExpectedMatch> {
  for (const [at, item] of rows.entries()) {
    if (at === failAfter) throw new Error('ranking failed');
    await Promise.resolve();
    yield item;
  }
}

const line = (r: ExpectedMatch) =>
  `${r.vacancyId}\t${r.candidateId}\t${r.score}\t${r.explanation.replaceAll('\\', '\\\\')}\t${r.tie}\t${r.inVacancyTop ? 't' : 'f'}\t${r.inCandidateTop ? 't' : 'f'}\n`;

/**
 * A send that takes its time (unevenly, so later chunks may end first), what each chunk held when
 * sent and when its send ended (in the order sent), and how many sends ran at once at most.
 */
function slowSend() {
  const sent: { atCall: string; atEnd: string }[] = [];
  const state = { running: 0, most: 0 };
  return {
    sent,
    state,
    send: async (text: Buffer) => {
      const at = sent.length;
      sent.push({ atCall: text.toString('utf8'), atEnd: '' });
      state.most = Math.max(state.most, ++state.running);
      await sleep([7, 2, 4][at % 3]);
      sent[at].atEnd = text.toString('utf8');
      state.running--;
    },
  };
}

describe('copyRows', () => {
  it.each([1, 2, 3])(
    'sends every row once, in chunks that each begin every row with their own lead, %i at a time',
    async (inFlight) => {
      const rows = Array.from({ length: 200 }, (_, at) => row(at));
      let leads = 0;
      const { sent, send, state } = slowSend();
      const count = await copyRows(each(rows), () => `L${++leads}\t`, send, { chunkBytes: 1_024, inFlight });

      expect(count).toBe(200);
      expect(sent.length).toBeGreaterThanOrEqual(5);
      expect(state.most).toBe(inFlight);
      expect(state.running).toBe(0);
      // No buffer was refilled while its send was still running.
      for (const chunk of sent) expect(chunk.atEnd).toBe(chunk.atCall);
      const lines = sent.flatMap((chunk, at) =>
        chunk.atCall
          .split('\n')
          .slice(0, -1)
          .map((text) => {
            expect(text.startsWith(`L${at + 1}\t`)).toBe(true);
            return `${text.slice(`L${at + 1}\t`.length)}\n`;
          }),
      );
      expect(lines).toEqual(rows.map(line));
      for (const chunk of sent) expect(Buffer.byteLength(chunk.atCall)).toBeLessThanOrEqual(1_024);
    },
  );

  it('sends a row larger than a chunk on its own, and keeps UTF-8 and doubled backslashes intact', async () => {
    const rows = [
      row(1),
      row(2, `[3,[],[["${'é'.repeat(2_000)}",4]],["a\\"b\\\\c"]]`),
      row(3, '[3,[],[["skill/ü",4]],[]]'),
    ];
    const { sent, send } = slowSend();

    expect(await copyRows(each(rows), () => 'L\t', send, { chunkBytes: 1_024 })).toBe(3);
    // The first chunk cannot take the large row, which begins a chunk grown for it.
    expect(sent[0].atCall).toBe(`L\t${line(rows[0])}`);
    expect(sent[1].atCall.startsWith(`L\t${line(rows[1])}`)).toBe(true);
    expect(sent.map((chunk) => chunk.atCall).join('')).toBe(rows.map((r) => `L\t${line(r)}`).join(''));
    expect(sent[1].atCall).toContain('"a\\\\"b\\\\\\\\c"');
  });

  it('sends nothing for no rows', async () => {
    const { sent, send } = slowSend();
    expect(await copyRows(each([]), () => 'L\t', send)).toBe(0);
    expect(sent).toEqual([]);
  });

  it('ends with the error of the rows once the chunk being sent is done, and with the error of a send', async () => {
    const rows = Array.from({ length: 100 }, (_, at) => row(at));
    const { sent, send, state } = slowSend();
    await expect(copyRows(each(rows, 60), () => 'L\t', send, { chunkBytes: 512 })).rejects.toThrow(
      'ranking failed',
    );
    expect(state.running).toBe(0);
    const settled = sent.length;
    await sleep(20);
    expect(sent.length).toBe(settled);
    expect(settled).toBeGreaterThan(0);

    let calls = 0;
    const failing = async () => {
      if (++calls === 2) throw new Error('copy failed');
      await sleep(1);
    };
    await expect(copyRows(each(rows), () => 'L\t', failing, { chunkBytes: 512 })).rejects.toThrow(
      'copy failed',
    );
  });
});
