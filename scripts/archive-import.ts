// `npm run archive:import -- <file>`: loads an archive file (from archive:export) into the database
// named by DATABASE_URL, which must be new or empty: the file is checked whole first, then loaded in
// one transaction, so a refusal writes nothing. Afterwards the search data the file does not carry is
// rebuilt, as after the CLI import: the ranking lists and the passages' embeddings.
import './load-env';
import { readFileSync } from 'node:fs';
import { env } from '@/lib/env';
import { closeWriters, databaseLabel, databaseTarget, engineOf, migrateAt, withWriter } from '@/lib/db';
import { ArchiveImportError, loadArchive, parseArchive } from '@/lib/archive/import';
import { ensureTermImpacts } from '@/lib/search/top-k/ensure';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { progressBar } from './embed-progress';

const USAGE = `Usage: npm run archive:import -- <file>
  Loads an archive written by archive:export into the database named by DATABASE_URL (created when
  missing). A database that holds anything is refused; so is a file with any bad record.`;

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    console.error(`archive:import: give one archive file\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(argv[0], 'utf8');
  } catch (error) {
    console.error(`archive:import: cannot read ${argv[0]}: ${(error as Error).message}`);
    return 1;
  }
  // Either engine: a SQLite file or a PostgreSQL server; logs name it without a password.
  const target = databaseTarget(env.DATABASE_URL);
  try {
    // Checked whole before the database is even opened.
    const archive = parseArchive(text);
    await migrateAt(env.DATABASE_URL);
    const report = loadArchive(withWriter(target), archive, { onProgress: progressBar('Importing', { unit: 'records' }) });
    console.log(
      `Imported ${report.records} records into ${databaseLabel(env.DATABASE_URL)}: ${Object.entries(report.counts)
        .map(([k, n]) => `${n} ${k}`)
        .join(', ')}.`,
    );
  } catch (error) {
    if (!(error instanceof ArchiveImportError)) throw error;
    console.error(`archive:import: ${error.message}\nNothing was written.`);
    return 1;
  } finally {
    closeWriters();
  }
  // Derived search data, rebuilt from what was loaded (the full-text indexes were built in the load).
  // The ranking lists are SQLite's (see search:index); PostgreSQL's full text needs no build.
  if (engineOf(env.DATABASE_URL) === 'sqlite') await ensureTermImpacts(target, { progress: true });
  await embedPending(target, { onProgress: progressBar('Embedding for search') });
  closeWriters();
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
