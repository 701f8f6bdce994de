import { readFileSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** A process of this machine as `/proc/<pid>/stat` describes it. */
interface ProcStat {
  pid: number;
  name: string;
  parent: number;
  /** CPU time of the process itself, in clock ticks. */
  own: number;
  /** CPU time of its children that have exited and been waited for, in clock ticks. */
  reaped: number;
}

/** Clock ticks a second, as Linux reports CPU time in `/proc` (USER_HZ, 100 on every Linux port in use). */
const TICKS_PER_SECOND = 100;

function readStat(pid: number): ProcStat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone since the directory was listed
  }
  // The name is in parentheses and may itself hold spaces or parentheses: fields follow the last ')'.
  const close = text.lastIndexOf(')');
  const fields = text.slice(close + 2).split(' ');
  const tick = (at: number) => Number(fields[at - 3]);
  return {
    pid,
    name: text.slice(text.indexOf('(') + 1, close),
    parent: tick(4),
    own: tick(14) + tick(15),
    reaped: tick(16) + tick(17),
  };
}

function processes(): ProcStat[] {
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map((entry) => readStat(Number(entry)))
    .filter((stat): stat is ProcStat => stat !== undefined);
}

/**
 * Which processes a group counts: the given ids, or every process whose name starts with `name`
 * (Linux keeps 15 characters of it: the bundled `meilisearch-1.21.0` is `meilisearch-1.2`).
 */
export type CpuGroup = { pids: readonly number[] } | { name: string };

/**
 * CPU seconds that each group of processes spent between `start` and `stop`, to show where a
 * benchmark's machine time went (Linux only). A group by name (`postgres`, `meilisearch`) counts its
 * processes and, through the eldest's reaped-children time, the ones that exited meanwhile (a
 * Postgres connection closed during the run).
 */
export class CpuSplit {
  private readonly startTicks: Map<string, number>;
  private readonly startedAt = performance.now();

  private constructor(private readonly groups: Record<string, CpuGroup>) {
    this.startTicks = this.read();
  }

  static start(groups: Record<string, CpuGroup>): CpuSplit {
    return new CpuSplit(groups);
  }

  /** One line per group (CPU seconds and share of the machine's cores), then the whole machine. */
  stop(): string[] {
    const seconds = (performance.now() - this.startedAt) / 1000;
    const end = this.read();
    const capacity = seconds * availableParallelism();
    const lines = Object.keys(this.groups).map((label) => {
      const used = ((end.get(label) ?? 0) - (this.startTicks.get(label) ?? 0)) / TICKS_PER_SECOND;
      return `${label.padEnd(12)} ${used.toFixed(1).padStart(6)} s CPU (${((100 * used) / capacity).toFixed(0)} % of the machine)`;
    });
    lines.push(
      `${'machine'.padEnd(12)} ${capacity.toFixed(1).padStart(6)} s (${availableParallelism()} cores × ${seconds.toFixed(1)} s)`,
    );
    return lines;
  }

  private read(): Map<string, number> {
    const all = processes();
    const byPid = new Map(all.map((stat) => [stat.pid, stat]));
    const ticks = new Map<string, number>();
    for (const [label, group] of Object.entries(this.groups)) {
      let sum = 0;
      if ('pids' in group) for (const pid of group.pids) sum += byPid.get(pid)?.own ?? 0;
      else
        for (const stat of all) {
          const named = (candidate?: ProcStat) => candidate?.name.startsWith(group.name) === true;
          if (!named(stat)) continue;
          // The eldest of the name (its parent is not of the name) also carries its reaped children.
          const eldest = !named(byPid.get(stat.parent));
          sum += stat.own + (eldest ? stat.reaped : 0);
        }
      ticks.set(label, sum);
    }
    return ticks;
  }
}
