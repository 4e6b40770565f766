// The fused search readers get (issue 9), with the real model on the seeded archive: words the text
// does not use find passages by meaning; a question keeps its best lexical passages and gains the
// paraphrases; keywords found together answer exactly as the words alone do; nonsense finds nothing;
// passages found by meaning alone count in the total and the facets, and pages add up without repeats.
// E<n> is the essay's paragraph n, I<n> the interview's passage n.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeVectorReaders, databaseTarget } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { LEXICAL_DEPTH } from '@/lib/search/hybrid';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchHit, SearchRequest } from '@/lib/search/types';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { embedTexts } from '@/lib/search/vectors/model';
import { singleSpeakerDocument } from '@/tests/support/documents';
import { createDocumentFixture } from '@/tests/support/factories';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const LOG = 'river-log';
const LOG_PASSAGES = LEXICAL_DEPTH + 30;

const search = (q: string, options: Partial<SearchRequest> = {}) => searchPassages(prisma, { q, page: 1, pageSize: 10, ...options });
const name = (hit: SearchHit) => (hit.documentSlug === ESSAY ? `E${hit.anchor}` : hit.documentSlug === INTERVIEW ? `I${hit.anchor}` : hit.documentSlug);

beforeAll(async () => {
  await embedTexts(['warm up']); // the model loads once for the file, not inside the first test
});
afterAll(async () => {
  closeVectorReaders();
  await prisma.$disconnect();
});

describe('words the text does not use', () => {
  it.each([
    ['foreign movies', 'E11'],
    ['police raids', 'E10'],
    ['black market', 'E6'],
  ])('%s finds %s by meaning, and says so', async (q, expected) => {
    const result = await search(q);
    expect(result.matchedBy).toBe('meaning');
    expect(result.didYouMean).toBeUndefined();
    expect(result.hits.slice(0, 3).map(name)).toContain(expected);
  });

  it('a passage found by meaning alone shows its opening, with nothing marked', async () => {
    const [hit] = (await search('foreign movies')).hits;
    expect(hit.marked.length).toBeGreaterThan(20);
    expect(hit.marked).not.toMatch(/[\uE000\uE001]/);
  });
});

describe('questions and keywords', () => {
  it('how can I help North Koreans keeps the paragraph about helping in the top 3', async () => {
    const result = await search('how can I help North Koreans');
    // Its meaningful words are found together; as a sentence, it is fused with meaning all the same.
    expect(result.matchedBy).toBe('all');
    expect(result.hits.slice(0, 3).map(name)).toContain('E1');
  });

  // A word alone is a keyword even when it carries grammar (`we`, `the`): nothing in it to fuse.
  it.each(['sanctions', 'smuggling china', 'kim jong-un', 'we', 'the'])('keywords found together (%s) answer exactly as the words alone', async (q) => {
    const [hybrid, lexical] = await Promise.all([search(q, { pageSize: 50 }), search(q, { pageSize: 50, mode: 'lexical' })]);
    expect(hybrid.matchedBy).toBe('all');
    expect({ ids: hybrid.hits.map((h) => h.passageId), total: hybrid.total, facets: hybrid.facets }).toEqual({
      ids: lexical.hits.map((h) => h.passageId),
      total: lexical.total,
      facets: lexical.facets,
    });
  });

  it('explicit syntax is words only: a quoted paraphrase finds nothing', async () => {
    expect(await search('"foreign movies"')).toMatchObject({ total: 0, hits: [] });
    expect((await search('foreign OR movies')).matchedBy).toBeUndefined();
  });

  it.each(['qwertyuiop', 'col:x', 'zzxq vrrk'])('%s, near nothing in the archive, finds nothing', async (q) => {
    expect(await search(q)).toMatchObject({ total: 0, hits: [] });
  });
});

describe('totals, facets and pages of a fused result', () => {
  it('passages found by meaning alone are counted in the total and the facets', async () => {
    const hybrid = await search('foreign movies', { pageSize: 50 });
    expect(hybrid.total).toBe(hybrid.hits.length);
    const kinds = hybrid.facets.kinds.reduce((sum, k) => sum + k.count, 0);
    expect(kinds).toBe(hybrid.total);
    const speakers = hybrid.facets.speakers.reduce((sum, s) => sum + s.count, 0);
    expect(speakers).toBe(hybrid.hits.filter((h) => h.speaker).length);
  });

  it('a filter applies to meaning as to words', async () => {
    const paragraphs = await search('foreign movies', { kind: 'paragraph', pageSize: 50 });
    expect(paragraphs.hits.map(name)).toContain('E11');
    expect(paragraphs.hits.every((h) => h.kind === 'paragraph')).toBe(true);
    const questions = await search('foreign movies', { kind: 'question', pageSize: 50 });
    expect(questions.hits.every((h) => h.kind === 'question')).toBe(true);
  });

  it('pages past the fused head continue in lexical order: every passage once, as many as the total', async () => {
    const paragraphs = Array.from({ length: LOG_PASSAGES }, (_, i) => `Crossing ${i}: the ferry went over the river with the morning load.`);
    await createDocumentFixture(prisma, singleSpeakerDocument({ slug: LOG, title: 'River Log', date: '2022', paragraphs }));
    await embedPending(databaseTarget(env.DATABASE_URL));

    const q = 'when did the ferry cross the river at night';
    const first = await search(q, { pageSize: 20 });
    expect(first.total).toBeGreaterThan(LEXICAL_DEPTH + 20);
    const seen: number[] = [];
    const scores: number[] = [];
    for (let page = 1; page <= Math.ceil(first.total / 20); page++) {
      const result = await search(q, { page, pageSize: 20 });
      expect(result.total).toBe(first.total);
      seen.push(...result.hits.map((h) => h.passageId));
      scores.push(...result.hits.map((h) => h.score));
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(first.total);
    // The scores fall from one page to the next: the order of pages is the order of the ranking.
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    const logIds = await prisma.passage.findMany({ where: { document: { slug: LOG } }, select: { id: true } });
    expect(logIds.every(({ id }) => seen.includes(id))).toBe(true);
  });
});
