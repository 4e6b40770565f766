// The ranking lists (lib/search/top-k) give exactly the page FTS5's full ranking gives: the same
// passages in the same order with the same scores, for frequent words with and without filters, on
// pages 1 to 3, and again after edits through the real write path (text, speaker name, document
// title, deleted and added passages). Lists are built small here (a low frequency threshold, short
// lists) so that every way out is taken: a page from the list, a list that runs out, a bound that
// the average passage length has moved.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusPlan } from '@/bench/lib/corpus';
import { closeWriters, createPrismaClient, fullText, openReader, openWriter, sql, termImpactReading, type QueryDb, type Reader, type Writer } from '@/lib/db';
import { addPassage, deletePassage, updateDocumentFields, updatePassage, updateSpeaker } from '@/lib/editorial';
import { SYSTEM_EDITOR } from '@/lib/editorial/system-editor';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { exactMatch, relaxedMatch } from '@/lib/search/lexical-match';
import { rankEveryMatch, rankWindow } from '@/lib/search/lexical-search';
import { keptFacetColumns, startReadingFacetColumns } from '@/lib/search/facet-columns';
import { initialismsOf, parseQuery } from '@/lib/search/query-parser';
import { isStopWord } from '@/lib/search/stop-words';
import { buildTermImpacts, LONG_LIST_FACTOR, LONG_LIST_SHARE } from '@/lib/search/top-k/build';
import { bestFromHead, LONGEST_HEAD } from '@/lib/search/top-k/candidates';
import { rankFromIndexHead } from '@/lib/search/top-k/index-head';
import { rankFromLists } from '@/lib/search/top-k/rank';
import { rescored } from '@/lib/search/top-k/refresh';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';
import { MOST_COMMON_WORDS_PHRASES, PHRASE_SAMPLE, PHRASE_SAMPLE_MARGIN } from '@/lib/db/sqlite/term-impacts';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';
import { copyTemplate } from '@/tests/support/per-file-database';

const corpus = generatedCorpusForFile({ n: 3000, seed: 11 });
let plan: CorpusPlan;
let prisma: PrismaClient;
let writer: Writer;

beforeAll(() => {
  plan = corpus.plan;
  writer = openWriter(corpus.file);
  writer.write((db) => buildTermImpacts(db, { minPassages: 120, listSize: 80 }));
  prisma = createPrismaClient(`file:${corpus.file}`);
});

afterAll(async () => {
  await prisma?.$disconnect();
  writer?.close();
  closeWriters();
});

const one = async <T>(query: string): Promise<T> => ((await prisma.$queryRawUnsafe(query)) as T[])[0];

async function listedTerms(): Promise<string[]> {
  const rows = (await prisma.$queryRawUnsafe('SELECT term FROM TermImpactList ORDER BY id')) as { term: string }[];
  return rows.map((r) => r.term);
}
/** The listed words (commonest first). */
const listedWords = async () => (await listedTerms()).filter((term) => !term.includes(' '));
/** The listed phrases, as a reader types them (`"of the"`). */
const listedPhrases = async () => (await listedTerms()).filter((term) => term.includes(' ')).map((phrase) => `"${phrase}"`);
/** The share of the passages each stem of the index is in. */
async function stemShares(): Promise<(stem: string) => number> {
  const rows = Number((await one<{ n: bigint }>('SELECT count(*) AS n FROM Passage')).n);
  const docs = (await prisma.$queryRawUnsafe('SELECT term, doc FROM passage_fts_vocab')) as { term: string; doc: bigint }[];
  const shares = new Map(docs.map((r) => [r.term, Number(r.doc) / rows]));
  return (stem) => shares.get(stem) ?? 0;
}

async function someFilters(): Promise<Partial<SearchRequest>[]> {
  const doc = await one<{ slug: string }>("SELECT slug FROM Document WHERE status = 'published' ORDER BY id LIMIT 1 OFFSET 3");
  return [
    {},
    { kind: 'answer' },
    { kind: 'paragraph' },
    { topic: plan.topics[1].slug },
    { speaker: plan.speakers[2].slug },
    { from: '2000', to: '2012' },
    { topic: plan.topics[0].slug, kind: 'answer' },
    { document: doc.slug },
  ];
}

interface Comparison {
  cases: number;
  fromLists: number;
  mismatches: string[];
}

/**
 * Every listed word (and a few unlisted), every filter set, pages 1–3 and a page after a fused head;
 * on `db` (Prisma's client by default; lib/db's reader, which also knows the index's stems).
 */
async function compareAll(words: string[], db: QueryDb = prisma): Promise<Comparison> {
  const result: Comparison = { cases: 0, fromLists: 0, mismatches: [] };
  const filters = await someFilters();
  for (const word of words) {
    const match = await exactMatch(db, parseQuery(word), initialismsOf(word));
    if (!match) continue;
    for (const filter of filters) {
      const request: SearchRequest = { q: word, page: 1, pageSize: 10, ...filter };
      const reference = await rankEveryMatch(db, match, request, { limit: 30, offset: 0 });
      const windows = [
        { limit: 10, offset: 0 },
        { limit: 10, offset: 10 },
        { limit: 10, offset: 20 },
        { limit: 10, offset: 0, exclude: reference.slice(0, 3).map((r) => r.id) },
      ];
      for (const window of windows) {
        result.cases += 1;
        if (await rankFromLists(db, match, request, window)) result.fromLists += 1;
        const expected = await rankEveryMatch(db, match, request, window);
        const got = await rankWindow(db, match, request, window);
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          result.mismatches.push(`${word} ${JSON.stringify(filter)} ${JSON.stringify(window)}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
        }
      }
    }
  }
  return result;
}

const pending = async () => Number((await one<{ n: bigint }>('SELECT count(*) AS n FROM TermImpactPending')).n);
const version = async (documentId: number) => (await one<{ version: number }>(`SELECT version FROM Document WHERE id = ${documentId}`)).version;

// Before the edits below: one leaves a passage waiting to be rescored, and no list answers then.
describe('one ranking list per stem', () => {
  let reader: Reader;
  beforeAll(() => {
    reader = openReader(corpus.file);
  });
  afterAll(() => reader?.close());

  /** Words of the passages' text, each with the stem the passage index holds it as. */
  async function formsWithStems(): Promise<{ form: string; stem: string }[]> {
    const rows = (await prisma.$queryRawUnsafe('SELECT term FROM passage_words_fts_vocab WHERE doc >= 2 ORDER BY doc DESC, term')) as { term: string }[];
    const stems = reader.indexStems!(rows.map((r) => r.term));
    return rows.map((r, i) => ({ form: r.term, stem: stems[i] }));
  }

  it('keeps one list for each stem in enough passages, under its commonest form', async () => {
    const words = await listedWords();
    const stems = reader.indexStems!(words);
    expect(new Set(stems).size).toBe(words.length);
    const frequent = (await prisma.$queryRawUnsafe('SELECT term FROM passage_fts_vocab WHERE doc >= 120')) as { term: string }[];
    const forms = await formsWithStems();
    const withForm = frequent.filter(({ term }) => forms.some((f) => f.stem === term));
    expect(new Set(stems)).toEqual(new Set(withForm.map((r) => r.term)));
    // Each under the first of its forms in the word list's order (commonest first).
    for (const [i, word] of words.entries()) expect(word).toBe(forms.find((f) => f.stem === stems[i])!.form);
    // Stems whose forms are each rarer than a list needs, which lists kept per form missed.
    const rareForms = (await prisma.$queryRawUnsafe('SELECT term, doc FROM passage_words_fts_vocab')) as { term: string; doc: bigint }[];
    const formPassages = new Map(rareForms.map((r) => [r.term, Number(r.doc)]));
    expect(words.filter((word) => formPassages.get(word)! < 120).length).toBeGreaterThan(0);
  });

  it('ranks another form of a listed stem from that stem’s list, exactly as FTS5 ranks the form', async () => {
    const listed = new Set(await listedWords());
    const listedStems = new Set(reader.indexStems!([...listed]));
    const others = (await formsWithStems()).filter(({ form, stem }) => listedStems.has(stem) && !listed.has(form)).map(({ form }) => form);
    expect(others.length).toBeGreaterThan(3);
    const result = await compareAll(others.slice(0, 8), reader);
    expect(result.mismatches).toEqual([]);
    expect(result.fromLists).toBeGreaterThan(result.cases / 3);
    // Without the reader's stems, the same forms find no list.
    const withoutStems = await compareAll(others.slice(0, 2), { $queryRaw: reader.$queryRaw });
    expect(withoutStems.fromLists).toBe(0);
  }, 240_000);
});

describe('ranking lists of frequent phrases', () => {
  it('lists the phrases of two different stems in enough passages, and no phrase whose instances overlap', async () => {
    const phrases = await listedPhrases();
    expect(phrases.length).toBeGreaterThan(5);
    // The commonest stems' pairs, counted whole: the ten commonest of them are listed (at most
    // MOST_PHRASES are), and every phrase listed is in about as many passages as a list needs or more.
    const stems = ((await prisma.$queryRawUnsafe('SELECT term FROM passage_fts_vocab ORDER BY doc DESC, term LIMIT 8')) as { term: string }[]).map(
      (r) => r.term,
    );
    const passagesWith = async (phrase: string) =>
      Number((await one<{ n: bigint }>(`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH '${phrase}'`)).n);
    const pairs = stems.flatMap((a) => stems.filter((b) => b !== a).map((b) => `"${a} ${b}"`));
    const counted = await Promise.all(pairs.map(async (pair) => ({ pair, n: await passagesWith(pair) })));
    const commonest = counted.sort((x, y) => y.n - x.n).slice(0, 10);
    expect(commonest.at(-1)!.n).toBeGreaterThan(150);
    for (const { pair } of commonest) expect(phrases, pair).toContain(pair);
    // In about as many passages as a list needs (120), or, two words each in about half the passages,
    // in about as many as a list holds (80: COMMON_WORDS_PHRASE_SHARE of 3,000 passages is fewer).
    const share = await stemShares();
    for (const phrase of phrases) {
      const [a, b] = phrase.slice(1, -1).split(' ');
      expect(a, phrase).not.toBe(b);
      const ofCommonWords = share(a) > 0.45 && share(b) > 0.45;
      expect(await passagesWith(phrase), phrase).toBeGreaterThan(0.6 * (ofCommonWords ? 80 : 120));
    }
  });

  it('lists a phrase of two words each in half the passages in fewer passages than the commonest need, and no other', async () => {
    const phrases = await listedPhrases();
    // The build reads every k-th passage's text (PHRASE_SAMPLE of them) and takes a phrase that sample
    // puts at PHRASE_SAMPLE_MARGIN of a line or more: its lines are read here the same way, from the
    // index, so that the phrases between them are known exactly (120 passages for the commonest, 80,
    // a list's size, for those of common words).
    const rows = Number((await one<{ n: bigint }>('SELECT count(*) AS n FROM Passage')).n);
    const every = Math.ceil(rows / PHRASE_SAMPLE);
    const sampled = Number((await one<{ n: bigint }>(`SELECT count(*) AS n FROM Passage WHERE id % ${every} = 0`)).n);
    const line = (passages: number) => (PHRASE_SAMPLE_MARGIN * sampled * passages) / rows;
    const inSample = async (expression: string) =>
      Number((await one<{ n: bigint }>(`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH 'text : ${expression}' AND rowid % ${every} = 0`)).n);
    const stems = ((await prisma.$queryRawUnsafe('SELECT term FROM passage_fts_vocab ORDER BY doc DESC, term LIMIT 30')) as { term: string }[]).map(
      (r) => r.term,
    );
    const stemShare = new Map(await Promise.all(stems.map(async (stem) => [stem, (await inSample(`"${stem}"`)) / sampled] as const)));
    const pairs = stems.flatMap((a) => stems.filter((b) => b !== a).map((b) => ({ pair: `"${a} ${b}"`, a, b })));
    const counted = await Promise.all(pairs.map(async (p) => ({ ...p, n: await inSample(p.pair) })));
    const between = counted.filter(({ n }) => n >= line(80) && n < line(120));
    const ofCommonWords = between.filter(({ a, b }) => stemShare.get(a)! >= 0.5 && stemShare.get(b)! >= 0.5);
    const ofRarerWord = between.filter(({ a, b }) => Math.min(stemShare.get(a)!, stemShare.get(b)!) < 0.5);
    expect(ofCommonWords.length).toBeGreaterThan(0);
    expect(ofRarerWord.length).toBeGreaterThan(0);
    // Fewer than the rules' caps, which would leave the rarest out.
    expect(phrases.length).toBeLessThan(48 + MOST_COMMON_WORDS_PHRASES);
    for (const { pair } of ofCommonWords) expect(phrases, pair).toContain(pair);
    for (const { pair } of ofRarerWord) expect(phrases, pair).not.toContain(pair);
  });

  it('gives exactly FTS5’s page for a listed phrase: same passages, order and scores, with and without filters, pages 1–3', async () => {
    const phrases = await listedPhrases();
    const result = await compareAll(phrases);
    expect(result.mismatches).toEqual([]);
    expect(result.fromLists).toBeGreaterThan(result.cases / 3);
  }, 240_000);
});

describe('ranking from impact-ordered lists', () => {
  it('built lists for the frequent words, each best first, with floors where a list stops short', async () => {
    const words = await listedWords();
    expect(words.length).toBeGreaterThan(30);
    const cut = await one<{ n: bigint }>('SELECT count(*) AS n FROM TermImpactList WHERE floor > 0');
    expect(Number(cut.n)).toBeGreaterThan(10);
    // 80 entries at most, and four times as many for a word in a fifth of the passages or more.
    const lists = (await prisma.$queryRawUnsafe(
      `SELECT l.term AS term, l.floor AS floor, (SELECT count(*) FROM TermImpact t WHERE t.listId = l.id) AS n FROM TermImpactList l`,
    )) as { term: string; floor: number; n: bigint }[];
    const rows = Number((await one<{ n: bigint }>('SELECT count(*) AS n FROM Passage')).n);
    const passagesWith = async (term: string) =>
      Number((await one<{ n: bigint }>(`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH '"${term}"'`)).n);
    let long = 0;
    for (const list of lists) {
      const limit = !list.term.includes(' ') && (await passagesWith(list.term)) >= LONG_LIST_SHARE * rows ? LONG_LIST_FACTOR * 80 : 80;
      if (limit > 80) long += 1;
      // A list cut short of its word's passages keeps exactly its limit; one that holds them all, at most that.
      if (list.floor > 0) expect(Number(list.n), list.term).toBe(limit);
      else expect(Number(list.n), list.term).toBeLessThanOrEqual(limit);
    }
    expect(long).toBeGreaterThan(5);
    expect(long).toBeLessThan(lists.length / 2);
  });

  it('gives exactly FTS5’s page: same passages, order and scores, with and without filters, pages 1–3', async () => {
    const words = await listedWords();
    const result = await compareAll([...words, 'nonexistentword']);
    expect(result.mismatches).toEqual([]);
    expect(result.cases).toBeGreaterThan(1000);
    // Most pages came from the lists (the rest: a filter or page the short lists cannot fill).
    expect(result.fromLists).toBeGreaterThan(result.cases / 3);
    expect(result.fromLists).toBeLessThan(result.cases);
  }, 240_000);

  it('fills a filtered page from past the plain size of a commonest word’s longer list, exactly as FTS5 does', async () => {
    // The words in a fifth of the passages or more keep 320 entries here, the others 80. A topic keeping
    // a few percent of such a word's passages fills a page only from beyond the 80th entry: the list
    // answers it, with FTS5's own page, where a list of 80 would leave it to the old way. On Prisma's
    // client, and on a reader keeping the facet columns, which the walk reads as far as they say.
    const long = (await prisma.$queryRawUnsafe(
      'SELECT l.id AS id, l.term AS term FROM TermImpactList l WHERE (SELECT count(*) FROM TermImpact t WHERE t.listId = l.id) > 80 ORDER BY l.id LIMIT 6',
    )) as { id: bigint; term: string }[];
    expect(long.length).toBe(6);
    const filters: Partial<SearchRequest>[] = [...plan.topics.map((topic) => ({ topic: topic.slug })), { topic: plan.topics[0].slug, kind: 'paragraph' }];
    const reader = openReader(corpus.file);
    await startReadingFacetColumns(reader);
    expect(keptFacetColumns(reader)).not.toBeNull();
    const deep = new Map<QueryDb, number>([
      [prisma, 0],
      [reader, 0],
    ]);
    for (const db of deep.keys())
      for (const { id, term } of long) {
        const entries = (await prisma.$queryRawUnsafe(`SELECT passageId FROM TermImpact WHERE listId = ${id} ORDER BY score DESC, passageId DESC`)) as {
          passageId: bigint;
        }[];
        const place = new Map(entries.map((e, i) => [Number(e.passageId), i]));
        const match = (await exactMatch(db, parseQuery(term), new Set()))!;
        for (const filter of filters) {
          const request: SearchRequest = { q: term, page: 1, pageSize: 10, ...filter };
          const window = { limit: 10, offset: 0 };
          const page = await rankFromLists(db, match, request, window);
          if (!page) continue;
          const expected = await rankEveryMatch(db, match, request, window);
          expect(
            page.map((p) => p.id),
            `${term} ${JSON.stringify(filter)}`,
          ).toEqual(expected.map((p) => p.id));
          expect(JSON.stringify(await rankWindow(db, match, request, window))).toBe(JSON.stringify(expected));
          if (page.some((p) => (place.get(p.id) ?? 0) >= 80)) deep.set(db, deep.get(db)! + 1);
        }
      }
    // Every filter set, pages 1–3 and a page after a fused head, on the reader keeping the columns.
    const withColumns = await compareAll(
      long.map(({ term }) => term),
      reader,
    );
    reader.close();
    expect(withColumns.mismatches).toEqual([]);
    expect(withColumns.fromLists).toBeGreaterThan(withColumns.cases / 3);
    expect(deep.get(prisma)).toBeGreaterThan(10);
    expect(deep.get(reader)).toBe(deep.get(prisma));
  }, 120_000);

  it('gives exactly FTS5’s page for a listed word OR’ed with rarer words, and for prefixes that stand for them', async () => {
    const words = await listedWords();
    const rare = (await prisma.$queryRawUnsafe(
      'SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 2 AND 30 AND length(term) > 4 ORDER BY doc DESC, term LIMIT 40',
    )) as { term: string }[];
    const rareWord = (i: number) => rare[i % rare.length].term;
    const queries = words
      .slice(0, 12)
      .flatMap((word, i) => [
        `${word} OR ${rareWord(i)}`,
        `${word} OR ${rareWord(i + 1)} OR ${rareWord(i + 2)} OR "${rareWord(i + 3)} ${rareWord(i + 4)}"`,
        `${word}*`,
      ]);
    // Two listed words (the second's passages all scored by FTS5), and the listed word not first (FTS5
    // would add the phrases in another order: the old way ranks it).
    queries.push(`${words[0]} OR ${words[1]}`, `${rareWord(5)} OR ${words[0]}`);
    const result = await compareAll(queries);
    expect(result.mismatches).toEqual([]);
    const ored = await compareAll(queries.filter((q) => q.includes(' OR ')));
    expect(ored.fromLists).toBeGreaterThan(ored.cases / 4);
  }, 240_000);

  it('gives exactly FTS5’s page for a listed word OR’ed with a word many of its passages also have: only the best of those are scored beside the list', async () => {
    // More passages with both words than the deepest page needs (30): those not among the best are
    // left to the list's walk, which scores them for the listed word alone, and must never place them.
    const words = (await listedWords()).slice(0, 4);
    const middling = (await prisma.$queryRawUnsafe(
      'SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 60 AND 150 AND length(term) > 4 ORDER BY doc DESC, term LIMIT 8',
    )) as { term: string }[];
    const queries = words.flatMap((word, i) => [`${word} OR ${middling[i * 2].term}`, `${word} OR ${middling[i * 2 + 1].term}`]);
    const both = await Promise.all(
      queries.map(async (q) => {
        const [word, other] = q.split(' OR ');
        return Number((await one<{ n: bigint }>(`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH '"${word}" AND "${other}"'`)).n);
      }),
    );
    expect(Math.max(...both)).toBeGreaterThan(30);
    const result = await compareAll(queries);
    expect(result.mismatches).toEqual([]);
    expect(result.fromLists).toBeGreaterThan(result.cases / 4);
  }, 240_000);

  it('gives exactly FTS5’s page for two listed words OR’ed: the passages with the second alone ranked from its own list', async () => {
    // On a reader keeping the facet columns (the walk under filters reads as far as they say), its
    // statements counted: the look-ups of which passages hold the first word are the second list's
    // walk; a pass of FTS5 over `(second) NOT "first"` is the old way, taken where the walk gives up.
    const reader = openReader(corpus.file);
    await startReadingFacetColumns(reader);
    expect(keptFacetColumns(reader)).not.toBeNull();
    // Looked up one by one or walked (rank.ts chooses by the word's count): either is the second list's walk.
    const holdingSqls = new Set([termImpactReading.holding('"x"', [1]).sql, termImpactReading.holdingAmongMatches('"x"', [1]).sql]);
    let lookups = 0;
    let notPasses = 0;
    const run = reader.$queryRaw;
    (reader as { $queryRaw: QueryDb['$queryRaw'] }).$queryRaw = ((query: Parameters<QueryDb['$queryRaw']>[0], ...values: unknown[]) => {
      // A Prisma.Sql carries its values; a tagged template's come beside its strings.
      const statement = query as { sql?: string; values?: unknown[] };
      const given = typeof statement.sql === 'string' ? statement.values! : values;
      if (statement.sql !== undefined && holdingSqls.has(statement.sql)) lookups += 1;
      if (given.some((value) => typeof value === 'string' && /\) NOT "/.test(value))) notPasses += 1;
      return run(query, ...values);
    }) as QueryDb['$queryRaw'];
    try {
      const words = await listedWords();
      const passagesWith = async (word: string) =>
        Number((await one<{ n: bigint }>(`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH '"${word}"'`)).n);
      const counts = await Promise.all(words.map(passagesWith));
      const rows = Number((await one<{ n: bigint }>('SELECT count(*) AS n FROM Passage')).n);
      // The first word in fewer than half the passages (in more, others-alone.ts ranks the others in one
      // pass); the second in at most half as many as the first (under the cost cap: FTS5 would rank
      // them) and in more than half as many (over it: only a list ranks them, else every match is ranked).
      const first = words.map((word, i) => ({ word, i })).filter(({ i }) => counts[i] * 2 < rows);
      const pairs = (fits: (other: number, word: number) => boolean) =>
        first.slice(0, 6).flatMap(({ word, i }) =>
          words
            .filter((other, j) => other !== word && fits(counts[j], counts[i]))
            .slice(0, 2)
            .map((other) => `${word} OR ${other}`),
        );
      const underCap = pairs((other, word) => other * 2 <= word);
      const overCap = pairs((other, word) => other * 2 > word && other <= word);
      expect(underCap.length).toBeGreaterThan(6);
      expect(overCap.length).toBeGreaterThan(6);
      for (const queries of [underCap, overCap]) {
        lookups = 0;
        notPasses = 0;
        const result = await compareAll(queries, reader);
        expect(result.mismatches).toEqual([]);
        expect(result.fromLists).toBeGreaterThan(result.cases / 4);
        // The second list's walk ran, and answered far more often than it gave up to FTS5.
        expect(lookups).toBeGreaterThan(result.cases / 4);
        expect(notPasses).toBeLessThan(lookups / 4);
      }
    } finally {
      reader.close();
    }
  }, 240_000);

  it('finds the same passages holding a word whether it looks each up or walks the word’s matches', async () => {
    const words = await listedWords();
    const ids = ((await prisma.$queryRawUnsafe('SELECT id FROM Passage ORDER BY id')) as { id: bigint }[]).map((row) => Number(row.id));
    for (const word of [words[0], words[Math.floor(words.length / 2)], words.at(-1)!]) {
      const phrase = `"${word}"`;
      const holding = new Set(
        ((await prisma.$queryRawUnsafe(`SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH '${phrase}'`)) as { id: bigint }[]).map((row) =>
          Number(row.id),
        ),
      );
      // Every third passage, so that some hold the word and some do not.
      const some = ids.filter((_, i) => i % 3 === 0);
      const expected = some.filter((id) => holding.has(id)).sort((a, b) => a - b);
      expect(expected.length).toBeGreaterThan(0);
      expect(expected.length).toBeLessThan(some.length);
      for (const statement of [termImpactReading.holding(phrase, some), termImpactReading.holdingAmongMatches(phrase, some)]) {
        const found = (await prisma.$queryRaw<{ id: bigint }[]>(statement)).map((row) => Number(row.id)).sort((a, b) => a - b);
        expect(found).toEqual(expected);
      }
    }
  });

  it('gives exactly FTS5’s page from the head of the index’s ranking for searches no list answers, unfiltered or by kind', async () => {
    const words = await listedWords();
    const queries = words
      .slice(0, 10)
      .flatMap((word, i) => [`"${word} ${words[i + 1]}"`, `${word} ${words[i + 2]}`, `${word} ${words[i + 3]} -${words[i + 4]}`, `${word.slice(0, 2)}*`]);
    const result = await compareAll(queries);
    expect(result.mismatches).toEqual([]);
    const doc = await one<{ slug: string }>("SELECT slug FROM Document WHERE status = 'published' ORDER BY id LIMIT 1");
    let fromHead = 0;
    let fromHeadOfKind = 0;
    let unfiltered = 0;
    for (const q of queries) {
      const match = (await exactMatch(prisma, parseQuery(q), new Set()))!;
      for (const window of [
        { limit: 10, offset: 0 },
        { limit: 10, offset: 20 },
        { limit: 100, offset: 0 },
      ]) {
        unfiltered += 1;
        if (await rankFromIndexHead(prisma, match, { q, page: 1, pageSize: 10 }, window)) fromHead += 1;
      }
      // A kind is checked on the head's rows (compareAll checked those pages); a topic, a speaker or one
      // document is not: the head does not answer.
      if (await rankFromIndexHead(prisma, match, { q, page: 1, pageSize: 10, kind: 'answer' }, { limit: 10, offset: 0 })) fromHeadOfKind += 1;
      for (const filter of [{ topic: plan.topics[0].slug }, { speaker: plan.speakers[2].slug }, { document: doc.slug }]) {
        expect(await rankFromIndexHead(prisma, match, { q, page: 1, pageSize: 10, ...filter }, { limit: 10, offset: 0 })).toBeNull();
      }
    }
    expect(fromHead).toBeGreaterThan(unfiltered / 2);
    expect(fromHeadOfKind).toBeGreaterThan(queries.length / 2);
  }, 240_000);

  it('stays exact after edits through the write path, which rescores what they touched', async () => {
    const words = await listedWords();
    const [w0, w1, w2] = words;
    /** The published passage at `offset` (by id), its text replaced through the write path. */
    const rewrite = async (offset: number, text: string) => {
      const row = await one<{ id: number; documentId: number; anchor: number }>(
        `SELECT p.id, p.documentId, p.anchor FROM Passage p JOIN Document d ON d.id = p.documentId WHERE d.status = 'published' ORDER BY p.id LIMIT 1 OFFSET ${offset}`,
      );
      await updatePassage(SYSTEM_EDITOR, { documentId: row.documentId, expectedVersion: await version(row.documentId), anchor: row.anchor, text }, { writer });
      return row;
    };
    // A passage made to use the commonest word forty times: it must enter that word's list, at its head.
    const passage = await rewrite(500, `${`${w0} `.repeat(40)}${w1} ${w2}.`);
    // One passage: rescored before the save returned.
    expect(await pending()).toBe(0);
    const top = await rankWindow(prisma, (await exactMatch(prisma, parseQuery(w0), new Set()))!, { q: w0, page: 1, pageSize: 10 }, { limit: 10, offset: 0 });
    expect(top.map((t) => t.id)).toContain(passage.id);
    // Another made to use the commonest listed phrase twenty times: it must enter that phrase's list, at its head.
    const [phrase] = await listedPhrases();
    const phrased = await rewrite(600, `${`${phrase.slice(1, -1)} `.repeat(20)}end.`);
    expect(await pending()).toBe(0);
    const phraseMatch = (await exactMatch(prisma, parseQuery(phrase), new Set()))!;
    const phraseTop = await rankFromLists(prisma, phraseMatch, { q: phrase, page: 1, pageSize: 10 }, { limit: 10, offset: 0 });
    expect(phraseTop?.map((t) => t.id)).toContain(phrased.id);

    // The best passage of a list loses its words.
    const best = await one<{ passageId: number }>('SELECT passageId FROM TermImpact WHERE listId = 2 ORDER BY score DESC LIMIT 1');
    const bestRow = await one<{ documentId: number; anchor: number }>(`SELECT documentId, anchor FROM Passage WHERE id = ${best.passageId}`);
    await updatePassage(
      SYSTEM_EDITOR,
      { documentId: bestRow.documentId, expectedVersion: await version(bestRow.documentId), anchor: bestRow.anchor, text: 'Quiet.' },
      { writer },
    );

    // A speaker renamed to frequent words, a document retitled with them: every passage of each is rescored.
    const speaker = plan.speakers[2];
    const speakerVersion = (await one<{ version: number }>(`SELECT version FROM Speaker WHERE id = ${speaker.id}`)).version;
    await updateSpeaker(SYSTEM_EDITOR, { id: speaker.id, expectedVersion: speakerVersion, name: `${w1} ${w2} ${w1}` }, { writer });
    const doc = await one<{ id: number }>("SELECT id FROM Document WHERE status = 'published' ORDER BY id LIMIT 1 OFFSET 7");
    await updateDocumentFields(SYSTEM_EDITOR, { id: doc.id, expectedVersion: await version(doc.id), title: `${w0} ${w0} ${w2}` }, { writer });

    // A passage deleted, one added.
    const gone = await one<{ documentId: number; anchor: number }>(
      "SELECT p.documentId, p.anchor FROM Passage p JOIN Document d ON d.id = p.documentId WHERE d.status = 'published' ORDER BY p.id LIMIT 1 OFFSET 900",
    );
    await deletePassage(SYSTEM_EDITOR, { documentId: gone.documentId, expectedVersion: await version(gone.documentId), anchor: gone.anchor }, { writer });
    await addPassage(
      SYSTEM_EDITOR,
      { documentId: doc.id, expectedVersion: await version(doc.id), afterAnchor: null, kind: 'paragraph', text: `${w2} ${w2} ${w1}` },
      { writer },
    );
    // The speaker's and the document's many passages may still be rescoring in the background.
    await rescored(writer.file);
    expect(await pending()).toBe(0);

    const result = await compareAll(words.slice(0, 25));
    expect(result.mismatches).toEqual([]);
    expect(result.fromLists).toBeGreaterThan(result.cases / 3);
    const phrases = await compareAll((await listedPhrases()).slice(0, 6));
    expect(phrases.mismatches).toEqual([]);
    expect(phrases.fromLists).toBeGreaterThan(phrases.cases / 3);
  }, 240_000);

  it('while a passage waits to be rescored (a write outside the write path), ranks the old way, still exactly', async () => {
    const [w0] = await listedWords();
    const id = (await one<{ id: number }>('SELECT id FROM Passage ORDER BY id LIMIT 1 OFFSET 42')).id;
    await prisma.$executeRawUnsafe(`UPDATE Passage SET text = '${`${w0} `.repeat(40)}' WHERE id = ${id}`);
    expect(await pending()).toBe(1);
    const match = (await exactMatch(prisma, parseQuery(w0), new Set()))!;
    const request: SearchRequest = { q: w0, page: 1, pageSize: 10 };
    expect(await rankFromLists(prisma, match, request, { limit: 10, offset: 0 })).toBeNull();
    const page = await rankWindow(prisma, match, request, { limit: 10, offset: 0 });
    expect(page).toEqual(await rankEveryMatch(prisma, match, request, { limit: 10, offset: 0 }));
    expect(page.map((p) => p.id)).toContain(id);
  });
});

/**
 * Published documents of passages that all read `text` (so they score alike), each document's
 * `count` passages from id base + `first` on, base being past every passage there is; returns base.
 */
async function insertTiedPassages(text: string, docs: { id: number; slug: string; on: string; first: number; count: number }[]): Promise<number> {
  const base = Number((await one<{ n: bigint }>('SELECT max(id) AS n FROM Passage')).n) + 1000;
  for (const doc of docs) {
    await prisma.$executeRawUnsafe(
      `INSERT INTO Document (id, slug, kind, title, publishedOn, publishedUntil, datePrecision, status, updatedAt)
       VALUES (${doc.id}, '${doc.slug}', 'testimony', 'Tied Notes ${doc.on}', '${doc.on}', '${doc.on}', 'day', 'published', '2026-01-01T00:00:00.000+00:00')`,
    );
    await prisma.$executeRawUnsafe(
      `WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${doc.count - 1})
       INSERT INTO Passage (id, documentId, position, anchor, kind, text, createdAt, updatedAt)
       SELECT ${base + doc.first} + i, ${doc.id}, i + 1, i + 1, 'paragraph', '${text}', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00' FROM n`,
    );
  }
  return base;
}

describe('ranking from the head of the index when the passages tie', () => {
  it('does not decide a page from rows tied with the last one read: the newer document’s tied passages come first', async () => {
    // Eighty passages scoring exactly alike ("Yes." answers are like this): fifty in an older document,
    // thirty in a newer one with higher ids. The first forty of the head looked up are all ties; the
    // page is the newer document's, which those forty may not even contain.
    const base = Number((await one<{ n: bigint }>('SELECT max(id) AS n FROM Passage')).n) + 1000;
    const docs = [
      { id: 900001, slug: 'tied-older', title: 'Tied Notes Older', on: '2001-01-01', count: 50 },
      { id: 900002, slug: 'tied-newer', title: 'Tied Notes Newer', on: '2002-01-01', count: 30 },
    ];
    let next = base;
    for (const doc of docs) {
      await prisma.$executeRawUnsafe(
        `INSERT INTO Document (id, slug, kind, title, publishedOn, publishedUntil, datePrecision, status, updatedAt)
         VALUES (${doc.id}, '${doc.slug}', 'testimony', '${doc.title}', '${doc.on}', '${doc.on}', 'day', 'published', '2026-01-01T00:00:00.000+00:00')`,
      );
      for (let i = 0; i < doc.count; i++, next++) {
        await prisma.$executeRawUnsafe(
          `INSERT INTO Passage (id, documentId, position, anchor, kind, text, createdAt, updatedAt)
           VALUES (${next}, ${doc.id}, ${i + 1}, ${i + 1}, 'paragraph', 'Zorbl, yes.', '2026-01-01T00:00:00.000+00:00', '2026-01-01T00:00:00.000+00:00')`,
        );
      }
    }
    try {
      const match = (await exactMatch(prisma, parseQuery('zorbl'), new Set()))!;
      const request: SearchRequest = { q: 'zorbl', page: 1, pageSize: 10 };
      for (const window of [
        { limit: 10, offset: 0 },
        { limit: 10, offset: 25 },
      ]) {
        const expected = await rankEveryMatch(prisma, match, request, window);
        expect(new Set(expected.map((e) => e.score)).size).toBe(1);
        expect(await rankWindow(prisma, match, request, window)).toEqual(expected);
      }
      const first = await rankWindow(prisma, match, request, { limit: 10, offset: 0 });
      expect(first.map((hit) => hit.id)).toEqual(Array.from({ length: 10 }, (_, i) => base + 50 + i));
    } finally {
      await prisma.$executeRawUnsafe(`DELETE FROM Passage WHERE id >= ${base}`);
      await prisma.$executeRawUnsafe('DELETE FROM Document WHERE id IN (900001, 900002)');
    }
  });

  it('decides no page from a head that ends in a tie: with more tied passages than the head holds, ranks the old way', async () => {
    // 1,050 passages scoring alike: 1,000 in an older document, then 50 with higher ids in a newer one.
    // The head of 1,000 rows ends among them, so none of its rows is sure: the page is the newer
    // document's, whose passages the head may not hold.
    const base = await insertTiedPassages('Quorbl, yes.', [
      { id: 900003, slug: 'tied-many-older', on: '2003-01-01', first: 0, count: 1000 },
      { id: 900004, slug: 'tied-many-newer', on: '2004-01-01', first: 1000, count: 50 },
    ]);
    try {
      const match = (await exactMatch(prisma, parseQuery('quorbl'), new Set()))!;
      const request: SearchRequest = { q: 'quorbl', page: 1, pageSize: 10 };
      const window = { limit: 10, offset: 0 };
      expect(await rankFromIndexHead(prisma, match, request, window)).toBeNull();
      const expected = await rankEveryMatch(prisma, match, request, window);
      expect(expected.map((hit) => hit.id)).toEqual(Array.from({ length: 10 }, (_, i) => base + 1000 + i));
      expect(await rankWindow(prisma, match, request, window)).toEqual(expected);
    } finally {
      await prisma.$executeRawUnsafe(`DELETE FROM Passage WHERE id >= ${base}`);
      await prisma.$executeRawUnsafe('DELETE FROM Document WHERE id IN (900003, 900004)');
    }
  });
});

describe('the head read short first', () => {
  /** bestFromHead over the index's real ranking of `expression`, with the limit of every head it read. */
  async function headsRead(expression: string, request: SearchRequest, need = 10) {
    const limits: number[] = [];
    const readHead = (limit: number) => {
      limits.push(limit);
      return prisma.$queryRaw<{ id: number | bigint; score: number }[]>(fullText.bestMatches!(expression, limit));
    };
    const shown = await bestFromHead(prisma, expression, readHead, need, request);
    return { limits, shown };
  }

  it('decides a common word’s page from a head of 100 rows, and a phrase’s or a range of dates’ from the longest at once', async () => {
    const [word] = await listedWords();
    const q = word;
    const short = await headsRead(`"${word}"`, { q, page: 1, pageSize: 10 });
    expect(short.limits).toEqual([100]);
    expect(short.shown).not.toBeNull();
    const [phrase] = await listedPhrases();
    expect((await headsRead(phrase, { q: phrase, page: 1, pageSize: 10 })).limits).toEqual([LONGEST_HEAD]);
    expect((await headsRead(`"${word}"`, { q, page: 1, pageSize: 10, from: '2000' })).limits).toEqual([LONGEST_HEAD]);
    // Page 1 from the short head is the page ranking every match gives.
    const match = (await exactMatch(prisma, parseQuery(q), new Set()))!;
    const window = { limit: 10, offset: 0 };
    const request: SearchRequest = { q, page: 1, pageSize: 10 };
    const expected = await rankEveryMatch(prisma, match, request, window);
    expect((await rankFromIndexHead(prisma, match, request, window))?.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
    expect(await rankWindow(prisma, match, request, window)).toEqual(expected);
  });

  it('reads the longest head when the short one ends among ties, and decides the page from it', async () => {
    // 150 passages scoring alike: 120 in an older document, then 30 with higher ids in a newer one. The
    // head of 100 rows ends among them (none of its rows is sure); the head of 1,000 holds all 150.
    const base = await insertTiedPassages('Blorvix, yes.', [
      { id: 900005, slug: 'tied-short-older', on: '2005-01-01', first: 0, count: 120 },
      { id: 900006, slug: 'tied-short-newer', on: '2006-01-01', first: 120, count: 30 },
    ]);
    try {
      const request: SearchRequest = { q: 'blorvix', page: 1, pageSize: 10 };
      const { limits, shown } = await headsRead('"blorvix"', request);
      expect(limits).toEqual([100, LONGEST_HEAD]);
      expect(shown).not.toBeNull();
      const match = (await exactMatch(prisma, parseQuery('blorvix'), new Set()))!;
      const window = { limit: 10, offset: 0 };
      const page = await rankFromIndexHead(prisma, match, request, window);
      const expected = await rankEveryMatch(prisma, match, request, window);
      expect(expected.map((hit) => hit.id)).toEqual(Array.from({ length: 10 }, (_, i) => base + 120 + i));
      expect(page?.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      expect(await rankWindow(prisma, match, request, window)).toEqual(expected);
    } finally {
      await prisma.$executeRawUnsafe(`DELETE FROM Passage WHERE id >= ${base}`);
      await prisma.$executeRawUnsafe('DELETE FROM Document WHERE id IN (900005, 900006)');
    }
  });
});

describe('a natural query with only one of its words found', () => {
  const absent = 'zorbliquant';
  const coordinationOf = (word: string) => sql`(CASE WHEN x.id IN (${fullText.rowsMatching(`"${word}"`)}) THEN 1 ELSE 0 END)`;

  it('is ranked as a plain plan, from a list or the index head, with the very pages and scores its coordination of 1 gave', async () => {
    const word = (await listedWords()).find((w) => !isStopWord(w))!;
    const q = `${word} ${absent}`;
    const plan = (await relaxedMatch(prisma, parseQuery(q), new Set()))!;
    expect(plan).toMatchObject({ coordination: null, sameCoordination: 1, matchedBy: 'some' });
    // The plan as it was: each word's coordination counted on every match.
    const counted = { ...plan, sameCoordination: undefined, coordination: sql`${coordinationOf(word)} + ${coordinationOf(absent)}` };
    const filters: Partial<SearchRequest>[] = [{}, { kind: 'answer' }, { topic: corpus.plan.topics[0].slug }];
    for (const filter of filters) {
      for (const window of [
        { limit: 10, offset: 0 },
        { limit: 100, offset: 0 },
        { limit: 10, offset: 20 },
      ]) {
        const request: SearchRequest = { q, page: 1, pageSize: 10, ...filter };
        const expected = await rankEveryMatch(prisma, counted, request, window);
        expect(expected.length).toBeGreaterThan(0);
        expect(expected.every((hit) => Math.floor(hit.score) === 1)).toBe(true);
        expect(await rankWindow(prisma, plan, request, window)).toEqual(expected);
      }
    }
    // A list answers it, or the index head (while an earlier test's edit waits to be rescored, lists do not).
    const request: SearchRequest = { q, page: 1, pageSize: 10 };
    const window = { limit: 10, offset: 0 };
    expect((await rankFromLists(prisma, plan, request, window)) ?? (await rankFromIndexHead(prisma, plan, request, window))).not.toBeNull();
  });

  it('keeps its coordination when two of its words are found', async () => {
    const [a, b] = (await listedWords()).filter((w) => !isStopWord(w));
    const plan = (await relaxedMatch(prisma, parseQuery(`${a} ${b} ${absent}`), new Set()))!;
    expect(plan.coordination).not.toBeNull();
    expect(plan.sameCoordination).toBeUndefined();
  });
});

describe('a natural query ranked in two parts', () => {
  it('gives exactly the page ranking every match gives: the passages with two of its words or more, then those with one', async () => {
    const listed = (await listedWords()).filter((w) => !isStopWord(w));
    const rare = (
      (await prisma.$queryRawUnsafe('SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 20 AND 150 ORDER BY doc DESC LIMIT 8')) as { term: string }[]
    )
      .map((r) => r.term)
      .filter((w) => !isStopWord(w));
    const queries = [
      `${listed[0]} ${listed[1]}`,
      `${listed[2]} ${rare[0]} zorbliquant`,
      `${rare[1]} ${rare[2]} ${rare[3]}`,
      `${listed[3]} ${listed[4]} ${listed[5]} ${rare[4]}`,
      // Stop words alone count when nothing else is left: found together in most passages.
      'the of and',
    ];
    const filters = await someFilters();
    const mismatches: string[] = [];
    let bothParts = 0;
    let sharedOnly = 0;
    for (const q of queries) {
      const plan = (await relaxedMatch(prisma, parseQuery(q), new Set()))!;
      expect(plan.wordsFound!.length).toBeGreaterThan(1);
      for (const filter of filters) {
        const request: SearchRequest = { q, page: 1, pageSize: 10, ...filter };
        const reference = await rankEveryMatch(prisma, plan, request, { limit: 30, offset: 0 });
        for (const window of [
          { limit: 10, offset: 0 },
          { limit: 10, offset: 20 },
          { limit: 100, offset: 0 },
          { limit: 10, offset: 0, exclude: reference.slice(0, 3).map((r) => r.id) },
        ]) {
          const expected = await rankEveryMatch(prisma, plan, request, window);
          const got = await rankWindow(prisma, plan, request, window);
          if (JSON.stringify(got) !== JSON.stringify(expected)) mismatches.push(`${q} ${JSON.stringify(filter)} ${JSON.stringify(window)}`);
          const shared = expected.filter((hit) => hit.score >= 2).length;
          if (shared > 0 && shared < expected.length) bothParts += 1;
          else if (shared === expected.length && shared > 0) sharedOnly += 1;
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(bothParts).toBeGreaterThan(10);
    expect(sharedOnly).toBeGreaterThan(10);
  }, 240_000);
});

describe('ranking from lists on the seed archive (real text: names, hyphens, diacritics)', () => {
  it('every judged query of the relevance evaluation gets the same hits and scores with lists as without, pages 1 and 2', async () => {
    const seeded = copyTemplate('seededTemplate');
    const db = createPrismaClient(`file:${seeded}`);
    const own = openWriter(seeded);
    try {
      // Lists for every word in 3 or more passages, 5 long: most one-word pages come from them or run past them.
      own.write((w) => buildTermImpacts(w, { minPassages: 3, listSize: 5 }));
      const { queries } = JSON.parse(readFileSync('bench/eval/judgments.json', 'utf8')) as { queries: { q: string; filters?: Partial<SearchRequest> }[] };
      const requests = queries.flatMap((j) => [1, 2].map((page): SearchRequest => ({ q: j.q, ...j.filters, page, pageSize: 10, mode: 'lexical' })));
      const run = async () => Promise.all(requests.map(async (r) => JSON.stringify((await searchPassages(db, r)).hits.map((h) => [h.passageId, h.score]))));
      let fromLists = 0;
      for (const r of requests) {
        const match = await exactMatch(db, parseQuery(r.q), initialismsOf(r.q));
        if (match && (await rankFromLists(db, match, r, { limit: 10, offset: (r.page - 1) * 10 }))) fromLists += 1;
      }
      const withLists = await run();
      await db.$executeRawUnsafe('DELETE FROM TermImpactList');
      expect(withLists).toEqual(await run());
      expect(fromLists).toBeGreaterThan(10);
    } finally {
      own.close();
      await db.$disconnect();
    }
  }, 120_000);
});
