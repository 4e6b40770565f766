// `npm run archive:migrate -- --from file:./data/archive.db --to postgresql://…` (issue 13): the whole
// archive from a SQLite file into an empty PostgreSQL database (lib/db/postgres/copy-from-sqlite.ts),
// then checked (verify-copy.ts): row counts per table and a sample of passages. Exits 0 only when
// both agree; 1 on a refusal, a failed copy or a mismatch; 2 on wrong arguments.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { copySqliteToPostgres, databaseFilePath, engineOf, verifyCopy } from '@/lib/db';
import { progressBar } from './embed-progress';

const USAGE = `Usage: npm run archive:migrate -- --from file:./data/archive.db --to postgresql://user@host:5432/archive
  Copies every document, passage, speaker, topic, revision, account and embedding of the SQLite
  archive --from into the PostgreSQL database --to, which must hold no archive rows yet (it is
  migrated first), in one transaction. Then compares row counts per table and a sample of passages
  on both sides and fails on any difference. Stop the app while it runs: later writes are not copied.
  SQLite's ranking lists for one-word searches (TermImpact*) are derived data and not copied.`;

interface Arguments {
  from: string;
  to: string;
}

function parse(argv: string[]): Arguments | { error: string } | 'help' {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    return { error: (error as Error).message };
  }
  if (parsed.values.help) return 'help';
  const { from, to } = parsed.values;
  if (!from || !to) return { error: `give both --from (the SQLite file) and --to (the PostgreSQL database)` };
  const engines = [from, to].map((url) => {
    try {
      return engineOf(url);
    } catch {
      return undefined;
    }
  });
  if (engines[0] !== 'sqlite') return { error: `--from must be a SQLite address (file:./data/archive.db), not ${from}` };
  if (engines[1] !== 'postgresql') return { error: `--to must be a PostgreSQL address (postgresql://user@host:port/name), not ${to}` };
  return { from, to };
}

async function main(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if (parsed === 'help') {
    console.log(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    console.error(`archive:migrate: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const file = databaseFilePath(parsed.from);
  if (!existsSync(file)) {
    console.error(`archive:migrate: there is no SQLite database at ${file}.`);
    return 1;
  }

  const bar = progressBar('Copying', { unit: 'rows' });
  let copied;
  try {
    const onIndexing = () => console.error('Indexing every passage for full-text search, in one pass…');
    copied = await copySqliteToPostgres(file, parsed.to, { onProgress: bar, onIndexing });
  } catch (error) {
    console.error(`archive:migrate: ${(error as Error).message}`);
    return 1;
  }
  if (copied.skipped.length > 0)
    console.log(`Not copied (SQLite's ranking lists: derived data PostgreSQL's search does not use): ${copied.skipped.join(', ')}.`);

  const verified = await verifyCopy(file, parsed.to);
  const width = Math.max(...verified.counts.map((count) => count.table.length));
  console.log(`${'table'.padEnd(width)}  ${'SQLite'.padStart(9)}  ${'PostgreSQL'.padStart(10)}`);
  for (const { table, source, target } of verified.counts) {
    console.log(`${table.padEnd(width)}  ${String(source).padStart(9)}  ${String(target).padStart(10)}${source === target ? '' : '  MISMATCH'}`);
  }
  console.log(`Passages compared by text, speaker, document and position: ${verified.sampledPassages}.`);
  if (verified.mismatches.length > 0) {
    console.error(`archive:migrate: the copy does not match its source:\n  ${verified.mismatches.join('\n  ')}`);
    return 1;
  }
  console.log(`Copied ${file} to PostgreSQL; counts and sampled passages match.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
