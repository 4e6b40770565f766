// Editors' saves as they cut the passage indexes into segments, and what the indexes find, for the
// tests of merging them (search:index -- --merge, npm start's merge).
import { shapeOf, type SqliteDb } from '@/lib/db';
import { scoredMatches } from './full-text-probe';

/** Saves of one passage each, as an editor's corrections are (each its own transaction: each adds segments), until `done`. */
export function saveUntil(db: SqliteDb, done: () => boolean) {
  const ids = db.prepare('SELECT id FROM Passage ORDER BY id').pluck().all() as number[];
  const save = db.prepare('UPDATE Passage SET text = text WHERE id = ?');
  for (let i = 0; !done(); i++) {
    if (i === 5_000) throw new Error(`5,000 saves left the stemmed index in ${JSON.stringify(shapeOf(db, 'passage_fts'))}`);
    // Every 7th passage, so that the saves spread over the archive.
    db.transaction(() => save.run(ids[(i * 7) % ids.length]))();
  }
}

/** What each index finds for words of the archive: the stemmed index's passages with scores and snippets, the plain one's ids. */
export function findings(db: SqliteDb) {
  const words = db.prepare('SELECT term FROM passage_fts_vocab WHERE doc > 3 ORDER BY doc DESC, term LIMIT 12').pluck().all() as string[];
  const plain = db.prepare('SELECT rowid FROM passage_words_fts WHERE passage_words_fts MATCH ? ORDER BY rowid').pluck();
  return {
    stemmed: [...words, '"north korea"', 'fami*'].map((match) => scoredMatches(db, match)),
    plain: ['north', 'korea', 'freedom', 'family'].map((word) => plain.all(word)),
  };
}
