// `npm run bench:search -- --passages N`: the search benchmark (see bench/README.md).
// Options: --passages N (10000) --runs R (5) --seed S (42) --engines a,b,… --rebuild --out DIR
// (bench/results) --cache DIR (bench/.cache) --like-max N (200000) --memory-max N (300000).
import path from 'node:path';
import { engineTable, classTable } from './lib/report';
import { parseEngines, runSearchBench, type BenchOptions } from './lib/run';
import { ENGINE_NAMES } from './engines/types';

const USAGE = `Usage: npm run bench:search -- [--passages N] [--runs R] [--seed S] [--engines ${ENGINE_NAMES.join(',')}]
                                 [--rebuild] [--out DIR] [--cache DIR] [--like-max N] [--memory-max N]`;

export function parseArgs(argv: string[]): BenchOptions {
  const root = path.resolve(import.meta.dirname);
  const options: BenchOptions = {
    n: 10_000,
    runs: 5,
    seed: 42,
    engines: [...ENGINE_NAMES],
    rebuild: false,
    outDir: path.join(root, 'results'),
    cacheDir: path.join(root, '.cache'),
    likeMaxN: 200_000,
    memoryMaxN: 300_000,
    pageSize: 10,
    progress: true,
  };
  const integer = (flag: string, value: string | undefined, min: number) => {
    const n = Number(value?.replace(/_/g, ''));
    if (!Number.isInteger(n) || n < min) throw new Error(`${flag} needs a whole number ≥ ${min}, not "${value ?? ''}".`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => argv[++i];
    switch (flag) {
      case '--passages':
        options.n = integer(flag, value(), 1);
        break;
      case '--runs':
        options.runs = integer(flag, value(), 1);
        break;
      case '--seed':
        options.seed = integer(flag, value(), 0);
        break;
      case '--engines':
        options.engines = parseEngines(value() ?? '');
        break;
      case '--rebuild':
        options.rebuild = true;
        break;
      case '--out':
        options.outDir = path.resolve(value() ?? '');
        break;
      case '--cache':
        options.cacheDir = path.resolve(value() ?? '');
        break;
      case '--like-max':
        options.likeMaxN = integer(flag, value(), 0);
        break;
      case '--memory-max':
        options.memoryMaxN = integer(flag, value(), 0);
        break;
      case '--help':
      case '-h':
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`Unknown option "${flag}".\n${USAGE}`);
    }
  }
  return options;
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
  console.log(`\nSearch benchmark, ${result.meta.n.toLocaleString('en')} passages (load ${result.corpus.loadSeconds.toFixed(1)} s, DB ${(result.corpus.fileBytes / 2 ** 20).toFixed(0)} MiB)\n`);
  console.log(engineTable(result));
  console.log('');
  console.log(classTable(result));
  console.log(`\nWrote ${path.relative(process.cwd(), result.files.json)} and ${path.relative(process.cwd(), result.files.markdown)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
