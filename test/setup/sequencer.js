// Spec order: jest's own (slowest and failed first) unless TEST_ORDER_SEED is set, in which case the
// specs run in an order shuffled from that seed. Specs must pass in any order; `npm run test:soak`
// uses this to prove it, and a failing order is reproduced by running again with the printed seed.
const Sequencer = require('@jest/test-sequencer').default;

/** mulberry32: a tiny seeded generator, so one seed always gives one order. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class SeededSequencer extends Sequencer {
  sort(tests) {
    const seed = process.env.TEST_ORDER_SEED;
    if (!seed) return super.sort(tests);
    if (!/^\d+$/.test(seed)) throw new Error(`TEST_ORDER_SEED must be a whole number, not ${seed}`);
    const next = random(Number(seed));
    const shuffled = [...tests].sort((a, b) => a.path.localeCompare(b.path));
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
    }
    process.stdout.write(`Spec order from TEST_ORDER_SEED=${seed}:\n`);
    for (const test of shuffled)
      process.stdout.write(`  ${test.path.slice(test.context.config.rootDir.length + 1)}\n`);
    return shuffled;
  }
}

module.exports = SeededSequencer;
