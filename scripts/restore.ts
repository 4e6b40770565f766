// `npm run restore -- <backup file>`: replaces the database (DATABASE_URL) with a backup, after
// verifying it. Stop the server first: a database in use is refused. The database as it was is
// kept beside it as <name>.before-restore-<UTC time>.db.
import { parseArgs } from 'node:util';
import { databaseFilePath, readMigrations } from '@/lib/db';
import { env } from '@/lib/env';
import { OpsError } from '@/lib/ops/files';
import { restoreDatabase } from '@/lib/ops/restore';

const USAGE = `Usage: npm run restore -- <backup file>
  Verifies the backup, then puts it in place of the database named by DATABASE_URL
  (default file:./data/archive.db). Stop the server first.`;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: {} });
  } catch (error) {
    console.error(`restore: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (parsed.positionals.length !== 1) {
    console.error(`restore: give one backup file to restore\n\n${USAGE}`);
    return 2;
  }
  const target = databaseFilePath(env.DATABASE_URL);
  try {
    const result = await restoreDatabase({ backup: parsed.positionals[0], target, migrations: readMigrations() });
    console.log(`Restored ${parsed.positionals[0]} to ${target} (verified: integrity check ok, search index ok).`);
    console.log(result.safetyCopy ? `The database as it was is kept at ${result.safetyCopy}.` : 'There was no database before.');
    if (result.pending.length) console.log(`The next start applies ${result.pending.length} newer migration(s): ${result.pending.join(', ')}.`);
    return 0;
  } catch (error) {
    if (error instanceof OpsError) {
      console.error(`restore: ${error.message}. Nothing was changed.`);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main(process.argv.slice(2));
