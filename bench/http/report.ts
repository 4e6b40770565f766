// The results of `npm run bench:http`: their JSON shape, each page's ratio to its static baseline,
// and the Markdown table.
import type { CellFigures } from './measure';
import type { ArchiveName, TargetName } from './options';

export interface TargetResult {
  name: TargetName;
  label: string;
  paths: string[];
  /** Mean response body, uncompressed (autocannon asks for no compression). */
  bytes: number;
  cells: CellFigures[];
  /** For paths asked once each: how many requests had to ask one again (the list ran out). */
  repeated?: number;
  /** Why it was not measured: its address failed before the load (e.g. a 500). */
  failed?: string;
  /** The static file holding the address's own body, at the same connection counts. */
  baseline?: { path: string; bytes: number; cells: CellFigures[] };
}

export interface ArchiveResult {
  name: ArchiveName;
  databaseFile: string;
  passages: number | null;
  targets: TargetResult[];
}

export interface HttpBenchResult {
  meta: {
    startedAt: string;
    finishedAt: string;
    commit: string | null;
    node: string;
    cpus: number;
    /** The machine's 1-minute load average before and after: other work spoils figures. */
    loadBefore: number;
    loadAfter: number;
    durationSeconds: number;
    warmupSeconds: number;
    connections: number[];
    staticDir: string;
  };
  archives: ArchiveResult[];
}

/** How many times slower the page is than its static file: by throughput, and by median latency. */
export interface Ratio {
  /** static req/s ÷ page req/s (1 = as fast as the static file; the issue asks ≤ 1.5). */
  rps: number | null;
  /** page p50 ÷ static p50. */
  p50: number | null;
}

const divide = (a: number, b: number): number | null => (b > 0 && Number.isFinite(a) && Number.isFinite(b) ? a / b : null);

export function ratio(page: CellFigures, baseline: CellFigures | undefined): Ratio {
  if (!baseline) return { rps: null, p50: null };
  return { rps: divide(baseline.rps, page.rps), p50: divide(page.p50, baseline.p50) };
}

const num = (n: number) => (n >= 100 ? Math.round(n).toLocaleString('en') : n >= 10 ? n.toFixed(1) : n.toFixed(2));
const times = (r: number | null) => (r === null ? '–' : `${r.toFixed(r >= 10 ? 0 : 1)}×`);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

export const GOAL = { archive: '100k' as ArchiveName, targets: ['search-api', 'search-api-new'] as TargetName[], connections: 10, p99Ms: 50 };

const GOAL_WHAT: Partial<Record<TargetName, string>> = {
  'search-api': 'queries asked in turn (kept answers)',
  'search-api-new': 'queries never asked before',
};

/** The goal for the search API, met or missed and by how much, for one of its targets; null when not measured. */
export function goalLine(result: HttpBenchResult, target: TargetName = 'search-api'): string | null {
  const cell = result.archives
    .find((a) => a.name === GOAL.archive)
    ?.targets.find((t) => t.name === target)
    ?.cells.find((c) => c.connections === GOAL.connections);
  if (!cell) return null;
  const failures = cell.errors + cell.non2xx;
  // A cell in which no request completed has no latency to compare: that is not a goal met.
  const met = cell.requests > 0 && cell.p99 <= GOAL.p99Ms && failures === 0;
  const misses = [
    cell.requests === 0 ? 'no request completed in the cell' : null,
    cell.requests > 0 && cell.p99 > GOAL.p99Ms ? `p99 ${num(cell.p99)} ms, ${num(cell.p99 - GOAL.p99Ms)} ms over` : null,
    failures > 0 ? `${failures} errors or non-2xx` : null,
  ];
  const how = met ? 'met' : `missed: ${misses.filter(Boolean).join('; ')}`;
  return `Goal: search API p99 ≤ ${GOAL.p99Ms} ms at ${GOAL.connections} connections on 100,000 passages, zero errors, ${GOAL_WHAT[target] ?? target}: ${how}.`;
}

/** The goal line of every search API target measured. */
export const goalLines = (result: HttpBenchResult): string[] => GOAL.targets.flatMap((t) => goalLine(result, t) ?? []);

export function archiveTable(archive: ArchiveResult): string {
  const lines = [
    '| address | size | conn | req/s | p50 ms | p99 ms | errors | non-2xx | static req/s | static p50 ms | slower by req/s | slower by p50 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const target of archive.targets) {
    const label = target.repeated ? `${target.label}; ${target.repeated.toLocaleString('en')} requests asked one again` : target.label;
    if (target.failed) lines.push(`| ${label} | – | – | not measured: ${target.failed} | | | | | | | | |`);
    for (const cell of target.cells) {
      const base = target.baseline?.cells.find((c) => c.connections === cell.connections);
      const r = ratio(cell, base);
      lines.push(
        `| ${label} | ${kib(target.bytes)} | ${cell.connections} | ${num(cell.rps)} | ${num(cell.p50)} | ${num(cell.p99)} | ${cell.errors} | ${cell.non2xx} | ${base ? num(base.rps) : '–'} | ${base ? num(base.p50) : '–'} | ${times(r.rps)} | ${times(r.p50)} |`,
      );
    }
  }
  return lines.join('\n');
}

export function markdownReport(result: HttpBenchResult): string {
  const m = result.meta;
  const parts = [
    '# HTTP benchmark (`npm run bench:http`)',
    '',
    `${m.startedAt} – ${m.finishedAt}, commit ${m.commit ?? 'unknown'}, Node ${m.node}, ${m.cpus} CPUs, load average ${m.loadBefore.toFixed(2)} before and ${m.loadAfter.toFixed(2)} after.`,
    `autocannon on loopback against \`npm start\` (production build), ${m.durationSeconds} s a cell after ${m.warmupSeconds} s of warm-up, no compression asked.`,
    `Baseline: each address's own body (of several addresses, their bodies cut at their mean size) as a static file in \`public/${m.staticDir}/\`, served by the same server; "slower by" is static req/s ÷ page req/s and page p50 ÷ static p50.`,
  ];
  for (const goal of goalLines(result)) parts.push('', goal);
  for (const archive of result.archives) {
    const size = archive.passages === null ? '' : `, ${archive.passages.toLocaleString('en')} passages`;
    parts.push('', `## ${archive.name === 'seed' ? 'Seed archive' : 'Synthetic corpus'}${size}`, '', archiveTable(archive));
  }
  return `${parts.join('\n')}\n`;
}
