// SQLite's full text: FTS5 over passage_fts (text, speaker, title; Porter stems) and its word list
// passage_words_fts_vocab (words as written, folded), both kept up to date by the migrations' triggers.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { FullTextIndex, FullTextStatements } from '../full-text';
import { toFtsExpression } from './fts-expression';
import { jsonIds } from './json-ids';

// BM25 weights of the indexed columns: what was said counts most; who said it, then where, less.
export const TEXT_WEIGHT = 1.0;
export const SPEAKER_WEIGHT = 0.5;
export const TITLE_WEIGHT = 0.2;

// An entity named by the words ranks before one that only mentions them in its bio or summary.
export const ENTITY_NAME_WEIGHT = 2.0;
export const ENTITY_DETAIL_WEIGHT = 1.0;

const bm25 = Prisma.sql`bm25(passage_fts, ${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT})`;
const VOCABULARY = Prisma.raw('passage_words_fts_vocab');
// The full-text tables, and the columns of each that hold running text (passage: text and title;
// entity: name and detail).
const TABLES: Record<FullTextIndex, { name: Prisma.Sql; textColumns: number[] }> = {
  passages: { name: Prisma.raw('passage_fts'), textColumns: [0, 2] },
  entities: { name: Prisma.raw('entity_fts'), textColumns: [0, 1] },
};
/** What looking a passage up in the index costs for each word of the expression, in matches read in turn (see lookupMatch). */
const LOOKUP_COST_PER_WORD = 20;
const FTS5_OPERATORS = new Set(['AND', 'OR', 'NOT', 'NEAR']);
/** A quoted string of an FTS5 expression (a word or a phrase; "" is a quote within it). */
const QUOTED_STRING = /"(?:[^"]|"")*"/g;
/** Whether the expression holds FTS5's own prefix (`"bre"*`), which each statement reading it merges again. */
const holdsOwnPrefix = (expression: string) => /"\*/.test(expression);
/** Whether the expression holds a phrase of two words or more: matching it reads its words' positions. */
const holdsPhrase = (expression: string) => (expression.match(QUOTED_STRING) ?? []).some((quoted) => /\s/.test(quoted));
// A marked occurrence (U+0002) after any character but a hyphen (ASCII, U+2010, U+2011).
const HYPHEN_FREE_GLOB = '*[^-\u2010\u2011]\u0002*';

/**
 * The index's rows within a document's span of passage ids, a superset of its passages (ids of
 * passages added later may lie past another document's). FTS5 seeks to a rowid range given as
 * INTEGER values, as these subqueries give, instead of reading every match in the archive: "the"
 * at 1,000,000 passages, 320 ms for all of its matches, 0.7 ms within one document's span. (Bound
 * as a JavaScript number, a value is REAL, and FTS5 reads every match again.)
 */
function withinDocument(documentSlug: string, after?: number): Prisma.Sql {
  const end = (which: 'min' | 'max') =>
    Prisma.sql`(SELECT ${Prisma.raw(which)}(sp.id) FROM Passage sp WHERE sp.documentId = (SELECT id FROM Document WHERE slug = ${documentSlug}))`;
  // Past `after` too, in the one lower bound FTS5 takes.
  const from = after === undefined ? end('min') : Prisma.sql`max(${end('min')}, CAST(${after} AS INTEGER) + 1)`;
  return Prisma.sql`passage_fts.rowid BETWEEN ${from} AND ${end('max')}`;
}

/**
 * How often the searched phrase occurs in each column (text, speaker, title) of the row FTS5 is on.
 * highlight() puts one mark before each instance of the phrase (instances that overlap make one mark:
 * only phrases whose instances cannot overlap are counted so, top-k/phrase-counts.ts and
 * term-impacts.ts), so the highlighted text is longer than the text by one character an instance,
 * whatever characters the text holds.
 */
export const phraseCountByColumn = (table: string) =>
  [
    `length(highlight(${table}, 0, char(1), '')) - length(${table}.text)`,
    `coalesce(length(highlight(${table}, 1, char(1), '')) - length(${table}.speaker), 0)`,
    `coalesce(length(highlight(${table}, 2, char(1), '')) - length(${table}.title), 0)`,
  ] as const;

/** The phrase's counts (phraseCountByColumn) and the row's size record in hex: all FTS5's bm25() reads of a row. */
const PHRASE_COUNTS = Prisma.raw(`${phraseCountByColumn('passage_fts').join(', ')}, (SELECT hex(sz) FROM passage_fts_docsize WHERE id = passage_fts.rowid)`);

export const sqliteFullText: FullTextStatements = {
  expression: toFtsExpression,

  matchedRows(expression, withRank, sampleEvery, documentSlug) {
    const rank = withRank ? Prisma.sql`, ${bm25} AS rank, p.position AS position` : Prisma.empty;
    // A sample is taken on the index's own rowid, so it is decided as FTS5 yields each match, and the
    // index goes first (CROSS JOIN fixes the order): only the sampled matches are joined to their rows.
    const sampled = sampleEvery ? Prisma.sql`AND passage_fts.rowid % ${sampleEvery} = 0` : Prisma.empty;
    const join = sampleEvery ? Prisma.sql`CROSS JOIN` : Prisma.sql`JOIN`;
    // One document: the index walks only its span of ids (as highlights does). BM25 still takes its
    // statistics from the whole index, so every score is the one the unbounded search gives.
    const inDocument = documentSlug ? Prisma.sql`AND ${withinDocument(documentSlug)} AND d.slug = ${documentSlug}` : Prisma.empty;
    return Prisma.sql`
    SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil ${rank}
    FROM passage_fts
    ${join} Passage p ON p.id = passage_fts.rowid
    ${join} Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} ${sampled} ${inDocument}`;
  },

  matchedIds(expression, sampleEvery, documentSlug, after) {
    const sampled = sampleEvery ? Prisma.sql`AND passage_fts.rowid % ${sampleEvery} = 0` : Prisma.empty;
    const range = documentSlug
      ? Prisma.sql`AND ${withinDocument(documentSlug, after)}`
      : after !== undefined
        ? Prisma.sql`AND passage_fts.rowid > CAST(${after} AS INTEGER)`
        : Prisma.empty;
    // The unary + keeps the caller's conditions on the id (an initialism's, `x.id IN (…)`) from being
    // handed to FTS5 as lookups, as they were not when they stood on the passage's id.
    return Prisma.sql`SELECT +passage_fts.rowid AS id FROM passage_fts WHERE passage_fts MATCH ${expression} ${sampled} ${range}`;
  },

  phraseCountsAndSample(expression, every, kept) {
    // highlight() cannot be called from an aggregate, so the matches come from a subquery; its LIMIT
    // keeps SQLite from flattening it into the aggregate, and it runs as a co-routine, each row handed
    // on as FTS5 yields it (kept in a MATERIALIZED table first, `"of the"` for one speaker at 1,000,000
    // passages took 245 ms, against 215 so; a pass to count and sample and one for the counts, 169 + 190).
    return Prisma.sql`
    SELECT count(*) AS n, json_group_array(id) FILTER (WHERE id % ${every} = 0) AS sample,
           json_group_array(json(counts)) FILTER (WHERE counts IS NOT NULL) AS kept
    FROM (
      SELECT rowid AS id, CASE WHEN ${kept} THEN json_array(rowid, ${PHRASE_COUNTS}) END AS counts
      FROM passage_fts WHERE passage_fts MATCH ${expression} LIMIT -1)`;
  },

  matchedId: Prisma.sql`passage_fts.rowid`,

  lookupMatch(expression) {
    // A prefix ("bre"*) merges the lists of every word it starts again for each lookup: bre* looked up
    // for one speaker's 1,100 passages took 1.8 s, against 40 ms reading its matches.
    if (holdsOwnPrefix(expression)) return null;
    // Each word is sought in its own list: 7 µs a lookup for `the`, 14 µs for "of the" (100,000
    // passages), where reading a match of `the` from the index and joining it costs 0.34 µs.
    const words = (expression.match(/[^\s"()]+/g) ?? []).filter((word) => !FTS5_OPERATORS.has(word)).length;
    return {
      cost: LOOKUP_COST_PER_WORD * Math.max(1, words),
      readsPositions: holdsPhrase(expression),
      // A scalar subquery, evaluated for each outer row: as EXISTS, SQLite 3.53 may turn it into a join
      // and read the index first.
      matches: (id) => Prisma.sql`(SELECT 1 FROM passage_fts WHERE passage_fts MATCH ${expression} AND passage_fts.rowid = ${id}) IS NOT NULL`,
    };
  },

  amongIds(ids) {
    // The unary plus keeps the condition from FTS5: given to it, each id became a lookup of its own,
    // and BM25 gathered its statistics again for every one (`when` ranked for one speaker's 9,600
    // passages, 1,000,000 in the archive: 5.4 s). As a plain condition SQLite builds the set once and
    // checks each match against it (28 ms, against 290 ms joining every match to its passage first).
    return Prisma.sql`+passage_fts.rowid IN (${ids})`;
  },

  unordered(expression) {
    // Without NOT, requiring a phrase's words in any order only widens what matches; under NOT it narrows.
    if (/\bNOT\b/.test(expression.replace(QUOTED_STRING, ''))) return expression;
    return expression.replace(/"((?:[^"]|"")*)"(\*?)/g, (phrase, inner: string, star: string) => {
      const words = inner.split(/\s+/).filter(Boolean);
      return words.length < 2 ? phrase : `(${words.map((word, i) => `"${word}"${i === words.length - 1 ? star : ''}`).join(' AND ')})`;
    });
  },

  bestMatches(expression, limit) {
    return Prisma.sql`
    SELECT rowid AS id, ${bm25} AS score FROM passage_fts WHERE passage_fts MATCH ${expression} ORDER BY score LIMIT ${limit}`;
  },

  bestMatchesAndSample(expression, limit, every) {
    // The matches are kept once, with their scores, and both parts read from them: `"of the"` at
    // 1,000,000 passages, 598 ms, where the head alone took 533 and the sample's own pass 223. Keeping
    // them costs more than a pass that reads no positions: `smugg*` (190,000 matches) 266 -> 277 ms.
    if (!holdsPhrase(expression)) return null;
    return Prisma.sql`
    WITH m AS MATERIALIZED (SELECT rowid AS id, ${bm25} AS score FROM passage_fts WHERE passage_fts MATCH ${expression})
    SELECT id, score, 0 AS sampled FROM (SELECT id, score FROM m ORDER BY score LIMIT ${limit})
    UNION ALL SELECT id, score, 1 AS sampled FROM m WHERE id % ${every} = 0`;
  },

  rowsMatching(expression, index = 'passages') {
    const table = TABLES[index];
    return Prisma.sql`SELECT rowid FROM ${table.name} WHERE ${table.name} MATCH ${expression}`;
  },

  standaloneRows(word, index = 'passages') {
    // highlight() marks each occurrence; one that starts the column or follows anything but a hyphen
    // stands on its own. A speaker's name (in passages) is no place for an initialism: not checked.
    const table = TABLES[index];
    const standalone = (column: number) => Prisma.sql`(highlight(${table.name}, ${column}, char(2), char(3)) GLOB char(2) || '*'
      OR highlight(${table.name}, ${column}, char(2), char(3)) GLOB ${HYPHEN_FREE_GLOB})`;
    return Prisma.sql`SELECT rowid FROM ${table.name} WHERE ${table.name} MATCH ${`"${word.replaceAll('"', '""')}"`}
      AND (${Prisma.join(table.textColumns.map(standalone), ' OR ')})`;
  },

  entityRows(expression) {
    // The entity's kind is in its rowid (see migrations 20261202010000_entity_search and
    // 20261202070000_section_search): sections are -id, the others id*3+k.
    return Prisma.sql`
    SELECT CASE WHEN rowid < 0 THEN 'section' WHEN rowid % 3 = 0 THEN 'speaker' WHEN rowid % 3 = 1 THEN 'document' ELSE 'topic' END AS kind,
           CASE WHEN rowid < 0 THEN -rowid ELSE rowid / 3 END AS id, rowid AS entry,
           bm25(entity_fts, ${ENTITY_NAME_WEIGHT}, ${ENTITY_DETAIL_WEIGHT}) AS rank
    FROM entity_fts WHERE entity_fts MATCH ${expression}`;
  },

  entitySnippets(expression, entries, marks, tokens) {
    // Column -1: FTS5 picks the column (name or detail) whose fragment matches best.
    return Prisma.sql`
    SELECT rowid AS entry, snippet(entity_fts, -1, ${marks.open}, ${marks.close}, '…', ${tokens}) AS marked
    FROM entity_fts WHERE entity_fts MATCH ${expression} AND rowid IN (${jsonIds(entries)})`;
  },

  snippets(expression, ids, marks, tokens) {
    // FTS5 sets a prefix ("bre"*) up by merging the lists of every word it starts, once per lookup:
    // looked up id by id, a page of ten costs ten merges (416 ms for bre* at 1,000,000 passages). One
    // walk over the page's span of ids merges once (92 ms); any other expression is cheaper id by id,
    // since a span can cover the whole archive. The unary + keeps SQLite from handing the ids to FTS5
    // as lookups; the bounds are cast to INTEGER because FTS5 ignores a REAL one. The ids are INTEGER
    // values too (jsonIds): one REAL id alone (`rowid IN (?)`, read as `rowid = ?`) FTS5 takes and
    // ignores, yielding every match (a one-hit page of `"of the"` at 1,000,000 passages read 331,000).
    // The search's reader writes such a prefix as the words the page's passages hold before it gets
    // here (lib/search/prefix-snippets.ts): the walk remains for what cannot be written so.
    const prefixed = holdsOwnPrefix(expression);
    const which = prefixed
      ? Prisma.sql`rowid BETWEEN CAST(${Math.min(...ids)} AS INTEGER) AND CAST(${Math.max(...ids)} AS INTEGER) AND +rowid IN (${jsonIds(ids)})`
      : Prisma.sql`rowid IN (${jsonIds(ids)})`;
    return Prisma.sql`
      SELECT rowid AS id, snippet(passage_fts, 0, ${marks.open}, ${marks.close}, '…', ${tokens}) AS snippet
      FROM passage_fts WHERE passage_fts MATCH ${expression} AND ${which}`;
  },

  setsUpPrefix: holdsOwnPrefix,

  readsPositions: holdsPhrase,

  indexedText(ids) {
    return Prisma.sql`SELECT "id", "text", "speaker", "title" FROM "passage_fts_source" WHERE "id" IN (${jsonIds(ids)})`;
  },

  highlights(expression, documentSlug, marks, where) {
    return Prisma.sql`
    SELECT p.id AS id, p.anchor AS anchor, highlight(passage_fts, 0, ${marks.open}, ${marks.close}) AS marked
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} AND ${withinDocument(documentSlug)}
      AND d.slug = ${documentSlug} AND ${where}
    ORDER BY p.position`;
  },

  similar(words, columns, where, limit) {
    const expression = words.map((word) => `"${word}"`).join(' OR ');
    return Prisma.sql`
    SELECT ${columns}
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    LEFT JOIN Speaker s ON s.id = p.speakerId
    WHERE passage_fts MATCH ${expression} AND ${where}
    ORDER BY ${bm25}, d.publishedOn DESC
    LIMIT ${limit}`;
  },

  vocabulary: {
    terms: (words) => Prisma.sql`SELECT term, doc FROM ${VOCABULARY} WHERE term IN (${Prisma.join(words)})`,
    range: (start, end, shortest, longest) => Prisma.sql`
      SELECT term, doc FROM ${VOCABULARY}
      WHERE term >= ${start} AND term < ${end} AND length(term) BETWEEN ${shortest} AND ${longest}`,
    secondLetter: (letter, shortest, longest) => Prisma.sql`
      SELECT term, doc FROM ${VOCABULARY}
      WHERE substr(term, 2, 1) = ${letter} AND length(term) BETWEEN ${shortest} AND ${longest}`,
    prefixed: (prefix, limit) => Prisma.sql`
      SELECT term FROM ${VOCABULARY} WHERE term >= ${prefix} AND term < ${`${prefix}\uffff`}
      ORDER BY doc DESC LIMIT ${limit}`,
    // The word list's own count (fts5vocab's `doc`) reads every passage the word is in: 14 ms for `of`
    // at 1,000,000 passages. Its matches counted up to a limit stop there.
    passagesUpTo: (word, limit) => Prisma.sql`
      SELECT count(*) AS n FROM (SELECT 1 FROM passage_words_fts WHERE passage_words_fts MATCH ${`"${word.replaceAll('"', '""')}"`} LIMIT ${limit})`,
  },
};
