// A speaker's set of passages narrows the matches before their rows are read (lib/search/narrowing.ts):
// chosen only when the words match at least half as many passages as the speaker has, and never for a
// kind. A topic's set replaces its look-ups when the words match at least twice its passages. The
// ranking and totals either gives are the very ones of checking every match's row. On the benchmark's
// generated corpus (20,000 passages), where common words match thousands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, sql, type Reader, type Sql } from '@/lib/db';
import { EXACT_COUNT_CAP, samplingOf } from '@/lib/search/counting';
import { rankEveryMatch } from '@/lib/search/lexical-search';
import { exactMatch } from '@/lib/search/lexical-match';
import { FEWEST_MATCHES, narrowingFor, topicSetFor } from '@/lib/search/narrowing';
import { initialismsOf, parseQuery } from '@/lib/search/query-parser';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 20_000, seed: 7 });
let db: Reader;
let speaker: { slug: string; n: number };
let topic: { slug: string; n: number };
let speakerKind: 'question' | 'answer' | 'paragraph';
let speakerTopic: string;
let common: string;
let rare: string;

const lexical = (q: string, more: Partial<SearchRequest> = {}): SearchRequest => ({ q, page: 1, pageSize: 10, mode: 'lexical', ...more });

beforeAll(async () => {
  db = openReader(corpus.file);
  [speaker] = await db.$queryRaw<{ slug: string; n: number }[]>`
    SELECT s.slug AS slug, count(*) AS n FROM Speaker s JOIN Passage p ON p.speakerId = s.id GROUP BY s.id HAVING count(*) BETWEEN 100 AND 400 ORDER BY count(*) DESC LIMIT 1`;
  [{ kind: speakerKind }] = await db.$queryRaw<{ kind: typeof speakerKind }[]>`
    SELECT kind FROM Passage WHERE speakerId = (SELECT id FROM Speaker WHERE slug = ${speaker.slug}) GROUP BY kind ORDER BY count(*) DESC LIMIT 1`;
  [{ slug: speakerTopic }] = await db.$queryRaw<{ slug: string }[]>`
    SELECT t.slug AS slug FROM Topic t JOIN PassageTopic pt ON pt.topicId = t.id JOIN Passage p ON p.id = pt.passageId
    WHERE p.speakerId = (SELECT id FROM Speaker WHERE slug = ${speaker.slug}) GROUP BY t.id ORDER BY count(*) DESC LIMIT 1`;
  [topic] = await db.$queryRaw<{ slug: string; n: number }[]>`
    SELECT t.slug AS slug, count(*) AS n FROM Topic t JOIN PassageTopic pt ON pt.topicId = t.id GROUP BY t.id ORDER BY count(*) LIMIT 1`;
  [{ term: common }] = await db.$queryRaw<{ term: string }[]>`
    SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 3000 AND 12000 AND length(term) > 3 ORDER BY doc DESC LIMIT 1`;
  // A word in a few passages: far fewer than half of the speaker's.
  [{ term: rare }] = await db.$queryRaw<{ term: string }[]>`
    SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 3 AND 10 AND length(term) > 3 ORDER BY term LIMIT 1`;
});

afterAll(() => db?.close());

describe("when the speaker's passages narrow the matches", () => {
  it('a common word under a small speaker: the speaker', async () => {
    expect(speaker.n).toBeLessThan(400);
    expect((await narrowingFor(db, `"${common}"`, lexical(common, { speaker: speaker.slug })))?.filter).toBe('speaker');
  });

  it('with other filters too', async () => {
    const request = lexical(common, { speaker: speaker.slug, kind: speakerKind, topic: speakerTopic });
    expect((await narrowingFor(db, `"${common}"`, request))?.filter).toBe('speaker');
  });

  it('never for a word that matches fewer than half as many passages as the speaker has, nor without a speaker', async () => {
    expect(await narrowingFor(db, `"${rare}"`, lexical(rare, { speaker: speaker.slug }))).toBeNull();
    expect(await narrowingFor(db, `"${common}"`, lexical(common))).toBeNull();
    expect(await narrowingFor(db, `"${common}"`, lexical(common, { from: '2000' }))).toBeNull();
    // A topic is checked on the index's own row already (filters.ts); a kind holds a third of the archive.
    expect(await narrowingFor(db, `"${common}"`, lexical(common, { topic: topic.slug }))).toBeNull();
    expect(await narrowingFor(db, `"${common}"`, lexical(common, { kind: speakerKind }))).toBeNull();
  });

  it("never for words of fewer matches than are worth counting the speaker's passages for", async () => {
    const [{ term }] = await db.$queryRaw<{ term: string }[]>`
      SELECT term FROM passage_words_fts_vocab WHERE doc BETWEEN 300 AND ${FEWEST_MATCHES - 200} AND length(term) > 3 ORDER BY doc DESC LIMIT 1`;
    const small = await db.$queryRaw<{ slug: string }[]>`
      SELECT s.slug AS slug FROM Speaker s JOIN Passage p ON p.speakerId = s.id GROUP BY s.id HAVING count(*) < 100 ORDER BY count(*) LIMIT 1`;
    expect(await narrowingFor(db, `"${term}"`, lexical(term, { speaker: small[0].slug }))).toBeNull();
  });

  it('a speaker with no passage at all narrows to nothing, and finds nothing', async () => {
    const request = lexical(common, { speaker: 'no-such-speaker' });
    expect((await narrowingFor(db, `"${common}"`, request))?.filter).toBe('speaker');
    const result = await searchPassages(db, request);
    expect(result.total).toBe(0);
    expect(result.hits).toEqual([]);
  });
});

describe("when the topic's passages are checked as a set", () => {
  it('words matching twice the topic’s passages or more: the set; fewer, or no topic: none', async () => {
    const [{ term: everywhere, doc }] = await db.$queryRaw<{ term: string; doc: number }[]>`
      SELECT term, doc FROM passage_words_fts_vocab ORDER BY doc DESC LIMIT 1`;
    expect(doc).toBeGreaterThanOrEqual(2 * topic.n);
    expect(await topicSetFor(db, lexical(everywhere, { topic: topic.slug }), doc)).not.toBeNull();
    expect(await topicSetFor(db, lexical(everywhere, { topic: topic.slug }), 2 * topic.n - 1)).toBeNull();
    expect(await topicSetFor(db, lexical(everywhere, { speaker: speaker.slug }), doc)).toBeNull();
  });
});

/** The ranking the slow way: every published match joined to its row, filtered, ordered as rankEveryMatch orders. */
async function rankedTheSlowWay(expression: string, where: Sql, limit: number): Promise<number[]> {
  const rows = await db.$queryRaw<{ id: number }[]>`
    SELECT p.id AS id FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} AND d.status = 'published' AND d.deletedAt IS NULL AND ${where}
    ORDER BY bm25(passage_fts, 1.0, 0.5, 0.2), d.publishedOn DESC, p.id, p.position LIMIT ${limit}`;
  return rows.map((r) => Number(r.id));
}

async function countedTheSlowWay(expression: string, where: Sql): Promise<number> {
  const rows = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*) AS n FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} AND d.status = 'published' AND d.deletedAt IS NULL AND ${where}`;
  return Number(rows[0].n);
}

describe('narrowed, the answers are those of checking every match', () => {
  const bySpeaker = () => sql`p.speakerId = (SELECT id FROM Speaker WHERE slug = ${speaker.slug})`;
  const byTopic = () =>
    sql`EXISTS (SELECT 1 FROM PassageTopic pt WHERE pt.passageId = p.id AND pt.topicId = (SELECT id FROM Topic WHERE slug = ${speakerTopic}))`;

  it.each([
    ['a word under a speaker', () => common, () => ({ speaker: speaker.slug }), () => bySpeaker()],
    [
      'a phrase under a speaker and a kind',
      () => '"of the"',
      () => ({ speaker: speaker.slug, kind: speakerKind }),
      () => sql`${bySpeaker()} AND p.kind = ${speakerKind}`,
    ],
    ['a word under a speaker and a topic', () => common, () => ({ speaker: speaker.slug, topic: speakerTopic }), () => sql`${bySpeaker()} AND ${byTopic()}`],
    [
      'the commonest word under a topic and a kind',
      () => 'the',
      () => ({ topic: speakerTopic, kind: speakerKind }),
      () => sql`${byTopic()} AND p.kind = ${speakerKind}`,
    ],
  ])('%s: the same 50 passages in the same order, and the same exact total', async (_name, q, filters, where) => {
    const request = lexical(q(), { ...filters(), pageSize: 50 });
    const match = (await exactMatch(db, parseQuery(request.q), initialismsOf(request.q)))!;
    const matches = (await samplingOf(db, match, request)).matches;
    expect((await narrowingFor(db, match.expression, request)) ?? (request.topic ? await topicSetFor(db, request, matches) : null)).not.toBeNull();
    const ranked = await rankEveryMatch(db, match, request, { limit: 50, offset: 0 });
    const expected = await rankedTheSlowWay(match.expression, where(), 50);
    expect(expected.length).toBeGreaterThan(10);
    expect(ranked.map((r) => r.id)).toEqual(expected);

    const truth = await countedTheSlowWay(match.expression, where());
    const result = await searchPassages(db, request);
    if (truth <= EXACT_COUNT_CAP) expect(result.total).toBe(truth);
    else expect(Math.abs(result.total - truth) / truth).toBeLessThan(0.2);
  });
});
