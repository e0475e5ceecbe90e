// What processes use, from /proc (Linux): resident memory of a process tree, and CPU time per process.
import { readdirSync, readFileSync } from 'node:fs';
import { now } from './common.js';

/** Fields of /proc/<pid>/stat after the command name (index 0 = state, 1 = ppid, 11 = utime, 12 = stime). */
function statFields(pid: number | string): string[] {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

const pids = () => readdirSync('/proc').filter((entry) => /^\d+$/.test(entry));

/** RSS in MB of a process and its descendants (a gateway may fork workers). */
export function rssMb(pid: number): number {
  const byParent = new Map<number, number[]>();
  for (const entry of pids()) {
    try {
      const ppid = Number(statFields(entry)[1]);
      const kids = byParent.get(ppid) ?? [];
      kids.push(Number(entry));
      byParent.set(ppid, kids);
    } catch {
      /* gone */
    }
  }
  let kb = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const match = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${p}/status`, 'utf8'));
      kb += Number(match?.[1] ?? 0);
    } catch {
      /* gone */
    }
    stack.push(...(byParent.get(p) ?? []));
  }
  return kb / 1024;
}

// ---------------------------------------------------------------- CPU
const CLOCK_TICKS = 100;

export interface CpuSnapshot {
  at: number;
  /** name → pid → ticks (user + system) */
  ticks: Map<string, Map<number, number>>;
}

function ticksOf(pid: number | string): number | undefined {
  try {
    const fields = statFields(pid);
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return undefined;
  }
}

/**
 * CPU time of named processes: the ones watched by pid, this process (`bench`), and every process
 * whose command is one of `byCommand` (PostgreSQL backends, say, whoever's they are).
 */
export class CpuMeter {
  private readonly watched: { name: string; pid: number }[] = [];

  constructor(private readonly byCommand: Record<string, string> = { postgres: 'postgres', 'redis-server': 'redis' }) {}

  /** Counts `pid` under `name` until the returned function is called. */
  watch(name: string, pid: number): () => void {
    const entry = { name, pid };
    this.watched.push(entry);
    return () => {
      const i = this.watched.indexOf(entry);
      if (i >= 0) this.watched.splice(i, 1);
    };
  }

  snapshot(): CpuSnapshot {
    const ticks = new Map<string, Map<number, number>>();
    const add = (name: string, pid: number, t: number | undefined) => {
      if (t === undefined) return;
      if (!ticks.has(name)) ticks.set(name, new Map());
      ticks.get(name)!.set(pid, t);
    };
    for (const { name, pid } of this.watched) add(name, pid, ticksOf(pid));
    const self = process.cpuUsage();
    add('bench', process.pid, ((self.user + self.system) / 1e6) * CLOCK_TICKS);
    for (const entry of pids()) {
      let comm: string;
      try {
        comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      } catch {
        continue;
      }
      const name = this.byCommand[comm];
      if (name) add(name, Number(entry), ticksOf(entry));
    }
    return { at: now(), ticks };
  }
}

/** % of one core each name used between two snapshots (a process that started in between counts whole; one that ended is lost). */
export function cpuBetween(a: CpuSnapshot, b: CpuSnapshot): Record<string, number> {
  const seconds = (b.at - a.at) / 1000;
  const out: Record<string, number> = {};
  for (const [name, byPid] of b.ticks) {
    let delta = 0;
    for (const [pid, t] of byPid) delta += t - (a.ticks.get(name)?.get(pid) ?? 0);
    out[name] = (delta / CLOCK_TICKS / seconds) * 100;
  }
  return out;
}
