/** The number after `--name` on the command line, or `fallback`. */
export function numberArg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
}

/** The p-th percentile (nearest rank) of `values`, which need not be sorted. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/** Runs one stage of a benchmark and prints how long it took. */
export async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await work();
  process.stdout.write(`  ${label.padEnd(36)} ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return result;
}

/** Names the runtime first, since every figure that follows depends on it. */
export function printRuntime(): void {
  process.stdout.write(`Node.js ${process.version} (${process.platform}-${process.arch})\n`);
}
