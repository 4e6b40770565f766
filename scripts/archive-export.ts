// `npm run archive:export -- <file> [--with-accounts]`: the whole archive (DATABASE_URL) as one
// versioned JSON file (lib/archive). Written beside <file> first and renamed at the end, so a failed
// export never leaves a file that looks whole.
import './load-env';
import { closeSync, existsSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { env } from '@/lib/env';
import { databaseLabel, databaseTarget, engineOf, migrateAt } from '@/lib/db';
import { exportArchive } from '@/lib/archive/export';
import { progressBar } from './embed-progress';

const USAGE = `Usage: npm run archive:export -- <file> [--with-accounts]
  Writes every document, passage, speaker, topic, tag, synonym, revision, audit entry and user of the
  database named by DATABASE_URL to <file> as JSON. Users go without their password hashes, and audit
  entries without network addresses, unless --with-accounts is given. Search indexes and embeddings
  are not written: archive:import rebuilds them.`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { 'with-accounts': { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`archive:export: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`archive:export: give one file to write\n\n${USAGE}`);
    return 2;
  }
  const target = parsed.positionals[0];
  // Either engine: a SQLite file (which must exist: exporting makes no database) or a PostgreSQL server.
  const source = databaseTarget(env.DATABASE_URL);
  const label = databaseLabel(env.DATABASE_URL);
  if (engineOf(env.DATABASE_URL) === 'sqlite' && !existsSync(source)) {
    console.error(`archive:export: there is no database at ${source} (DATABASE_URL).`);
    return 1;
  }
  await migrateAt(env.DATABASE_URL);
  const partial = `${target}.partial`;
  const fd = openSync(partial, 'w');
  let buffer = '';
  try {
    for (const chunk of exportArchive(source, { withAccounts: parsed.values['with-accounts'], onProgress: progressBar('Exporting', { unit: 'records' }) })) {
      buffer += chunk;
      if (buffer.length >= 1 << 16) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(partial, target);
  } catch (error) {
    closeSync(fd);
    rmSync(partial, { force: true });
    console.error(`archive:export: ${(error as Error).message}\nNo file was written.`);
    return 1;
  }
  console.log(`Exported ${label} to ${target}${parsed.values['with-accounts'] ? ' (with accounts)' : ''}.`);
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
