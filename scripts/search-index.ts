// `npm run search:index [-- [--rebuild] [--merge]]`: builds the ranking lists (lib/search/top-k) of
// DATABASE_URL's database when it has none; `--rebuild` builds them again (after the archive has grown:
// new frequent words get lists). Takes the write lock for the duration of the build. Then says how many
// segments the passage indexes hold (editors' saves add them; lib/db/sqlite/index-segments.ts), and
// `--merge` merges each into one.
import './load-env';
import { env } from '@/lib/env';
import { closeWriters, databaseFilePath, engineOf, mergePassageIndexes, migrateDatabase, openWriter, PASSAGE_INDEXES, shapeOf } from '@/lib/db';
import { ensureTermImpacts } from '@/lib/search/top-k/ensure';
import { describeShape, segmentCount } from './index-shape';
import { maintenanceFlags } from './maintenance-flags';

const { rebuild, merge } = maintenanceFlags('search:index');

// The ranking lists are SQLite's (they speed up FTS5's bm25 for frequent words); PostgreSQL's full text
// ranks with its own indexes and has none to build: nothing to do, which is not a failure.
if (engineOf(env.DATABASE_URL) === 'postgresql') {
  console.log('search:index: the ranking lists and segments are SQLite-only; on PostgreSQL the full-text index needs no build or merge. Nothing to do.');
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
  const writer = openWriter(file);
  try {
    if (merge) {
      process.stderr.write('Merging the passage indexes into one segment each (saves wait for it, up to 5 s)…\n');
      for (const { table, before, after, seconds } of mergePassageIndexes(writer))
        console.log(
          before > 1
            ? `${table}: ${segmentCount(before)}, now ${segmentCount(after)}, in ${seconds.toFixed(1)} s.`
            : `${table}: ${segmentCount(before)}, nothing to merge.`,
        );
    } else {
      const shapes = PASSAGE_INDEXES.map((table) => ({ table, shape: shapeOf(writer.db, table) }));
      for (const { table, shape } of shapes) console.log(`${table}: ${describeShape(shape)}.`);
      if (shapes.some(({ shape }) => shape.segments > 1)) console.log('Searches read each segment: --merge merges each index into one.');
    }
  } finally {
    writer.close();
  }
} finally {
  closeWriters();
}
