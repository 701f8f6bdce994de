import 'reflect-metadata';
import { CandidateLifecycle } from '@app/candidates';
import type { Principal } from '@app/identity';
import { QUEUE_NAMES } from '@app/queue';
import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { startIsolatedRun } from './support/isolated-run';
import { numberArg, percentile, printRuntime } from './support/measure';
import { createBenchContext, LagSampler, PipelineProbe, seedPipelineData } from './support/pipeline';
import { startBuiltService, steadily, until, type RunningService } from './support/services';
import type { SyntheticCandidate } from './synthetic/generate';

/**
 * Surges through the product's own write path: draft profiles are activated with the candidates
 * service (the transaction the API runs for `POST /candidates/me/activate`), and the built worker,
 * a process of its own, relays the outbox, indexes and matches.
 *
 * 1. A burst of `--burst` activations as fast as the write path takes them: the time until every
 *    profile is searchable, and until the index and match queues are drained (matched).
 * 2. Steady activation rates, doubling from `--from` per second for `--step-seconds` each: the
 *    index lag (commit → found in the index) of a sample of profiles, p50/p95, and the highest rate
 *    whose p95 stays within 2 s.
 *
 * Run with `npm run bench:surge [-- --burst 10000 --vacancies 2000 --from 25 --steps 5
 * --step-seconds 10 --writers 8 --seed 11]` (it builds first).
 */
const BURST = numberArg('burst', 10_000);
const VACANCIES = numberArg('vacancies', 2_000);
const FROM = numberArg('from', 25);
const STEPS = numberArg('steps', 5);
const STEP_SECONDS = numberArg('step-seconds', 10);
const WRITERS = numberArg('writers', 8);
const SEED = numberArg('seed', 11);
const LAG_TARGET_MS = 2_000;
/** Profiles whose lag is sampled per second of a steady step. */
const SAMPLES_PER_SECOND = 10;

const RATES = Array.from({ length: STEPS }, (_, step) => FROM * 2 ** step);

function principalOf(candidate: SyntheticCandidate): Principal {
  return {
    accountId: candidate.accountId,
    role: 'candidate',
    sessionId: randomUUID(),
    organisationId: null,
    isOrganisationAdmin: false,
    memberState: null,
  };
}

/**
 * Activates `candidates` with at most `WRITERS` transactions in flight, the i-th not before
 * `i / rate` seconds (as fast as possible without a rate). Calls `committed` after each.
 */
async function activate(
  context: INestApplicationContext,
  candidates: readonly SyntheticCandidate[],
  rate: number | null,
  committed: (candidate: SyntheticCandidate, at: number, index: number) => void,
): Promise<{ seconds: number; failed: number }> {
  const lifecycle = context.get(CandidateLifecycle);
  const started = performance.now();
  let next = 0;
  let failed = 0;
  const writer = async () => {
    while (next < candidates.length) {
      const index = next++;
      if (rate !== null) {
        const due = started + (index / rate) * 1000;
        const wait = due - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      }
      try {
        await lifecycle.activate(principalOf(candidates[index]), { ip: '127.0.0.1' });
        committed(candidates[index], performance.now(), index);
      } catch {
        failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: WRITERS }, writer));
  return { seconds: (performance.now() - started) / 1000, failed };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  printRuntime();
  const steady = RATES.reduce((sum, rate) => sum + rate * STEP_SECONDS, 0);
  process.stdout.write(
    `Surge benchmark: burst of ${BURST} activations, then steady rates ${RATES.join(', ')}/s for ` +
      `${STEP_SECONDS} s each; ${VACANCIES} vacancies to match against, ${WRITERS} writers, seed ${SEED}\n`,
  );
  const run = await startIsolatedRun('surge');
  const context = await createBenchContext();
  const probe = new PipelineProbe(context, run.config, ['candidates', 'matching', 'search-indexing']);
  // Settled in every queue: the worker's start-up runs are not measured with the burst.
  const everything = new PipelineProbe(context, run.config, QUEUE_NAMES);
  let worker: RunningService | undefined;
  try {
    const drafts = await seedPipelineData(context, {
      candidates: BURST + steady,
      vacancies: VACANCIES,
      seed: SEED,
      status: 'draft',
    });
    worker = startBuiltService('worker');
    await until('the worker', () => probe.workersConnected());
    await until(
      'the worker to settle',
      steadily(() => everything.settled(), 15_000),
      900_000,
    );
    const before = await probe.candidateDocuments();

    // 1. Burst.
    process.stdout.write(`\nBurst: ${BURST} activations\n`);
    const burst = drafts.slice(0, BURST);
    const burstSampler = new LagSampler(probe);
    const t0 = performance.now();
    const written = await activate(context, burst, null, (candidate, at, index) => {
      if (index % 100 === 0) burstSampler.track(candidate.referenceCode, at);
    });
    process.stdout.write(
      `  activations committed           ${written.seconds.toFixed(1)} s (${(BURST / written.seconds).toFixed(0)}/s, ${written.failed} failed)\n`,
    );
    // A profile job completes once its engine write has settled: an empty index queue means every
    // activated profile the product makes searchable is in the index.
    await until('the index queue to drain', async () => (await probe.backlog('candidates')) === 0, 900_000);
    const searchableAt = performance.now();
    await until('the index and match queues to drain', async () => (await probe.backlog()) === 0, 900_000);
    const matchedAt = performance.now();
    await burstSampler.stop();
    const indexed = (await probe.candidateDocuments()) - before;
    process.stdout.write(
      `  all searchable after              ${seconds(searchableAt - t0)} (target ≤ 60 s; ${indexed} profiles added to the index, the rest not eligible)\n`,
    );
    process.stdout.write(`  all searchable and matched after  ${seconds(matchedAt - t0)} (target ≤ 60 s)\n`);
    process.stdout.write(
      `  index lag (commit → searchable), sampled: p50 ${seconds(percentile(burstSampler.lagsMs, 50))}, ` +
        `p95 ${seconds(percentile(burstSampler.lagsMs, 95))}\n`,
    );

    // 2. Steady rates.
    process.stdout.write(`\nSteady rates (index lag p95 target ≤ ${seconds(LAG_TARGET_MS)})\n`);
    process.stdout.write('  target/s  achieved/s  lag p50   lag p95   backlog after\n');
    let offset = BURST;
    let best: number | null = null;
    for (const rate of RATES) {
      const batch = drafts.slice(offset, offset + rate * STEP_SECONDS);
      offset += batch.length;
      const sampler = new LagSampler(probe);
      const every = Math.max(1, Math.round(rate / SAMPLES_PER_SECOND));
      const step = await activate(context, batch, rate, (candidate, at, index) => {
        if (index % every === 0) sampler.track(candidate.referenceCode, at);
      });
      const backlog = await probe.backlog();
      await until('the queues to drain', async () => (await probe.backlog()) === 0, 900_000);
      await sampler.stop();
      const p50 = percentile(sampler.lagsMs, 50);
      const p95 = percentile(sampler.lagsMs, 95);
      process.stdout.write(
        `  ${String(rate).padStart(8)}  ${(batch.length / step.seconds).toFixed(0).padStart(10)}  ` +
          `${seconds(p50).padStart(7)}   ${seconds(p95).padStart(7)}   ${backlog}\n`,
      );
      if (p95 <= LAG_TARGET_MS && batch.length / step.seconds >= rate * 0.9) best = rate;
      else break;
    }
    process.stdout.write(
      RATES.length === 0
        ? '\nHighest sustained activation rate: not measured (--steps 0)\n'
        : `\nHighest sustained activation rate with index lag p95 ≤ 2 s: ${best === null ? `below ${FROM}` : best}/s` +
            ' (bounded by the rates tried and by the write path on this machine)\n',
    );
  } finally {
    await worker?.stop();
    await probe.close();
    await everything.close();
    await context.close();
    await run.dispose();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
