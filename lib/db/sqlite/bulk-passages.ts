// A bulk load of passages (an import of an archive, the benchmark's corpus) with the passage search
// triggers off and the passage indexes built once at the end, in one pass, instead of row by row:
// per row each trigger looks up the speaker and the title and feeds FTS5 one passage at a time.
// Everything runs in one transaction, so a failure leaves the triggers and the indexes as they were;
// the result is the index the triggers would have built (tests/integration/search/bulk-load.test.ts
// builds a corpus both ways and compares).
import 'server-only';
import type { SqliteDb } from './connection';

/** The triggers (migration 20261202030000) that keep passage_fts and passage_words_fts in step with Passage, Speaker and Document. */
const SEARCH_TRIGGERS = [
  'passage_search_after_insert',
  'passage_search_before_delete',
  'passage_search_before_update',
  'passage_search_after_update',
  'speaker_search_before_rename',
  'speaker_search_after_rename',
  'speaker_search_before_delete',
  'document_search_before_retitle',
  'document_search_after_retitle',
  'document_search_before_delete',
];

/** FTS5's default: its pending terms are written out as a new segment at every 1 MiB. */
const DEFAULT_HASH_SIZE = 1 << 20;
/**
 * For the one-pass build: 1 MiB segments make thousands of small segments, merged again and again as
 * they pile up. With 16 MiB the two indexes of 100,000 passages build in 3.1 s instead of 6.2 s.
 */
const BULK_HASH_SIZE = 16 << 20;

/** FTS5's 'hashsize' for both passage indexes (kept in their %_config tables); a literal, as FTS5 takes only an INTEGER. */
function setHashSize(db: SqliteDb, bytes: number) {
  for (const table of ['passage_fts', 'passage_words_fts']) db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${Math.trunc(bytes)})`);
}

/**
 * Runs `load` (inserts of passages, speakers, documents; no updates or deletes of rows already
 * indexed) with the passage search triggers dropped, then rebuilds both passage indexes from the
 * tables and puts the triggers back, all in one transaction.
 */
export function bulkLoadPassages<T>(db: SqliteDb, load: () => T): T {
  return db.transaction(() => {
    const triggers = SEARCH_TRIGGERS.map((name) => {
      const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined;
      if (!row) throw new Error(`bulkLoadPassages: the search trigger ${name} is missing; is the database migrated?`);
      return row.sql;
    });
    for (const name of SEARCH_TRIGGERS) db.exec(`DROP TRIGGER "${name}"`);
    const result = load();
    setHashSize(db, BULK_HASH_SIZE);
    // External content: FTS5 reads every row of passage_fts_source, in id order, and indexes it.
    db.exec(`INSERT INTO passage_fts (passage_fts) VALUES ('rebuild')`);
    // Contentless: emptied, then given every passage's text once.
    db.exec(`INSERT INTO passage_words_fts (passage_words_fts) VALUES ('delete-all')`);
    db.exec('INSERT INTO passage_words_fts (rowid, text) SELECT id, text FROM Passage ORDER BY id');
    setHashSize(db, DEFAULT_HASH_SIZE);
    for (const sql of triggers) db.exec(sql);
    return result;
  })();
}
