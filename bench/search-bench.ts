// `npm run bench:search -- --passages N`: the search benchmark (see bench/README.md).
// Options: --passages N (10000) --runs R (5) --seed S (42) --engines a,b,… (all but project-postgresql,
// which starts a throwaway PostgreSQL server and copies the corpus into it: name it to run it) --rebuild --out DIR
// (bench/results) --cache DIR (bench/.cache) --like-max N (200000) --memory-max N (300000).
import path from 'node:path';
import { parseArgs as parseCommandLine } from 'node:util';
import { engineTable, classTable, hybridTable, postgresTable } from './lib/report';
import type { BenchOptions } from './lib/bench-types';
import { benchOptions, integer, withUsage } from './lib/command-line';
import { parseEngines } from './lib/engine-choice';
import { runSearchBench } from './lib/run';
import { ALL_ENGINE_NAMES, ENGINE_NAMES } from './engines/types';

const USAGE = `Usage: npm run bench:search -- [--passages N] [--runs R] [--seed S] [--engines ${ALL_ENGINE_NAMES.join(',')}]
                                 [--rebuild] [--out DIR] [--cache DIR] [--like-max N] [--memory-max N]`;

const OPTIONS = benchOptions(['passages', 'runs', 'seed', 'engines', 'out', 'cache', 'like-max', 'memory-max'], ['rebuild']);

export function parseArgs(argv: string[]): BenchOptions {
  const root = path.resolve(import.meta.dirname);
  const { values } = withUsage(USAGE, () => parseCommandLine({ args: argv, options: OPTIONS }));
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  return {
    n: integer('passages', values.passages, 10_000, 1),
    runs: integer('runs', values.runs, 5, 1),
    seed: integer('seed', values.seed, 42, 0),
    engines: values.engines === undefined ? [...ENGINE_NAMES] : parseEngines(values.engines),
    rebuild: values.rebuild ?? false,
    outDir: path.resolve(values.out ?? path.join(root, 'results')),
    cacheDir: path.resolve(values.cache ?? path.join(root, '.cache')),
    likeMaxN: integer('like-max', values['like-max'], 200_000, 0),
    memoryMaxN: integer('memory-max', values['memory-max'], 300_000, 0),
    pageSize: 10,
    progress: true,
  };
}

async function main() {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
    return;
  }
  const result = await runSearchBench(options);
  console.log(
    `\nSearch benchmark, ${result.meta.n.toLocaleString('en')} passages (load ${result.corpus.loadSeconds.toFixed(1)} s, DB ${(result.corpus.fileBytes / 2 ** 20).toFixed(0)} MiB)\n`,
  );
  console.log(engineTable(result));
  console.log('');
  console.log(classTable(result));
  const hybrid = hybridTable(result);
  if (hybrid) console.log(`\n${hybrid}`);
  const postgres = postgresTable(result);
  if (postgres) console.log(`\nThe project on SQLite and on PostgreSQL\n\n${postgres}`);
  console.log(`\nWrote ${path.relative(process.cwd(), result.files.json)} and ${path.relative(process.cwd(), result.files.markdown)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
