// The command line of `npm run bench:http` and `npm run bench:bundle`, read into plain options.
import path from 'node:path';
import { parseArgs as parseCommandLine } from 'node:util';
import { benchOptions, integer, withUsage } from '../lib/command-line';

export { UsageError } from '../lib/command-line';

export const ARCHIVES = ['seed', '100k'] as const;
export type ArchiveName = (typeof ARCHIVES)[number];

export const TARGETS = ['home', 'document', 'topic', 'search-page', 'search-api', 'search-page-new', 'search-api-new'] as const;
export type TargetName = (typeof TARGETS)[number];

export interface HttpBenchOptions {
  archives: ArchiveName[];
  targets: TargetName[];
  connections: number[];
  /** Seconds each cell (one address at one connection count) is measured, after a warm-up. */
  durationSeconds: number;
  warmupSeconds: number;
  /** Compare every page with a static file holding its own body, served by the same server. */
  baseline: boolean;
  port: number;
  outDir: string;
  /** Where the 100,000-passage corpus is cached (bench:search builds it). */
  corpusFile: string;
  /** Working copies of the databases and the server's logs. */
  workDir: string;
}

export const USAGE = `Usage: npm run bench:http -- [--archives ${ARCHIVES.join(',')}] [--targets ${TARGETS.join(',')}]
                               [--connections 1,10,100] [--duration S] [--warmup S] [--no-baseline]
                               [--port P] [--out DIR] [--corpus FILE] [--work DIR]`;

const OPTIONS = benchOptions(['archives', 'targets', 'connections', 'duration', 'warmup', 'port', 'out', 'corpus', 'work'], ['no-baseline']);

/** A comma-separated list of known names, each once, in the order given. */
function names<T extends string>(flag: string, value: string | undefined, known: readonly T[]): T[] {
  if (value === undefined) return [...known];
  const list = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = list.filter((s) => !(known as readonly string[]).includes(s));
  if (unknown.length > 0) throw new Error(`--${flag}: unknown ${unknown.map((u) => `"${u}"`).join(', ')}; choose from ${known.join(', ')}.`);
  if (list.length === 0) throw new Error(`--${flag} needs at least one of ${known.join(', ')}.`);
  return [...new Set(list)] as T[];
}

function connectionCounts(value: string | undefined): number[] {
  if (value === undefined) return [1, 10, 100];
  const counts = value.split(',').map((s) => integer('connections', s.trim(), 0, 1, 1000));
  return [...new Set(counts)].sort((a, b) => a - b);
}

export function parseHttpArgs(argv: string[], root: string): HttpBenchOptions | 'help' {
  const { values } = withUsage(USAGE, () => parseCommandLine({ args: argv, options: OPTIONS, allowNegative: false }));
  if (values.help) return 'help';
  return withUsage(USAGE, () => ({
    archives: names('archives', values.archives, ARCHIVES),
    targets: names('targets', values.targets, TARGETS),
    connections: connectionCounts(values.connections),
    durationSeconds: integer('duration', values.duration, 10, 1, 3600),
    warmupSeconds: integer('warmup', values.warmup, 2, 0, 600),
    baseline: !values['no-baseline'],
    port: integer('port', values.port, 3102, 1, 65535),
    outDir: path.resolve(values.out ?? path.join(root, 'results')),
    corpusFile: path.resolve(values.corpus ?? path.join(root, '.cache', 'corpus-100000-42.db')),
    workDir: path.resolve(values.work ?? path.join(root, '.cache', 'http')),
  }));
}
