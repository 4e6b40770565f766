// The full-text indexes of migration 20261202080100_full_text, built once after a bulk copy
// (copy-from-sqlite.ts) instead of by its triggers as the rows arrive. Row by row, every batch of
// passages upserts thousands of words into passage_words_fts (leaving it 50 times its size in dead
// rows) and grows the GIN indexes a little: 163 s for the bench's 100,000 passages, against 40 s with
// one pass over the whole table and GIN indexes built from sorted entries. The statements are the migration's own "Index what is there
// already" block, so the result is the triggers' to the row (tests/integration/archive/
// migrate-to-postgres.test.ts compares the two).
import 'server-only';
import type pg from 'pg';

/**
 * The full-text migration's triggers: the passage ones (passage_fts_after_*, passage_fts_speaker_renamed,
 * passage_fts_document_retitled), the entity ones (entity_fts_*_changed) and archive_fts_truncated.
 * A trigger of any other name (a later migration's) stays on during a copy and fills what it keeps.
 */
export const FULL_TEXT_TRIGGERS = /^(passage_fts_|entity_fts_|archive_fts_)/;

/** The tables those triggers keep, and nothing else writes: filled here once. */
const FULL_TEXT_TABLES = ['passage_fts', 'passage_words_fts', 'entity_fts'];

/**
 * Raised for this transaction only: CREATE INDEX sorts a GIN index's entries in this much memory
 * (64 MB by default, which at a million passages means many merge passes over temporary files).
 */
const MAINTENANCE_WORK_MEM = '512MB';

/** An index taken off a full-text table while it fills, to be built again afterwards. */
export interface DeferredIndex {
  name: string;
  definition: string;
}

/**
 * Drops the secondary indexes of the full-text tables (the GIN indexes, the word list's second-letter
 * index: anything not behind a primary key or unique constraint), returning their definitions as
 * PostgreSQL prints them, so whatever a later migration changed in them is built again as it was.
 * Inside the copy's transaction: a rollback brings them back untouched.
 */
export async function deferFullTextIndexes(client: pg.Client): Promise<DeferredIndex[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relnamespace = current_schema()::regnamespace AND t.relname = ANY ($1::text[])
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
     ORDER BY name`,
    [FULL_TEXT_TABLES],
  );
  for (const { name } of rows) await client.query(`DROP INDEX ${name}`);
  return rows;
}

/**
 * Indexes every copied row as the triggers would have, with set-based statements, then builds the
 * deferred indexes over the filled tables. Call with the full-text triggers disabled and the tables
 * empty (the copy's target is).
 */
export async function indexFullTextOnce(client: pg.Client, deferred: DeferredIndex[]): Promise<void> {
  await client.query(`SET LOCAL maintenance_work_mem = '${MAINTENANCE_WORK_MEM}'`);
  // Computed into temporary tables first: PostgreSQL runs an INSERT … SELECT in one process, but a
  // CREATE TABLE … AS SELECT with parallel workers, and turning text into words is nearly all the
  // work (about half the time on two cores). The parallel workers share this transaction, so they
  // see the uncommitted copy.
  // passage_fts_after_insert's rows, over every passage at once.
  await client.query(
    `CREATE TEMPORARY TABLE passage_fts_bulk ON COMMIT DROP AS
     SELECT p."id", passage_fts_document(p."text", s."name", d."title") AS document
     FROM "Passage" p JOIN "Document" d ON d."id" = p."documentId" LEFT JOIN "Speaker" s ON s."id" = p."speakerId"`,
  );
  // passage_words_fts_add's counts: the number of passages using each word (passage_words_fts_of
  // gives each word of a passage once).
  await client.query(
    `CREATE TEMPORARY TABLE passage_words_fts_bulk ON COMMIT DROP AS
     SELECT term, count(*)::integer AS doc FROM "Passage" p, passage_words_fts_of(p."text") term GROUP BY term`,
  );
  await client.query(`INSERT INTO passage_fts (id, document) SELECT id, document FROM passage_fts_bulk`);
  await client.query(`INSERT INTO passage_words_fts (term, doc) SELECT term, doc FROM passage_words_fts_bulk`);
  await client.query(`DROP TABLE passage_fts_bulk, passage_words_fts_bulk`);
  // The very functions the entity triggers call, once per entity.
  await client.query(`SELECT entity_fts_speaker(s."id") FROM "Speaker" s`);
  await client.query(`SELECT entity_fts_document(d."id") FROM "Document" d`);
  await client.query(`SELECT entity_fts_topic(t."id") FROM "Topic" t`);
  await client.query(`SELECT entity_fts_section(ds."id") FROM "DocumentSection" ds`);
  for (const { definition } of deferred) await client.query(definition);
  // The planner's statistics for the new contents (autovacuum would get there, later).
  await client.query(`ANALYZE ${FULL_TEXT_TABLES.join(', ')}`);
}
