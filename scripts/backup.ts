// `npm run backup -- <dir> [--keep N]`: a consistent, verified copy of the database (DATABASE_URL)
// as <dir>/archive-<UTC time>.db, taken while the server may be serving and saving; keeps the
// newest N backups (default 7) and removes older ones. On PostgreSQL the copy is the server's own
// pg_dump (-Fc), as <dir>/archive-<UTC time>.pgdump (lib/ops/postgres-backup.ts).
import { existsSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { databaseFilePath, databaseLabel, defaultPostgresMigrationsDir, engineOf, readMigrations } from '@/lib/db';
import { env } from '@/lib/env';
import { backupDatabase } from '@/lib/ops/backup';
import { backupPostgres } from '@/lib/ops/postgres-backup';
import { formatBytes } from '@/lib/ops/disk';
import { countsLine, exitCodeOf } from './ops-refusal';

const USAGE = `Usage: npm run backup -- <dir> [--keep N]
  Copies the database named by DATABASE_URL (default file:./data/archive.db) into <dir>,
  verifies the copy, and keeps the newest N backups there (default 7).`;

/** Progress for copies big enough to take a while: a line every tenth. */
const PROGRESS_FROM_BYTES = 64 * 1024 * 1024;

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { keep: { type: 'string', default: '7' } } });
  } catch (error) {
    console.error(`backup: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const keep = Number(parsed.values.keep);
  if (parsed.positionals.length !== 1 || !/^\d+$/.test(parsed.values.keep) || keep < 1) {
    console.error(
      `backup: ${parsed.positionals.length !== 1 ? 'give one folder to write the backup to' : '--keep must be a whole number of at least 1'}\n\n${USAGE}`,
    );
    return 2;
  }
  if (engineOf(env.DATABASE_URL) === 'postgresql') return backupOfPostgres(parsed.positionals[0]!, keep);
  const source = databaseFilePath(env.DATABASE_URL);
  let shownTenth = 0;
  // Progress only for a big file; its page size varies (4 KiB before 8 KiB became the default), so its size decides.
  const big = existsSync(source) && statSync(source).size >= PROGRESS_FROM_BYTES;
  return exitCodeOf('backup', async () => {
    const result = await backupDatabase({
      source,
      dir: parsed.positionals[0],
      keep,
      migrations: readMigrations(),
      onProgress: (copied, total) => {
        const tenth = Math.floor((copied / total) * 10);
        if (big && tenth > shownTenth) {
          shownTenth = tenth;
          console.error(`backup: ${tenth * 10}% (${copied} of ${total} pages)`);
        }
      },
    });
    console.log(`Backed up ${source} to ${result.file} (${formatBytes(result.bytes)}).`);
    console.log(`Verified: integrity check ok, search index ok, row counts equal to the database at the moment of the copy: ${countsLine(result.counts)}.`);
    console.log(`Kept the newest ${keep}${result.removed.length ? `; removed ${result.removed.join(', ')}` : ''}.`);
  });
}

function backupOfPostgres(dir: string, keep: number): Promise<number> {
  return exitCodeOf('backup', async () => {
    const result = await backupPostgres({ url: env.DATABASE_URL, dir, keep, migrations: readMigrations(defaultPostgresMigrationsDir) });
    console.log(`Backed up ${databaseLabel(env.DATABASE_URL)} to ${result.file} (${formatBytes(result.bytes)}).`);
    console.log(`Verified: pg_restore reads it, its migrations are this code's; row counts at the moment of the copy: ${countsLine(result.counts)}.`);
    console.log(`Kept the newest ${keep}${result.removed.length ? `; removed ${result.removed.join(', ')}` : ''}.`);
  });
}

process.exitCode = await main(process.argv.slice(2));
