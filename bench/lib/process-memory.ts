// Memory read from /proc: this process's own, apart from the file pages it maps; and a PostgreSQL
// server's, the postmaster and every process it forked (the backends, checkpointer, WAL writer…). RSS
// counts the shared buffers once in every process that touched them, so the sum overstates; PSS
// (smaps_rollup) shares each page among its users and sums honestly. Linux only: elsewhere there is
// nothing to read and the report says "–".
import { readdirSync, readFileSync } from 'node:fs';

export interface ServerMemory {
  processes: number;
  rssBytes: number;
  /** Undefined when smaps_rollup is not readable (another user's processes, without root). */
  pssBytes?: number;
}

function field(file: string, name: string): number | undefined {
  try {
    const match = readFileSync(file, 'utf8').match(new RegExp(`^${name}:\\s+(\\d+)\\s+kB`, 'm'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** The memory of the server one of whose backends is `backendPid`, or null when /proc cannot tell. */
export function serverMemory(backendPid: number): ServerMemory | null {
  const postmaster = ppid(backendPid);
  if (postmaster === undefined) return null;
  const pids = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((pid) => pid === postmaster || ppid(pid) === postmaster);
  let rssBytes = 0;
  let pssBytes: number | undefined = 0;
  for (const pid of pids) {
    rssBytes += field(`/proc/${pid}/status`, 'VmRSS') ?? 0;
    const pss = field(`/proc/${pid}/smaps_rollup`, 'Pss');
    pssBytes = pss === undefined || pssBytes === undefined ? undefined : pssBytes + pss;
  }
  return { processes: pids.length, rssBytes, pssBytes };
}

function ppid(pid: number): number | undefined {
  try {
    const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^PPid:\s+(\d+)/m);
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * This process's own resident memory (Linux's RssAnon: the heap, stacks, SQLite's page cache), without
 * the pages of files it maps, which RSS also counts (the search connection maps the database file:
 * those pages are the operating system's cache of it, shared and given back under memory pressure).
 * Undefined where /proc cannot tell.
 */
export const ownResidentBytes = (): number | undefined => field('/proc/self/status', 'RssAnon');
