// `npm run search:index [-- --rebuild]`: builds the ranking lists (lib/search/top-k) of DATABASE_URL's
// database when it has none; `--rebuild` builds them again (after the archive has grown: new frequent
// words get lists). Takes the write lock for the duration of the build.
import './load-env';
import { env } from '@/lib/env';
import { closeWriters, databaseFilePath, engineOf, migrateDatabase } from '@/lib/db';
import { ensureTermImpacts } from '@/lib/search/top-k/ensure';
import { rebuildFlag } from './rebuild-flag';

const rebuild = rebuildFlag('search:index');

// The ranking lists are SQLite's (they speed up FTS5's bm25 for frequent words); PostgreSQL's full text
// ranks with its own indexes and has none to build: nothing to do, which is not a failure.
if (engineOf(env.DATABASE_URL) === 'postgresql') {
  console.log('search:index: the ranking lists are SQLite-only; on PostgreSQL the full-text index needs no build. Nothing to do.');
  process.exit(0);
}

const file = databaseFilePath(env.DATABASE_URL);
migrateDatabase(file);
try {
  const report = await ensureTermImpacts(file, { rebuild, progress: true });
  console.log(
    report
      ? `${file}: ${report.lists} ranking lists, ${report.entries} entries, in ${report.seconds.toFixed(1)} s.`
      : `${file}: the ranking lists are built (use --rebuild to build them again).`,
  );
} finally {
  closeWriters();
}
