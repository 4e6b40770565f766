// Counts past the cap are estimates, said to be so, and near the truth; below it every count is exact;
// filters apply exactly to what is shown; a facet value from an estimate still filters; a page past the
// end answers with no hits rather than an error. On the benchmark's generated corpus (20,000 passages,
// built by bench/lib/load.ts), so common words have thousands of matches.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, sql, type Reader, type Sql } from '@/lib/db';
import { countMatches, EXACT_COUNT_CAP, keptFilteredCount, roundEstimate, samplingOf, takenSample } from '@/lib/search/counting';
import { exactMatch } from '@/lib/search/lexical-match';
import { parseQuery } from '@/lib/search/query-parser';
import { rankFromIndexHead } from '@/lib/search/top-k/index-head';
import { rankFromLists } from '@/lib/search/top-k/rank';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 20_000, seed: 7 });
let db: Reader;

beforeAll(() => {
  db = openReader(corpus.file);
});

afterAll(() => db?.close());

/** The true count, the slow way: every published passage matching an FTS5 `expression`, under a speaker, topic or kind. */
async function matching(expression: string, where: Sql = sql`1 = 1`): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*) AS n FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} AND d.status = 'published' AND d.deletedAt IS NULL AND ${where}`;
  return Number(rows[0].n);
}
/** The true count of the passages matching one `word`. */
const trueCount = (word: string, where?: Sql) => matching(`"${word}"`, where);
const bySpeaker = (slug: string) => sql`p.speakerId = (SELECT id FROM Speaker WHERE slug = ${slug})`;

const lexical = (q: string, more: Partial<SearchRequest> = {}): SearchRequest => ({ q, page: 1, pageSize: 10, mode: 'lexical', ...more });

describe('counts past the cap', () => {
  it('a common word: the total is an estimate, flagged, within 10% of the truth', async () => {
    const result = await searchPassages(db, lexical('the'));
    const truth = await trueCount('the');
    expect(truth).toBeGreaterThan(EXACT_COUNT_CAP * 5);
    expect(result.approximate).toBe(true);
    expect(Math.abs(result.total - truth) / truth).toBeLessThan(0.1);
    expect(result.total).toBe(roundEstimate(result.total));
  });

  it('the facet counts are estimates that add up to about the total, and each value shown filters to passages that have it', async () => {
    const result = await searchPassages(db, lexical('the'));
    const truth = await trueCount('the');
    // Every passage has one kind and one year: those facets split the matches.
    const sum = (counts: { count: number }[]) => counts.reduce((total, c) => total + c.count, 0);
    expect(Math.abs(sum(result.facets.kinds) - truth) / truth).toBeLessThan(0.1);
    expect(Math.abs(sum(result.facets.years) - truth) / truth).toBeLessThan(0.1);
    const top = result.facets.speakers[0];
    const narrowed = await searchPassages(db, lexical('the', { speaker: top.slug, pageSize: 50 }));
    expect(narrowed.hits.length).toBeGreaterThan(0);
    expect(narrowed.hits.every((hit) => hit.speaker?.slug === top.slug)).toBe(true);
    const speakerTruth = await trueCount('the', bySpeaker(top.slug));
    if (speakerTruth <= EXACT_COUNT_CAP) expect(narrowed.total).toBe(speakerTruth);
    else expect(Math.abs(narrowed.total - speakerTruth) / speakerTruth).toBeLessThan(0.2);
  });

  it('a filter that leaves few matches gives the exact total', async () => {
    // A speaker with few passages: the filtered matches fit under the cap.
    const rows = await db.$queryRaw<{ slug: string }[]>`
      SELECT s.slug AS slug FROM Speaker s JOIN Passage p ON p.speakerId = s.id GROUP BY s.id HAVING count(*) BETWEEN 20 AND 300 LIMIT 1`;
    const slug = rows[0].slug;
    const result = await searchPassages(db, lexical('the', { speaker: slug }));
    expect(result.total).toBe(await trueCount('the', bySpeaker(slug)));
  });

  it('a speaker of few passages is read first, each passage looked up: exact totals for a word, a phrase, a prefix, and with another filter', async () => {
    // A word in 5,000-12,000 of the 20,000 passages (past the counts read in full), and a speaker with
    // far fewer passages than its matches (so the speaker's are looked up one by one) who says it.
    const [word] = await db.$queryRaw<{ term: string; doc: number }[]>`
      SELECT term, doc FROM passage_words_fts_vocab WHERE doc BETWEEN 5000 AND 12000 AND length(term) > 3 ORDER BY doc DESC LIMIT 1`;
    const [speaker] = await db.$queryRaw<{ slug: string }[]>`
      SELECT s.slug AS slug FROM Speaker s JOIN Passage p ON p.speakerId = s.id GROUP BY s.id HAVING count(*) BETWEEN 20 AND 60 ORDER BY count(*) DESC LIMIT 1`;
    const spoken = bySpeaker(speaker.slug);
    const cases: [SearchRequest, string, Sql][] = [
      [lexical(word.term, { speaker: speaker.slug }), `"${word.term}"`, spoken],
      [lexical('"of the"', { speaker: speaker.slug }), '"of the"', spoken],
      [lexical(`${word.term.slice(0, 3)}*`, { speaker: speaker.slug }), `"${word.term.slice(0, 3)}"*`, spoken],
      [lexical(word.term, { speaker: speaker.slug, kind: 'paragraph' }), `"${word.term}"`, sql`${spoken} AND p.kind = 'paragraph'`],
    ];
    for (const [request, expression, where] of cases) {
      const truth = await matching(expression, where);
      expect(truth, request.q).toBeLessThan(await matching(expression));
      expect((await searchPassages(db, request)).total, request.q).toBe(truth);
    }
    expect(await matching(`"${word.term}"`, spoken)).toBeGreaterThan(0);
  });

  it.each([
    { q: 'the', expression: '"the"' },
    { q: '"of the"', expression: '"of the"' },
    { q: 'was*', expression: null },
  ])(
    '$q in one topic, ranked from its list: the pass that counts it for its idf keeps the topic’s matches, and the filtered count is made from them',
    async ({ q, expression }) => {
      const [topic] = await db.$queryRaw<{ slug: string; n: number }[]>`
      SELECT t.slug AS slug, count(*) AS n FROM Topic t JOIN PassageTopic pt ON pt.topicId = t.id GROUP BY t.id HAVING n BETWEEN 1000 AND 3000 ORDER BY n DESC LIMIT 1`;
      // Enough of its answers have the words for a list to fill their page, and few enough of the
      // matches of `the` are in it (a seventh or less) for the pass to keep their ids.
      expect(topic).toBeDefined();
      const inTopic = sql`EXISTS (SELECT 1 FROM PassageTopic pt JOIN Topic t ON t.id = pt.topicId WHERE pt.passageId = p.id AND t.slug = ${topic.slug})`;
      for (const filters of [{ topic: topic.slug }, { topic: topic.slug, kind: 'answer' as const }]) {
        const request = lexical(q, filters);
        const ranked = (await exactMatch(db, parseQuery(q), new Set()))!;
        expect(await rankFromLists(db, ranked, request, { limit: 10, offset: 0 })).toHaveLength(10);
        const truth = await matching(expression ?? ranked.expression, filters.kind ? sql`${inTopic} AND p.kind = ${filters.kind}` : inTopic);
        expect(keptFilteredCount(ranked, request)).toBe(truth);
        const counted = await countMatches(db, ranked, request);
        expect(counted.total).toBe(truth <= EXACT_COUNT_CAP ? truth : roundEstimate(counted.total));
        if (truth <= EXACT_COUNT_CAP) expect(counted).toEqual(await countMatches(db, (await exactMatch(db, parseQuery(q), new Set()))!, request));
      }
    },
  );

  it('the same query gives the same estimate every time (pages agree)', async () => {
    const [a, b] = [await searchPassages(db, lexical('the')), await searchPassages(db, lexical('the', { page: 2 }))];
    expect(b.total).toBe(a.total);
    expect(b.facets).toEqual(a.facets);
  });

  // The rankings that take the count's sample in a pass they make anyway: the index head for a phrase
  // (with its best matches), a word's list (with the word's count for its idf; beside other
  // alternatives, theirs from a pass over the passages with them and not the word).
  const samplingRankings = [
    { q: '"of the"', by: 'a phrase ranked from the index head', rank: rankFromIndexHead },
    { q: 'the', by: 'a word ranked from its list', rank: rankFromLists },
    { q: 'was*', by: 'a word ranked from its list beside the other words of its prefix', rank: rankFromLists },
  ];
  const filterSets: Partial<SearchRequest>[] = [{}, { kind: 'answer' }, { from: '2000', to: '2015' }];
  it.each(samplingRankings.flatMap((ranking) => filterSets.map((filters) => ({ ...ranking, filters }))))(
    '$by takes the count’s sample in a pass it makes anyway, and counts as a sample pass of its own does ($filters)',
    async ({ q, rank, filters }) => {
      const request = lexical(q, filters);
      const ranked = (await exactMatch(db, parseQuery(request.q), new Set()))!;
      expect(await rank(db, ranked, request, { limit: 10, offset: 0 })).toHaveLength(10);
      const { every } = await samplingOf(db, ranked, request);
      expect(every).toBeGreaterThan(1);
      expect(takenSample(ranked, request, every!)?.length).toBeGreaterThan(EXACT_COUNT_CAP / every!);
      // The same plan, never ranked: its count takes the sample in a pass of its own.
      const counted = (await exactMatch(db, parseQuery(request.q), new Set()))!;
      const own = await countMatches(db, counted, request);
      expect(takenSample(counted, request, every!)).toBeNull();
      expect(own.approximate).toBe(true);
      expect(await countMatches(db, ranked, request)).toEqual(own);
    },
  );

  it.each([{}, { kind: 'answer' as const }])(
    'a phrase too seldom met to sample keeps every match from the index head’s pass, and counts them exactly as a pass of its own does ($kind)',
    async (filters) => {
      const request = lexical('"and of"', filters);
      const ranked = (await exactMatch(db, parseQuery(request.q), new Set()))!;
      expect(await rankFromIndexHead(db, ranked, request, { limit: 10, offset: 0 })).toHaveLength(10);
      const { all, every } = await samplingOf(db, ranked, request);
      // Past the cap, yet too few to sample: the count reads every match.
      expect(all.n).toBeGreaterThan(EXACT_COUNT_CAP);
      expect(every).toBeNull();
      const [inIndex] = await db.$queryRaw<{ n: number }[]>`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH '"and of"'`;
      expect(takenSample(ranked, request, 1)).toHaveLength(Number(inIndex.n));
      const counted = (await exactMatch(db, parseQuery(request.q), new Set()))!;
      const own = await countMatches(db, counted, request);
      expect(takenSample(counted, request, 1)).toBeNull();
      expect(own.approximate).toBeUndefined();
      expect(own.total).toBe(await matching('"and of"', filters.kind ? sql`p.kind = ${filters.kind}` : undefined));
      expect(await countMatches(db, ranked, request)).toEqual(own);
    },
  );

  it('a phrase gives the same estimate on a page from the index head as on a page past it', async () => {
    const first = await searchPassages(db, lexical('"of the"'));
    const deep = await searchPassages(db, lexical('"of the"', { page: 150 }));
    expect(first.approximate).toBe(true);
    expect(deep.hits).toHaveLength(10);
    expect({ total: deep.total, facets: deep.facets }).toEqual({ total: first.total, facets: first.facets });
  });

  it('a page far past the end answers with no hits, not an error', async () => {
    const result = await searchPassages(db, lexical('the', { page: 5_000, pageSize: 50 }));
    expect(result.hits).toEqual([]);
    expect(result.total).toBeGreaterThan(0);
  });
});

describe('counts under the cap', () => {
  it('a word with fewer matches than the cap: exact total and facets, not flagged', async () => {
    const rows = await db.$queryRaw<{ term: string; doc: number }[]>`
      SELECT term, doc FROM passage_words_fts_vocab WHERE doc BETWEEN 200 AND 900 AND length(term) > 4 ORDER BY doc DESC LIMIT 1`;
    const word = rows[0].term;
    const result = await searchPassages(db, lexical(word));
    expect(result.approximate).toBeUndefined();
    expect(result.total).toBe(await trueCount(word));
    const speaker = result.facets.speakers[0];
    expect(speaker.count).toBe(await trueCount(word, bySpeaker(speaker.slug)));
  });
});

describe('roundEstimate', () => {
  it('keeps two significant figures', () => {
    expect([7, 99, 1_234, 88_412, 1_001].map(roundEstimate)).toEqual([7, 99, 1_200, 88_000, 1_000]);
  });
});
