// A listed word in half the passages or more (BM25 gives it FTS5's floor idf), OR'ed with rarer
// words, as a prefix stands for them (`was*`): its other alternatives are ranked alone
// (lib/search/top-k/others-alone.ts), and the best of them, scored whole, are exactly what FTS5's
// ranking of the whole expression puts first among the passages that have them: the same passages,
// order and scores (to the last bit), under filters, on deeper pages and after a fused head; the
// whole page too. A rarer word is left to the two passes of alternatives.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWriters, empty, idList, join, num, openReader, openWriter, readTotals, sql, type Reader, type Writer } from '@/lib/db';
import { filterSql, matchedRows } from '@/lib/search/filters';
import { countMatches, samplingOf, takenSample } from '@/lib/search/counting';
import { exactMatch, type LexicalMatch } from '@/lib/search/lexical-match';
import { rankEveryMatch, rankWindow } from '@/lib/search/lexical-search';
import { startReadingFacetColumns } from '@/lib/search/facet-columns';
import { initialismsOf, parseQuery } from '@/lib/search/query-parser';
import { listedWordOf } from '@/lib/search/top-k/alternatives';
import { FLOOR_IDF, idfOf } from '@/lib/search/top-k/bm25';
import { buildTermImpacts } from '@/lib/search/top-k/build';
import { othersRankedAlone } from '@/lib/search/top-k/others-alone';
import type { SearchRequest } from '@/lib/search/types';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 8000, seed: 11 });
let writer: Writer;
let reader: Reader;

beforeAll(async () => {
  writer = openWriter(corpus.file);
  writer.write((db) => buildTermImpacts(db, { minPassages: 320, listSize: 200 }));
  reader = openReader(corpus.file);
  await startReadingFacetColumns(reader);
});

afterAll(() => {
  reader?.close();
  writer?.close();
  closeWriters();
});

/** The most a word's part can add to any passage with FTS5's floor idf: termPart stays below k1 + 1 (2.2). */
const FLOOR_MOST = FLOOR_IDF * 2.2;

/** The listed words (commonest first) with their number of passages, and the index's row count. */
async function listedWords(): Promise<{ term: string; passages: number }[]> {
  const rows = await reader.$queryRaw<{ term: string; passages: number | bigint }[]>`
    SELECT term, passages FROM TermImpactList WHERE term NOT LIKE '% %' ORDER BY passages DESC`;
  return rows.map((row) => ({ term: row.term, passages: num(row.passages) }));
}

async function inHalfOrMore(): Promise<string[]> {
  const { rows } = await readTotals(reader);
  return (await listedWords()).filter((w) => idfOf(rows, w.passages) === FLOOR_IDF).map((w) => w.term);
}

/** Two rarer words of one passage that has `word` (each in 2-30 passages, no two of one stem): that passage holds the word and both. */
async function twoRareWordsBeside(word: string): Promise<{ passage: number; words: [string, string] } | null> {
  const texts = await reader.$queryRaw<{ id: number | bigint; text: string }[]>`
    SELECT rowid AS id, text FROM passage_fts WHERE passage_fts MATCH ${`"${word}"`} ORDER BY rowid LIMIT 300`;
  for (const { id, text } of texts) {
    const found: string[] = [];
    for (const candidate of new Set(text.toLowerCase().split(/[^\p{L}]+/u))) {
      if (candidate.length <= 4) continue;
      const [row] = await reader.$queryRaw<{ doc: number | bigint }[]>`SELECT doc FROM passage_words_fts_vocab WHERE term = ${candidate}`;
      const stems = reader.indexStems!([word, ...found, candidate]);
      if (row && num(row.doc) >= 2 && num(row.doc) <= 30 && new Set(stems).size === stems.length) found.push(candidate);
      if (found.length === 2) return { passage: num(id), words: [found[0], found[1]] };
    }
  }
  return null;
}

const FILTERS: (() => Partial<SearchRequest>)[] = [
  () => ({}),
  () => ({ kind: 'answer' }),
  () => ({ topic: corpus.plan.topics[1].slug }),
  () => ({ speaker: corpus.plan.speakers[2].slug }),
  () => ({ from: '2000', to: '2012' }),
];

async function matchOf(q: string): Promise<LexicalMatch> {
  return (await exactMatch(reader, parseQuery(q), initialismsOf(q)))!;
}

/**
 * FTS5's ranking of the whole expression among the passages with any other alternative (its raw
 * bm25(), flipped), the best `need` (after `exclude`) and every one tied with the last.
 */
async function expectedBest(match: LexicalMatch, others: string, request: SearchRequest, need: number, exclude: number[]): Promise<[number, number][]> {
  const withOthers = await reader.$queryRaw<{ id: number | bigint }[]>`SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ${others}`;
  const among = idList(withOthers.map((r) => num(r.id)));
  const ranked = await reader.$queryRaw<{ id: number | bigint; rank: number }[]>`
    SELECT x.id AS id, x.rank AS rank FROM (${matchedRows(match.expression, request, { withRank: true, filtered: true, among })}) x
    WHERE ${filterSql(request)} ${exclude.length > 0 ? sql`AND x.id NOT IN (${join(exclude)})` : empty}
    ORDER BY x.rank, x.publishedOn DESC, x.id, x.position`;
  let end = Math.min(need, ranked.length);
  while (end < ranked.length && ranked[end].rank === ranked[end - 1].rank) end += 1;
  return ranked.slice(0, end).map((r) => [num(r.id), -r.rank]);
}

describe('ranking the other alternatives of a word in half the passages alone', () => {
  it('gives exactly the passages, order and scores FTS5 ranks first among those with the others, under filters, deeper pages and after a fused head', async () => {
    const words = await inHalfOrMore();
    expect(words.length).toBeGreaterThan(2);
    const beside = await twoRareWordsBeside(words[0]);
    expect(beside).not.toBeNull();
    const rare = await reader.$queryRaw<{ term: string }[]>`
      SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 2 AND 30 AND length(term) > 4 ORDER BY doc DESC, term LIMIT 12`;
    // A word in more passages than the others' head holds (LONGEST_HEAD): the head is cut short.
    const [many] = await reader.$queryRaw<{ term: string }[]>`
      SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 1200 AND 2500 AND length(term) > 3 ORDER BY doc DESC, term LIMIT 1`;
    expect(many).toBeDefined();
    const queries = [
      ...words.slice(0, 6).map((word) => `${word}*`),
      ...words.slice(0, 4).map((word, i) => `${word} OR ${rare[i].term} OR ${rare[i + 4].term}`),
      `${words[0]} OR ${beside!.words[0]} OR ${beside!.words[1]}`,
      `${words[0]} OR ${many.term} OR ${rare[9].term}`,
    ];
    // A prefix standing for one word, or for more than the words searched one by one (FTS5's own
    // prefix then), is not this shape: the rest are.
    const shaped = [];
    for (const q of queries) {
      const match = await matchOf(q);
      const split = listedWordOf(match.expression);
      if (split?.others) shaped.push({ q, match, split: { word: split.word, others: split.others } });
    }
    expect(shaped.filter(({ q }) => q.endsWith('*')).length).toBeGreaterThanOrEqual(2);
    expect(shaped.length).toBeGreaterThanOrEqual(7);
    let cases = 0;
    let answered = 0;
    let withTwoOthers = 0;
    let withHeadCut = 0;
    for (const { q, match, split } of shaped) {
      for (const filters of FILTERS) {
        const request: SearchRequest = { q, page: 1, pageSize: 10, ...filters() };
        const first = await expectedBest(match, `(${split.others})`, request, 3, []);
        for (const { need, exclude } of [
          { need: 10, exclude: [] },
          { need: 30, exclude: [] },
          { need: 10, exclude: first.map(([id]) => id) },
        ]) {
          cases += 1;
          const got = await othersRankedAlone(reader, split.word, split.others, request, { need, exclude, wordPart: { idf: FLOOR_IDF, most: FLOOR_MOST } });
          if (!got) continue;
          answered += 1;
          const expected = await expectedBest(match, `(${split.others})`, request, need, exclude);
          expect(
            got.map((c) => [c.id, c.bm25]),
            `${q} ${JSON.stringify(filters())} need ${need}`,
          ).toEqual(expected);
          if (got.some((c) => c.id === beside!.passage)) withTwoOthers += 1;
          if (q.includes(` OR ${many.term} `)) withHeadCut += 1;
        }
      }
    }
    // Most cases answer here (a case may have more passages within reach of its page than it scores from their text).
    expect(answered).toBeGreaterThan(cases * 0.8);
    // The passage holding the word and two others, whose score is added up from FTS5's parts in FTS5's order, was among them.
    expect(withTwoOthers).toBeGreaterThan(0);
    // And the others' head, cut short at LONGEST_HEAD, answered too (its rows tied with the last left unread).
    expect(withHeadCut).toBeGreaterThan(0);
  }, 240_000);

  it('leaves a rarer word to the two passes, and answers the whole page exactly either way', async () => {
    const { rows } = await readTotals(reader);
    const rarer = (await listedWords()).find((w) => idfOf(rows, w.passages) > 0.5)!;
    const rare = await reader.$queryRaw<{ term: string }[]>`
      SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 2 AND 30 AND length(term) > 4 ORDER BY doc DESC, term LIMIT 2`;
    const q = `${rarer.term} OR ${rare[0].term} OR ${rare[1].term}`;
    const match = await matchOf(q);
    const split = listedWordOf(match.expression)!;
    const request: SearchRequest = { q, page: 1, pageSize: 10 };
    const idf = idfOf(rows, rarer.passages);
    expect(await othersRankedAlone(reader, split.word, split.others!, request, { need: 10, exclude: [], wordPart: { idf, most: idf * 2.2 } })).toBeNull();

    // The whole search, through the lists: the very page ranking every match gives, for both kinds of word.
    const [half] = await inHalfOrMore();
    for (const query of [`${half}*`, `${half} OR ${rare[0].term} OR ${rare[1].term}`, q]) {
      const whole = await matchOf(query);
      for (const filters of FILTERS) {
        const page: SearchRequest = { q: query, page: 1, pageSize: 10, ...filters() };
        for (const window of [
          { limit: 10, offset: 0 },
          { limit: 10, offset: 20 },
        ]) {
          expect(await rankWindow(reader, whole, page, window), `${query} ${JSON.stringify(filters())}`).toEqual(
            await rankEveryMatch(reader, whole, page, window),
          );
        }
      }
    }
  }, 240_000);

  it('takes the count’s sample of the whole expression beside the ranking: the same total and facets as the count’s own pass', async () => {
    const words = await inHalfOrMore();
    let sampled = 0;
    for (const word of words.slice(0, 6)) {
      const q = `${word}*`;
      for (const filters of FILTERS) {
        const request: SearchRequest = { q, page: 1, pageSize: 10, ...filters() };
        const ranked = await matchOf(q);
        if (!listedWordOf(ranked.expression)?.others) continue;
        const { every } = await samplingOf(reader, ranked, request);
        // The ranking takes the sample (of the word from its list, of the others in their own pass) for its match …
        await rankWindow(reader, ranked, request, { limit: 10, offset: 0 });
        if (every !== null) {
          expect(takenSample(ranked, request, every), `${q} ${JSON.stringify(filters())}`).not.toBeNull();
          sampled += 1;
        }
        // … and a match no ranking read is counted by the count's own pass over the whole expression.
        expect(await countMatches(reader, ranked, request), `${q} ${JSON.stringify(filters())}`).toEqual(await countMatches(reader, await matchOf(q), request));
      }
    }
    expect(sampled).toBeGreaterThan(3);
  }, 120_000);

  it('counts terms in a few passages as the index counts them, and leaves nothing behind', async () => {
    const rows = await reader.$queryRaw<{ id: number | bigint; text: string; speaker: string; title: string; c0: number; c1: number; c2: number }[]>`
      SELECT rowid AS id, text, speaker, title,
             length(highlight(passage_fts, 0, char(1), '')) - length(text) AS c0,
             coalesce(length(highlight(passage_fts, 1, char(1), '')) - length(speaker), 0) AS c1,
             coalesce(length(highlight(passage_fts, 2, char(1), '')) - length(title), 0) AS c2
      FROM passage_fts WHERE passage_fts MATCH '"of"' ORDER BY rowid LIMIT 30`;
    const passages = rows.map((row) => ({ id: num(row.id), columns: [row.text, row.speaker, row.title] as const }));
    for (let round = 0; round < 2; round++) {
      const counts = reader.passageTermCounts!(passages, ['of', 'zzzznotaterm']);
      for (const row of rows) {
        expect(counts.get(num(row.id))!.get('of'), String(row.id)).toEqual([row.c0, row.c1, row.c2]);
        expect(counts.get(num(row.id))!.has('zzzznotaterm')).toBe(false);
      }
    }
  });
});
