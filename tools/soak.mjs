#!/usr/bin/env node
// `npm run test:soak`: proves the suite passes every time. Each run clones the committed HEAD of this
// checkout afresh and runs `bash .ci/run` in it, exactly as CI does, optionally with CPU-bound
// processes beside it and the specs in a shuffled order. Prints one line a run and the pass count.
//
//   npm run test:soak -- --runs 5 --busy 2 --busy-runs 2 --shuffle
//
// --runs N        runs in a row (default 3)
// --busy K        CPU-bound processes kept running beside a busy run (default 0)
// --busy-runs M   how many of the runs are busy, the last ones (default: all, when --busy is given)
// --shuffle       each run orders the specs from a fresh seed (TEST_ORDER_SEED, printed)
// --seed S        every run orders the specs from seed S (reproduces a printed order)
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { root } from './prepare.mjs';

// CI allows a run 90 minutes; a run that takes longer has failed.
const RUN_DEADLINE_MS = 90 * 60_000;

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    busy: { type: 'string', default: '0' },
    'busy-runs': { type: 'string' },
    shuffle: { type: 'boolean', default: false },
    seed: { type: 'string' },
  },
});
const runs = wholeNumber('runs', values.runs, 1);
const burners = wholeNumber('busy', values.busy, 0);
const busyRuns = burners === 0 ? 0 : wholeNumber('busy-runs', values['busy-runs'] ?? String(runs), 0);
if (values.seed !== undefined) wholeNumber('seed', values.seed, 0);

const commit = git(['rev-parse', 'HEAD']);
if (git(['status', '--porcelain', '--untracked-files=no'])) {
  say('note: uncommitted changes are not part of the runs; each run clones the committed HEAD');
}
const logs = join(root, '.data', 'soak', new Date().toISOString().replace(/[:.]/g, '-'));
mkdirSync(logs, { recursive: true });
say(`${runs} fresh-clone run(s) of .ci/run on ${commit.slice(0, 12)}; logs in ${logs}`);

let running = [];
const stopAll = () => running.forEach((child) => child.kill('SIGKILL'));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => (stopAll(), process.exit(130)));
process.on('exit', stopAll);

let passed = 0;
for (let run = 1; run <= runs; run++) {
  const busy = run > runs - busyRuns ? burners : 0;
  const seed = values.seed ?? (values.shuffle ? String(Math.floor(Math.random() * 2 ** 31)) : undefined);
  const outcome = await ciRun(run, busy, seed);
  if (outcome.ok) passed++;
  say(
    `run ${run}/${runs}: ${outcome.ok ? 'passed' : 'FAILED'} in ${outcome.seconds} s` +
      ` (${busy ? `${busy} CPU-bound processes added beside it` : 'no CPU-bound processes added'}, ` +
      `${outcome.load} on ${cpus().length} cores${seed ? `, spec order seed ${seed}` : ''})` +
      ` · ${outcome.summary} · log ${outcome.log}`,
  );
}
say(`soak: ${passed} of ${runs} runs passed`);
process.exit(passed === runs ? 0 : 1);

async function ciRun(run, busy, seed) {
  const workdir = mkdtempSync(join(tmpdir(), 'talent-pool-soak-'));
  const clone = join(workdir, 'repo');
  const log = join(logs, `run-${run}.log`);
  spawnSync('git', ['clone', '--quiet', '--no-hardlinks', root, clone], { stdio: 'inherit' });
  spawnSync('git', ['-C', clone, 'checkout', '--quiet', '--detach', commit], { stdio: 'inherit' });
  running = Array.from({ length: busy }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
  const started = Date.now();
  // What else ran on the machine, whatever its source: the one-minute load average every 30 s.
  const loads = [loadavg()[0]];
  const sampler = setInterval(() => loads.push(loadavg()[0]), 30_000);
  const env = { ...process.env, CI: 'true' };
  delete env.TEST_ORDER_SEED;
  if (seed) env.TEST_ORDER_SEED = seed;
  // npm puts node_modules/.bin first on PATH for this script; the clone must find its own tools.
  env.PATH = (env.PATH ?? '')
    .split(':')
    .filter((entry) => !entry.includes('node_modules'))
    .join(':');
  const code = await new Promise((resolve) => {
    const child = spawn('bash', ['.ci/run'], {
      cwd: clone,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const out = createWriteStream(log);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), RUN_DEADLINE_MS);
    child.on('exit', (status) => {
      clearTimeout(timer);
      resolve(status ?? 1);
    });
  });
  clearInterval(sampler);
  stopAll();
  running = [];
  rmSync(workdir, { recursive: true, force: true });
  const text = readFileSync(log, 'utf8');
  const summary = /^tests: .*$/m.exec(text)?.[0] ?? 'no test summary (see the log)';
  const load = `load average ${(loads.reduce((sum, value) => sum + value, 0) / loads.length).toFixed(1)} (max ${Math.max(...loads).toFixed(1)})`;
  return { ok: code === 0, seconds: Math.round((Date.now() - started) / 1000), summary, log, load };
}

function git(args) {
  const result = spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.trim();
}

function wholeNumber(name, value, min) {
  if (!/^\d+$/.test(value) || Number(value) < min) {
    process.stderr.write(`--${name} takes a whole number of at least ${min}, not ${value}\n`);
    process.exit(2);
  }
  return Number(value);
}

function say(line) {
  process.stdout.write(`[soak] ${line}\n`);
}
