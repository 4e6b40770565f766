// A phrase is scored from its counts (lib/search/top-k/phrase-counts.ts) only when each of its words is
// common (in a fifth of the passages or more): a phrase of rarer words reads short lists of positions,
// its own passes cost less than highlighting its filtered matches, and FTS5 ranks it. On the benchmark's
// generated corpus (40,000 passages), where two passages in eleven are given "quiet harbour": each word in
// 18% of the passages, and enough matches for the phrase's count to be sampled, like `"of the"`'s.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeWriters, openReader, openWriter, type Reader } from '@/lib/db';
import { samplingOf } from '@/lib/search/counting';
import { exactMatch } from '@/lib/search/lexical-match';
import { rankEveryMatch, rankWindow } from '@/lib/search/lexical-search';
import { initialismsOf, parseQuery } from '@/lib/search/query-parser';
import { rankPhraseFromCounts } from '@/lib/search/top-k/phrase-counts';
import type { SearchRequest } from '@/lib/search/types';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 40_000, seed: 5 });
let db: Reader;

beforeAll(() => {
  const writer = openWriter(corpus.file);
  // The index's triggers keep both search indexes up to date with the text.
  writer.write((w) => w.prepare(`UPDATE Passage SET text = text || ' Quiet harbour.' WHERE id % 11 < 2`).run());
  writer.close();
  closeWriters();
  db = openReader(corpus.file);
});

afterAll(() => db?.close());

const planOf = async (q: string) => (await exactMatch(db, parseQuery(q), initialismsOf(q)))!;
const window = { limit: 10, offset: 0 };

it('scores a phrase of common words from its counts, and leaves a phrase of rarer words to FTS5, both exactly', async () => {
  // The narrowest topic: it keeps a small share of any phrase's matches.
  const [topic] = await db.$queryRaw<{ slug: string; share: number }[]>`
    SELECT t.slug AS slug, count(*) * 1.0 / (SELECT count(*) FROM Passage) AS share FROM Topic t JOIN PassageTopic pt ON pt.topicId = t.id
    GROUP BY t.id ORDER BY count(*), t.id LIMIT 1`;
  expect(Number(topic.share)).toBeLessThan(0.1);
  const words = await db.$queryRaw<{ term: string; share: number }[]>`
    SELECT term, doc * 1.0 / (SELECT count(*) FROM Passage) AS share FROM passage_words_fts_vocab WHERE term IN ('of', 'the', 'quiet', 'harbour')`;
  const share = new Map(words.map((w) => [w.term, Number(w.share)]));
  expect(Math.min(share.get('of')!, share.get('the')!)).toBeGreaterThan(0.2);
  expect(Math.max(share.get('quiet')!, share.get('harbour')!)).toBeLessThan(0.2);
  for (const [q, fromCounts] of [
    ['"of the"', true],
    ['"quiet harbour"', false],
  ] as const) {
    const request: SearchRequest = { q, page: 1, pageSize: 10, topic: topic.slug };
    expect((await samplingOf(db, await planOf(q), request)).every, q).not.toBeNull();
    expect((await rankPhraseFromCounts(db, await planOf(q), request, window)) !== null, q).toBe(fromCounts);
    expect(await rankWindow(db, await planOf(q), request, window), q).toEqual(await rankEveryMatch(db, await planOf(q), request, window));
  }
}, 120_000);
