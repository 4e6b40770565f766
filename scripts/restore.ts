// `npm run restore -- <backup file>`: replaces the database (DATABASE_URL) with a backup, after
// verifying it. Stop the server first: a database in use is refused. The database as it was is
// kept beside it as <name>.before-restore-<UTC time>.db.
// On PostgreSQL the backup is a pg_dump file (npm run backup) restored with pg_restore into an empty
// database; one holding data is replaced only with --replace, after a dump of it beside the backup.
import { parseArgs } from 'node:util';
import { databaseFilePath, databaseLabel, defaultPostgresMigrationsDir, engineOf, readMigrations } from '@/lib/db';
import { env } from '@/lib/env';
import { exitCodeOf } from './ops-refusal';
import { restorePostgres } from '@/lib/ops/postgres-backup';
import { restoreDatabase } from '@/lib/ops/restore';

const USAGE = `Usage: npm run restore -- <backup file> [--replace]
  Verifies the backup, then puts it in place of the database named by DATABASE_URL
  (default file:./data/archive.db). Stop the server first.
  PostgreSQL: the database must be empty; --replace replaces one that holds data (dumped first).`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { replace: { type: 'boolean', default: false } } });
  } catch (error) {
    console.error(`restore: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`restore: give one backup file to restore\n\n${USAGE}`);
    return 2;
  }
  if (engineOf(env.DATABASE_URL) === 'postgresql') return restoreOfPostgres(parsed.positionals[0]!, parsed.values.replace);
  const target = databaseFilePath(env.DATABASE_URL);
  return exitCodeOf(
    'restore',
    async () => {
      const result = await restoreDatabase({ backup: parsed.positionals[0], target, migrations: readMigrations() });
      console.log(`Restored ${parsed.positionals[0]} to ${target} (verified: integrity check ok, search index ok).`);
      console.log(result.safetyCopy ? `The database as it was is kept at ${result.safetyCopy}.` : 'There was no database before.');
      if (result.pending.length) console.log(`The next start applies ${result.pending.length} newer migration(s): ${result.pending.join(', ')}.`);
    },
    '. Nothing was changed.',
  );
}

function restoreOfPostgres(backup: string, replace: boolean): Promise<number> {
  const label = databaseLabel(env.DATABASE_URL);
  return exitCodeOf(
    'restore',
    async () => {
      const result = await restorePostgres({ backup, url: env.DATABASE_URL, migrations: readMigrations(defaultPostgresMigrationsDir), replace });
      console.log(`Restored ${backup} to ${label} (verified: its migrations are this code's; restored in one transaction).`);
      console.log(result.safetyCopy ? `The database as it was is kept at ${result.safetyCopy}.` : 'The database held no data before.');
      if (result.pending.length) console.log(`The next start applies ${result.pending.length} newer migration(s): ${result.pending.join(', ')}.`);
    },
    '. Nothing was changed.',
  );
}

process.exitCode = await main(process.argv.slice(2));
