// A phrase under a speaker or a topic is ranked from its counts (lib/search/top-k/phrase-counts.ts):
// BM25 computed from each match's count of the phrase in each column and its length, without FTS5's
// own pass to count the phrase's matches. The pages must be exactly those of FTS5's full ranking (the
// same passages, order and scores), pages 1–3 and after a fused head, and the count must read the very
// sample and filtered count its own passes would (every match, for a phrase too seldom met to
// sample). On the benchmark's generated corpus (20,000 passages), where the commonest phrases have
// thousands of matches, so their counts are sampled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeWriters, openReader, openWriter, type Reader, type Writer } from '@/lib/db';
import { updateDocumentFields, updateSpeaker } from '@/lib/editorial';
import { SYSTEM_EDITOR } from '@/lib/editorial/system-editor';
import { countMatches, EXACT_COUNT_CAP, samplingOf, takenSample } from '@/lib/search/counting';
import { exactMatch } from '@/lib/search/lexical-match';
import { rankEveryMatch, rankWindow } from '@/lib/search/lexical-search';
import { initialismsOf, parseQuery } from '@/lib/search/query-parser';
import type { PageWindow } from '@/lib/search/top-k/candidates';
import { rankPhraseFromCounts } from '@/lib/search/top-k/phrase-counts';
import type { SearchRequest } from '@/lib/search/types';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 20_000, seed: 7 });
let db: Reader;
let writer: Writer;

beforeAll(() => {
  db = openReader(corpus.file);
  writer = openWriter(corpus.file);
});

afterAll(() => {
  db?.close();
  writer?.close();
  closeWriters();
});

const PHRASES = ['"of the"', '"the of"', '"and the"', '"the and"'];
const WINDOWS: PageWindow[] = [
  { limit: 10, offset: 0 },
  { limit: 10, offset: 10 },
  { limit: 25, offset: 20 },
];

const planOf = async (q: string) => (await exactMatch(db, parseQuery(q), initialismsOf(q)))!;

const shareOf = async (table: 'speaker' | 'topic', slug: string) => {
  const [row] =
    table === 'speaker'
      ? await db.$queryRaw<
          { n: number }[]
        >`SELECT count(*) * 1.0 / (SELECT count(*) FROM Passage) AS n FROM Passage WHERE speakerId = (SELECT id FROM Speaker WHERE slug = ${slug})`
      : await db.$queryRaw<
          { n: number }[]
        >`SELECT count(*) * 1.0 / (SELECT count(*) FROM Passage) AS n FROM PassageTopic WHERE topicId = (SELECT id FROM Topic WHERE slug = ${slug})`;
  return Number(row.n);
};

/** Filters that keep a small share of the passages on the index's own row (`narrow`), and a topic that keeps a large one. */
async function filterSets(): Promise<{ narrow: Partial<SearchRequest>[]; broad: Partial<SearchRequest> }> {
  const speakers = await db.$queryRaw<{ slug: string }[]>`
    SELECT s.slug AS slug FROM Speaker s JOIN Passage p ON p.speakerId = s.id GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 2`;
  const topics = await db.$queryRaw<{ slug: string }[]>`
    SELECT t.slug AS slug FROM Topic t JOIN PassageTopic pt ON pt.topicId = t.id GROUP BY t.id ORDER BY count(*) DESC, t.id`;
  const [widest] = topics;
  const narrowest = topics.at(-1)!;
  return {
    narrow: [
      { speaker: speakers[0].slug },
      { speaker: speakers[1].slug, from: '2005' },
      { topic: narrowest.slug },
      { topic: narrowest.slug, kind: 'paragraph' },
      { topic: widest.slug, speaker: speakers[0].slug },
    ],
    broad: { topic: widest.slug },
  };
}

/** A prefix of more than 40 words, searched as the engine's prefix alone (prefixes.ts), with more matches than a count samples past. */
async function widePrefix(): Promise<string> {
  const rows = await db.$queryRaw<{ prefix: string }[]>`
    SELECT substr(term, 1, 3) AS prefix FROM passage_words_fts_vocab GROUP BY prefix HAVING count(*) > 60 ORDER BY sum(doc) DESC LIMIT 1`;
  return `${rows[0].prefix}*`;
}

/** Every query, filter set and window, ranked from counts against FTS5 ranking every match; returns how many were ranked from counts. */
async function expectSamePages(queries: string[], filterSets: Partial<SearchRequest>[]): Promise<number> {
  let fromCounts = 0;
  for (const q of queries) {
    for (const filters of filterSets) {
      const request: SearchRequest = { q, page: 1, pageSize: 10, ...filters };
      for (const window of WINDOWS) {
        const label = `${q} ${JSON.stringify(filters)} ${JSON.stringify(window)}`;
        if (await rankPhraseFromCounts(db, await planOf(q), request, window)) fromCounts += 1;
        const want = await rankEveryMatch(db, await planOf(q), request, window);
        expect(await rankWindow(db, await planOf(q), request, window), label).toEqual(want);
        // After a fused head: its passages left out, the ranks go on without them.
        const exclude = want.slice(0, 3).map((hit) => hit.id);
        const afterHead = { ...window, exclude };
        expect(await rankWindow(db, await planOf(q), request, afterHead), `${label} after a head`).toEqual(
          await rankEveryMatch(db, await planOf(q), request, afterHead),
        );
      }
    }
  }
  return fromCounts;
}

describe('a phrase under a speaker or a topic, ranked from its counts', () => {
  it('gives exactly FTS5’s pages: the same passages, order and scores, pages 1–3 and after a fused head', async () => {
    for (const q of PHRASES) expect((await samplingOf(db, await planOf(q), { q, page: 1, pageSize: 10 })).every, q).not.toBeNull();
    const { narrow, broad } = await filterSets();
    expect(await expectSamePages(PHRASES, narrow)).toBe(PHRASES.length * narrow.length * WINDOWS.length);
    // A topic that keeps more of the matches than their highlighting pays for: FTS5 ranks them.
    expect(await shareOf('topic', broad.topic!)).toBeGreaterThan(0.1);
    expect(await expectSamePages(PHRASES, [broad])).toBe(0);
  });

  it('ranks a prefix searched as the engine’s own under a small speaker from its counts, and under a topic the old way, exactly', async () => {
    const q = await widePrefix();
    expect((await planOf(q)).expression).toBe(`"${q.slice(0, -1)}"*`);
    expect((await samplingOf(db, await planOf(q), { q, page: 1, pageSize: 10 })).every).not.toBeNull();
    // The speakers with the fewest passages that the count's narrowing still reads as a set.
    const speakers = await db.$queryRaw<{ slug: string }[]>`
      SELECT s.slug AS slug FROM Speaker s JOIN Passage p ON p.speakerId = s.id GROUP BY s.id HAVING count(*) >= 100 ORDER BY count(*), s.id LIMIT 2`;
    for (const { slug } of speakers) expect(await shareOf('speaker', slug)).toBeLessThan(0.02);
    const small = speakers.map(({ slug }) => ({ speaker: slug }));
    expect(await expectSamePages([q], small)).toBe(small.length * WINDOWS.length);
    // A topic keeping more than 2% of the matches: highlighting them costs more than a prefix's passes.
    const { broad } = await filterSets();
    expect(await expectSamePages([q], [broad])).toBe(0);
  });

  it('leaves the count the very sample and filtered count its own passes would take', async () => {
    const [filters] = (await filterSets()).narrow;
    const q = '"of the"';
    const request: SearchRequest = { q, page: 1, pageSize: 10, ...filters };
    const ranked = await planOf(q);
    expect(await rankPhraseFromCounts(db, ranked, request, WINDOWS[0])).not.toBeNull();
    const { every } = await samplingOf(db, ranked, request);
    const sample = await db.$queryRaw<
      { id: number }[]
    >`SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ${q} AND rowid % ${every!} = 0 ORDER BY rowid`;
    expect(takenSample(ranked, request, every!)).toEqual(sample.map((row) => Number(row.id)));
    // Counted after the ranking (reading what it kept) and counted afresh.
    expect(await countMatches(db, ranked, request)).toEqual(await countMatches(db, await planOf(q), request));
  });

  it('keeps every match of a phrase too seldom met to sample, for a count as exact as its own pass', async () => {
    const q = '"and of"';
    const { all, every } = await samplingOf(db, await planOf(q), { q, page: 1, pageSize: 10 });
    expect(all.n).toBeGreaterThan(EXACT_COUNT_CAP);
    expect(every).toBeNull();
    const { narrow } = await filterSets();
    expect(await expectSamePages([q], narrow)).toBe(narrow.length * WINDOWS.length);
    const request: SearchRequest = { q, page: 1, pageSize: 10, ...narrow[0] };
    const ranked = await planOf(q);
    expect(await rankPhraseFromCounts(db, ranked, request, WINDOWS[0])).not.toBeNull();
    const matches = await db.$queryRaw<{ id: number }[]>`SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ${q} ORDER BY rowid`;
    expect(takenSample(ranked, request, 1)).toEqual(matches.map((row) => Number(row.id)));
    const counted = await countMatches(db, ranked, request);
    expect(counted.approximate).toBeUndefined();
    expect(counted).toEqual(await countMatches(db, await planOf(q), request));
  });

  it('leaves a phrase whose term comes twice to FTS5 (overlapping instances are marked once), still exactly', async () => {
    const q = '"the the"';
    expect((await samplingOf(db, await planOf(q), { q, page: 1, pageSize: 10 })).every).not.toBeNull();
    const { narrow } = await filterSets();
    expect(await rankPhraseFromCounts(db, await planOf(q), { q, page: 1, pageSize: 10, ...narrow[0] }, WINDOWS[0])).toBeNull();
    expect(await expectSamePages([q], narrow)).toBe(0);
  });

  it('counts the phrase in a speaker’s name and a document’s title as BM25 does, after edits through the write path', async () => {
    const [filters] = (await filterSets()).narrow;
    const [speaker] = await db.$queryRaw<{ id: number; version: number }[]>`SELECT id, version FROM Speaker WHERE slug = ${filters.speaker!}`;
    await updateSpeaker(SYSTEM_EDITOR, { id: Number(speaker.id), expectedVersion: Number(speaker.version), name: 'Of The Of The Ri' }, { writer });
    const [doc] = await db.$queryRaw<{ id: number; version: number }[]>`
      SELECT d.id AS id, d.version AS version FROM Document d JOIN Passage p ON p.documentId = d.id
      WHERE d.status = 'published' AND p.speakerId = ${Number(speaker.id)} ORDER BY d.id LIMIT 1`;
    await updateDocumentFields(SYSTEM_EDITOR, { id: Number(doc.id), expectedVersion: Number(doc.version), title: 'Of the people, of the north' }, { writer });
    const [titled] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH 'title : "of the"' AND rowid IN (SELECT id FROM Passage WHERE documentId = ${Number(doc.id)})`;
    expect(Number(titled.n)).toBeGreaterThan(0);
    expect(await expectSamePages(['"of the"'], (await filterSets()).narrow)).toBeGreaterThan(0);
  });
});
