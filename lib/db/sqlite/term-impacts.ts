// SQLite's side of the impact-ordered lists (lib/search/top-k): FTS5's own records read directly (the
// row count and token totals bm25() uses, each row's length) and the statements on the TermImpact
// tables of migration 20261202040000_term_impacts.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryDb } from '../query';
import type { SqliteDb } from './connection';
import { phraseCountByColumn, SPEAKER_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT } from './full-text';
import { indexStemsOf } from './index-stems';
import { jsonIds } from './json-ids';
import { temporaryPassageIndex, type IndexedPassage } from './temporary-passage-index';

/**
 * A stem's commonest form is looked for among the words in at least this share (1/n) of the
 * passages a list needs: a stem with so many forms that none reaches it gets no list (and ranks the
 * old way).
 */
const MOST_FORMS_PER_STEM = 20;

/**
 * The words of the plain index in `?` passages or more (candidateFormsFloor), commonest first: those
 * that may be a frequent stem's commonest form (frequentWords). Both indexes' whole vocabularies are
 * read to choose the lists (at 1,000,000 passages 2.5-3.8 s the stems', 1.5-2 s the words'), so the
 * build reads this one on a worker thread while it reads the stems (lib/search/top-k/build.ts).
 */
export const CANDIDATE_FORMS_SQL = 'SELECT term FROM passage_words_fts_vocab WHERE doc >= ? ORDER BY doc DESC, term';
export const candidateFormsFloor = (minPassages: number): number => Math.ceil(minPassages / MOST_FORMS_PER_STEM);

/** How many passages' text the choice of phrases reads (a systematic sample by id). */
export const PHRASE_SAMPLE = 2_000;
/** A phrase is read from the sample as holding this share of what a list needs, or more: its list then shows whether it holds it all. */
export const PHRASE_SAMPLE_MARGIN = 0.8;
/** At most this many phrases get a list, the commonest first: each list costs a ranking of all its matches to build. */
const MOST_PHRASES = 48;
/** At most this many phrases of common words (frequentPhrases' second rule) get a list besides, the commonest first. */
export const MOST_COMMON_WORDS_PHRASES = 128;

/** SQLite's variable-length integers, as FTS5 stores them (big-endian, 7 bits a byte, the 9th byte whole). */
export function readVarints(bytes: Uint8Array): number[] {
  const values: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    let value = 0;
    let n = 0;
    for (;;) {
      const byte = bytes[i++];
      if (n === 8) {
        value = value * 256 + byte;
        break;
      }
      value = value * 128 + (byte & 0x7f);
      n++;
      if ((byte & 0x80) === 0) break;
    }
    values.push(value);
  }
  return values;
}

export interface IndexTotals {
  /** Rows in passage_fts (bm25's N). */
  rows: number;
  /** Average row length in tokens, all columns (bm25's avgdl). */
  averageLength: number;
}

/** The averages record (rowid 1 of the %_data table): the row count, then each column's token total. */
export function totalsOf(block: Uint8Array | null | undefined): IndexTotals {
  if (!block || block.length === 0) return { rows: 0, averageLength: 0 };
  const [rows, ...columns] = readVarints(block);
  const tokens = columns.reduce((a, b) => a + b, 0);
  return { rows, averageLength: tokens / Math.max(rows, 1) };
}

/** Row lengths from the %_docsize table: the sum of a row's column sizes. */
export const lengthOf = (sz: Uint8Array): number => readVarints(sz).reduce((a, b) => a + b, 0);

const BM25_BY_COLUMN = `bm25(passage_fts, 1, 0, 0) AS c0, bm25(passage_fts, 0, 1, 0) AS c1, bm25(passage_fts, 0, 0, 1) AS c2`;

/** A phrase's count in each column of `table`'s row, as c0 (text), c1 (speaker) and c2 (title). */
const countColumns = (table: string) =>
  phraseCountByColumn(table)
    .map((count, column) => `${count} AS c${column}`)
    .join(', ');

/**
 * The reads behind one word's list, as SQL text: the list build runs them on its own connection and,
 * taking turns with it, on a worker thread's (term-list-reads-worker.mjs), which gets the text from here.
 */
export const LIST_READ_SQL = {
  /**
   * How many rows match the phrase, and the ids of those that are multiples of a stride (a JSON array;
   * none for stride 0, as `x % 0` is NULL): the list's stored count and its count's sample, in one pass.
   */
  countAndSample: 'SELECT count(*) AS n, json_group_array(rowid) FILTER (WHERE rowid % ? = 0) AS sample FROM passage_fts WHERE passage_fts MATCH ?',
  /**
   * The `limit` best rows for a phrase by the search's own weights. Ordered by bm25() itself, not by
   * FTS5's `rank`: SQLite's sorter keeps only the best `limit` rows, FTS5's sorts every match (`the`,
   * 980,000 matches of 1,000,000 passages: 560 ms against 1,490 ms with the per-column scores).
   */
  bestIds: `SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ? ORDER BY bm25(passage_fts, ${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT}) LIMIT ?`,
  /**
   * For a phrase of several words, bestIds (a JSON array), the count and the sample from one pass:
   * its matches are kept once with their scores (a pass over them reads both words' positions in
   * every passage holding both; `"wa is"` at 1,000,000 passages, 12,000 matches: 108 ms, against
   * 111 + 47 for bestIds and countAndSample; `"of the"`, 331,000 matches: 570 against 484 + 182).
   * A word's matches hold no positions to read again, and keeping `the`'s 980,000 would cost more.
   */
  phraseBestCountAndSample: `WITH m AS MATERIALIZED (
      SELECT rowid AS id, bm25(passage_fts, ${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT}) AS score FROM passage_fts WHERE passage_fts MATCH ?)
    SELECT (SELECT json_group_array(id) FROM (SELECT id FROM m ORDER BY score LIMIT ?)) AS ids, (SELECT count(*) FROM m) AS n,
           (SELECT json_group_array(id) FROM m WHERE id % ? = 0) AS sample`,
  /**
   * The per-column scores of those rows (from which the per-column counts are read back), computed for
   * them alone. The unary plus keeps the ids from FTS5: given to it, each id is a query of its own, and
   * bm25() counts the phrase's matches in the whole index again for each.
   */
  columnScores: `SELECT rowid AS id, ${BM25_BY_COLUMN} FROM passage_fts WHERE passage_fts MATCH ? AND +rowid IN (SELECT value FROM json_each(?))`,
  /**
   * How often the phrase occurs in each column (c0 text, c1 speaker, c2 title) of each of some rows,
   * each row sought in the index by id, counted from highlight() (phraseCountByColumn: a one-word
   * phrase's instances never overlap, nor do those of a phrase of different words). For a phrase of
   * several words in place of columnScores, whose passes over every match read the
   * words' positions in every passage that has them (`"of the"` at 1,000,000 passages: 55 ms against
   * 300). A word's are cheaper read back from bm25(): 25 µs a row goes to highlight() reading and
   * cutting up the row's text.
   */
  counts: `SELECT rowid AS id, ${countColumns('passage_fts')} FROM passage_fts WHERE passage_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`,
  /** Each row's %_docsize record (its length: lengthOf). */
  sizes: 'SELECT id, sz FROM passage_fts_docsize WHERE id IN (SELECT value FROM json_each(?))',
} as const;

/** Whether a listed term is a phrase of several words (its counts are read with LIST_READ_SQL.counts). */
const isListedPhrase = (term: string): boolean => term.includes(' ');

/**
 * What the list build reads for one word: how many rows match it and its count's sample (the ids that
 * are multiples of the list's stride), its best rows with their per-column bm25() scores (`counted`:
 * false) or, for a phrase, counts (`counted`: true), and their sizes.
 */
export interface ListRead {
  matches: number;
  sample: number[];
  counted: boolean;
  best: { id: number; c0: number; c1: number; c2: number }[];
  sizes: { id: number; sz: Uint8Array }[];
}

/** Statements for building and refreshing the lists (on a writing connection). */
export const termImpactWriting = {
  totals(db: SqliteDb): IndexTotals {
    const row = db.prepare('SELECT block FROM passage_fts_data WHERE id = 1').get() as { block: Buffer } | undefined;
    return totalsOf(row?.block);
  },
  /** The stems the passage index holds in `minPassages` passages or more, commonest first, each with its number of passages. */
  frequentStems(db: SqliteDb, minPassages: number): { term: string; doc: number }[] {
    return db.prepare('SELECT term, doc FROM passage_fts_vocab WHERE doc >= ? ORDER BY doc DESC').all(minPassages) as { term: string; doc: number }[];
  },
  /**
   * The words that get a list: one for each of the frequent stems (frequentStems), written as its
   * commonest form in the passages' text (among `forms`: CANDIDATE_FORMS_SQL's), commonest stems first.
   * The index holds every form of a stem as the stem, so one list answers them all
   * (lib/search/top-k/listed-forms.ts): lists kept per form were the same list again ("sanction",
   * "sanctions"), and missed stems whose forms are each too rare ("negotiation" and its three other
   * forms: 19% of the passages at 100,000, no form 5%). Each with the number of passages its stem is in
   * (`passages`).
   */
  frequentWords(db: SqliteDb, stems: { term: string; doc: number }[], forms: string[]): { term: string; passages: number }[] {
    const stemOf = indexStemsOf(db)(forms);
    const commonest = new Map<string, string>();
    forms.forEach((form, i) => {
      if (!commonest.has(stemOf[i])) commonest.set(stemOf[i], form);
    });
    return stems.flatMap(({ term: stem, doc }) => {
      const form = commonest.get(stem);
      return form ? [{ term: form, passages: doc }] : [];
    });
  },
  /**
   * The phrases of two words that get a list, written as the index's two terms ("of the", "wa is" for
   * "was is"): two different stems standing together in `minPassages` of the passages or more (the
   * commonest MOST_PHRASES), then those of two stems each in `ofCommonWords.wordShare` of the passages
   * or more standing together in `ofCommonWords.minPassages` of them (the commonest
   * MOST_COMMON_WORDS_PHRASES). All read from a sample of the passages' text (the stems' shares too:
   * not their speakers' names nor titles), cut into terms by FTS5's own tokenizer (index-stems.ts), in
   * order; a phrase the sample puts near a line gets a list whatever its true count (a list is exact
   * for any phrase). Only two different stems: a phrase's counts are read back from highlight()'s marks
   * (LIST_READ_SQL.counts, countsNow), and instances of "the the" overlap, which highlight() marks
   * once. Only a phrase the tokenizer reads back as itself, so that the list is found again from what a
   * reader types (lib/search/top-k/listed-forms.ts).
   */
  frequentPhrases(db: SqliteDb, minPassages: number, ofCommonWords: { wordShare: number; minPassages: number }): { term: string; passages: number }[] {
    const rows = db.prepare('SELECT count(*) FROM Passage').pluck().get() as number;
    if (rows === 0) return [];
    const every = Math.max(1, Math.ceil(rows / PHRASE_SAMPLE));
    const texts = db.prepare('SELECT text FROM Passage WHERE id % ? = 0').pluck().all(every) as string[];
    const stemsOf = indexStemsOf(db);
    const passagesWith = new Map<string, number>();
    const passagesWithStem = new Map<string, number>();
    for (const terms of stemsOf(texts)) {
      const words = terms.split(' ');
      const pairs = new Set(words.slice(1).flatMap((second, i) => (second !== words[i] ? [`${words[i]} ${second}`] : [])));
      for (const pair of pairs) passagesWith.set(pair, (passagesWith.get(pair) ?? 0) + 1);
      for (const stem of new Set(words)) passagesWithStem.set(stem, (passagesWithStem.get(stem) ?? 0) + 1);
    }
    const least = (passages: number) => (PHRASE_SAMPLE_MARGIN * texts.length * passages) / rows;
    const fewest = least(Math.min(minPassages, ofCommonWords.minPassages));
    const byCount = [...passagesWith].filter(([, n]) => n >= fewest).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const readBack = stemsOf(byCount.map(([pair]) => pair));
    const readable = byCount.filter(([pair], i) => readBack[i] === pair);
    const common = readable.filter(([, n]) => n >= least(minPassages)).slice(0, MOST_PHRASES);
    const chosen = new Set(common.map(([pair]) => pair));
    const isCommonWord = (stem: string) => (passagesWithStem.get(stem) ?? 0) >= ofCommonWords.wordShare * texts.length;
    const phrasesOfCommonWords = readable
      .filter(([pair, n]) => !chosen.has(pair) && n >= least(ofCommonWords.minPassages) && pair.split(' ').every(isCommonWord))
      .slice(0, MOST_COMMON_WORDS_PHRASES);
    return [...common, ...phrasesOfCommonWords].map(([term, n]) => ({ term, passages: Math.round((n * rows) / texts.length) }));
  },
  /**
   * Everything a word's list is made from: the `limit` best rows for the phrase `"word"` and their
   * sizes, how many rows match it, and the ids among them that are multiples of `every` (none: null).
   */
  readList(db: SqliteDb, word: string, limit: number, every: number | null): ListRead {
    const phrase = `"${word}"`;
    const { ids, n, sample } = isListedPhrase(word)
      ? (db.prepare(LIST_READ_SQL.phraseBestCountAndSample).get(phrase, limit, every ?? 0) as { ids: string; n: number; sample: string })
      : {
          ids: JSON.stringify(db.prepare(LIST_READ_SQL.bestIds).pluck().all(phrase, limit)),
          ...(db.prepare(LIST_READ_SQL.countAndSample).get(every ?? 0, phrase) as { n: number; sample: string }),
        };
    const sizes = db.prepare(LIST_READ_SQL.sizes).all(ids) as ListRead['sizes'];
    const bestRows = db.prepare(isListedPhrase(word) ? LIST_READ_SQL.counts : LIST_READ_SQL.columnScores).all(phrase, ids) as ListRead['best'];
    return { matches: n, sample: JSON.parse(sample), counted: isListedPhrase(word), best: bestRows, sizes };
  },
  lengths(db: SqliteDb, ids: number[]): Map<number, number> {
    const rows = db.prepare(LIST_READ_SQL.sizes).all(JSON.stringify(ids)) as { id: number; sz: Buffer }[];
    return new Map(rows.map((r) => [r.id, lengthOf(r.sz)]));
  },
  /**
   * For the refresh: a function giving how often a phrase occurs in each column of each of `ids` that
   * it matches now, as LIST_READ_SQL.counts reads them, but from a temporary index of those passages
   * alone (temporary-passage-index.ts; their rows as passage_fts reads them, from passage_fts_source):
   * each list's query reads a few rows, where LIST_READ_SQL.counts sought each id
   * in the whole index's lists (383 lists at 100,000 passages, 50 passages: 521-765 ms so, 57-234 here).
   */
  countsNow(db: SqliteDb, ids: number[]): (phrase: string) => Map<number, [number, number, number]> {
    const rows = db
      .prepare('SELECT id, text, speaker, title FROM passage_fts_source WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as IndexedPassage[];
    const now = temporaryPassageIndex(db, 'term_impact_now');
    now.fill(rows);
    const counts = db.prepare(`SELECT rowid AS id, ${countColumns(now.name)} FROM temp.${now.name} WHERE ${now.name} MATCH ?`);
    return (phrase) => new Map((counts.all(phrase) as ListRead['best']).map((r) => [r.id, [r.c0, r.c1, r.c2]]));
  },
  /**
   * For the refresh, `ids` as passage_fts held them before their first write since the last refresh
   * (TermImpactBefore, filled by the triggers): a function telling which of them matched a phrase
   * then, or null when one of them was not captured (it was pending before the capture existed). Read
   * by FTS5 itself, from a temporary index of those rows (temporary-passage-index.ts), so "matched"
   * means exactly what it means to passage_fts.
   */
  matchedBefore(db: SqliteDb, ids: number[]): ((phrase: string) => number[]) | null {
    const rows = db
      .prepare('SELECT passageId, indexed, text, speaker, title FROM TermImpactBefore WHERE passageId IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as { passageId: number; indexed: number; text: string; speaker: string; title: string }[];
    if (rows.length < ids.length) return null;
    const before = temporaryPassageIndex(db, 'term_impact_before');
    before.fill(rows.filter((row) => row.indexed).map((row) => ({ id: row.passageId, text: row.text, speaker: row.speaker, title: row.title })));
    const matched = db.prepare(`SELECT rowid FROM temp.${before.name} WHERE ${before.name} MATCH ?`).pluck();
    return (phrase) => matched.all(phrase) as number[];
  },
};

/** Statements a search runs (on any QueryDb, the reader's or Prisma's). */
export const termImpactReading = {
  /** Every listed word. */
  listedWords: () => Prisma.sql`SELECT term FROM TermImpactList`,
  /** The stored number of passages of `term`'s list (NULL while unknown), or no row when it has none. */
  listedPassages: (term: string) => Prisma.sql`SELECT passages FROM TermImpactList WHERE term = ${term}`,
  /** When the lists were built (it changes whenever they are built again), or no row when there are none. */
  buildTime: () => Prisma.sql`SELECT builtAt FROM TermImpactBuild WHERE id = 1`,
  /**
   * The list for `term` (id, floor, size, its stored count and sample's stride), the build's average
   * length, and whether any passage waits to be rescored.
   */
  list: (term: string) => Prisma.sql`
    SELECT l.id AS id, l.floor AS floor, l.passages AS passages, l.every AS every, b.averageLength AS averageLength, (SELECT count(*) FROM TermImpact t WHERE t.listId = l.id) AS size,
           EXISTS (SELECT 1 FROM TermImpactPending) AS pending, (SELECT block FROM passage_fts_data WHERE id = 1) AS totals
    FROM TermImpactList l, TermImpactBuild b WHERE l.term = ${term}`,
  /** A list's entries from `offset`, best first. */
  entries: (listId: number, offset: number, limit: number) => Prisma.sql`
    SELECT passageId, score, weight, length FROM TermImpact WHERE listId = ${listId}
    ORDER BY score DESC, passageId DESC LIMIT ${limit} OFFSET ${offset}`,
  /** A whole list's passages, best first, as one JSON array. */
  ids: (listId: number) => Prisma.sql`
    SELECT json_group_array(passageId) AS ids FROM (SELECT passageId FROM TermImpact WHERE listId = ${listId} ORDER BY score DESC, passageId DESC)`,
  /** The stored sample of `term`'s list (TermImpactSample) as one JSON array, with the list's stride. */
  sample: (term: string) => Prisma.sql`
    SELECT l.every AS every, (SELECT json_group_array(s.passageId) FROM TermImpactSample s WHERE s.listId = l.id) AS ids
    FROM TermImpactList l WHERE l.term = ${term}`,
  matchCount: (phrase: string) => Prisma.sql`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH ${phrase}`,
  /** Each of some passages' %_docsize record (its length in tokens: lengthOf). */
  sizes: (ids: readonly number[]) => Prisma.sql`SELECT id, sz FROM passage_fts_docsize WHERE id IN (${jsonIds(ids)})`,
  /**
   * bm25() of a phrase for some passages alone, by the search's weights. The unary plus keeps the ids
   * from FTS5, which walks the phrase's matches (a rare word's are few) and scores only these: given
   * the ids, it would take each as a query of its own and count the phrase's matches again for each.
   */
  scoresAmong: (phrase: string, ids: readonly number[]) => Prisma.sql`
    SELECT rowid AS id, bm25(passage_fts, ${Prisma.raw(`${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT}`)}) AS score
    FROM passage_fts WHERE passage_fts MATCH ${phrase} AND +rowid IN (${jsonIds(ids)})`,
  /**
   * Which of a few passages hold a phrase. Without the unary plus each id is a look-up of its own in
   * the phrase's list (15-50 µs each, scoring nothing), where a common word's whole list would be walked.
   */
  holding: (phrase: string, ids: readonly number[]) => Prisma.sql`
    SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ${phrase} AND rowid IN (${jsonIds(ids)})`,
  /** The same, walking the phrase's matches once (the unary plus keeps the ids from FTS5): cheaper where its matches are few. */
  holdingAmongMatches: (phrase: string, ids: readonly number[]) => Prisma.sql`
    SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ${phrase} AND +rowid IN (${jsonIds(ids)})`,
  /**
   * The same count, and in the same pass the ids of the matches that are multiples of `every` (a JSON
   * array): a count's sample (counting.ts), which a pass of its own would read the word's whole list
   * again for (`the` at 1,000,000 passages: 30 ms counted, 37 ms sampled, 40 ms both at once). With
   * `kept`, a condition on the index's row, also the ids of the matches meeting it (`kept`, else NULL).
   */
  matchCountAndSample: (phrase: string, every: number, kept: Prisma.Sql | null = null) => Prisma.sql`
    SELECT count(*) AS n, json_group_array(rowid) FILTER (WHERE rowid % ${every} = 0) AS sample,
           ${kept ? Prisma.sql`json_group_array(rowid) FILTER (WHERE ${kept})` : Prisma.sql`NULL`} AS kept
    FROM passage_fts WHERE passage_fts MATCH ${phrase}`,
};

export async function readTotals(db: QueryDb): Promise<IndexTotals> {
  const rows = await db.$queryRaw<{ block: Uint8Array }[]>`SELECT block FROM passage_fts_data WHERE id = 1`;
  return totalsOf(rows[0]?.block);
}
