// Search in a reader's own words (issue 9), on the seeded archive: a natural query matched on some
// of its words, corrections that never replace a real word, initialisms that never match the split-off
// part of a hyphenated name, and the speakers and documents found by their bio and summary.
// E<n> is the essay's paragraph n, I<n> the interview's passage n.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/search/route';
import { prisma } from '@/lib/db/client';
import { highlightDocument } from '@/lib/search/highlight-document';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchHit, SearchRequest } from '@/lib/search/types';
import { createDocumentFixture } from '@/tests/support/factories';
import { singleSpeakerDocument } from '@/tests/support/documents';
import { snippetOf } from '@/tests/support/snippet';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const DRAFT = 'draft-defector-notes';

// The lexical side of a natural query (relaxed matching, corrections, initialisms) and the people and
// documents list; the fusion with meaning is tested in hybrid.test.ts.
const search = (q: string, options: Partial<SearchRequest> = {}) => searchPassages(prisma, { q, page: 1, pageSize: 50, mode: 'lexical', ...options });
const name = (hit: SearchHit) => (hit.documentSlug === ESSAY ? `E${hit.anchor}` : hit.documentSlug === INTERVIEW ? `I${hit.anchor}` : hit.documentSlug);

beforeAll(async () => {
  // A draft whose summary says "defector": never listed, as its passages are never found.
  await createDocumentFixture(prisma, {
    ...singleSpeakerDocument({ slug: DRAFT, title: 'Unpublished Defector Notes', date: '2020', status: 'draft', paragraphs: ['Notes not yet published.'] }),
    summary: 'A defector’s notes, not yet published.',
  });
});

afterAll(() => prisma.$disconnect());

describe('a natural query is matched on some of its words', () => {
  it('how can I help North Koreans: the essay’s first paragraph, about helping, is in the top 3', async () => {
    const result = await search('how can I help North Koreans');
    // Its meaningful words are found together (E1 says "help North Koreans"): the stop words do not have to be.
    expect(result.matchedBy).toBe('all');
    expect(result.hits.slice(0, 3).map(name)).toContain('E1');
    expect(result.hits.length).toBeGreaterThan(0);
  });

  it('a known phrase with a stop word in it keeps its synonyms: republic of korea finds South Korea', async () => {
    const south = await search('"south korea"');
    expect(south.total).toBeGreaterThan(0);
    const typed = await search('republic of korea');
    expect(typed.matchedBy).toBe('all');
    const found = new Set(typed.hits.map(name));
    expect(south.hits.map(name).filter((hit) => !found.has(hit))).toEqual([]);
  });

  it('a question whose meaningful words no passage holds together is matched on some of them', async () => {
    const result = await search('what happens if you are caught with a DVD');
    expect(result.matchedBy).toBe('some');
    expect(result.hits.slice(0, 3).map(name)).toContain('E11');
  });

  it('passages matching more of the meaningful words rank first', async () => {
    // "zebra", a word the archive never uses, keeps the meaningful words from being found together.
    const { hits, matchedBy } = await search('how can I help North Koreans zebra');
    expect(matchedBy).toBe('some');
    // E1 says "help North Koreans": three words; the score's whole part counts them.
    const e1 = hits.find((h) => name(h) === 'E1')!;
    expect(Math.floor(e1.score)).toBe(3);
    const scores = hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(Math.floor(hits[hits.length - 1].score)).toBeLessThan(3);
  });

  it('question and stop words do not gate: the same passages as the meaningful words alone, ranked the same', async () => {
    const question = await search('how can I help North Koreans');
    const words = await search('help North Koreans');
    expect(words.matchedBy).toBe('all');
    expect({ hits: question.hits.map(name), total: question.total }).toEqual({ hits: words.hits.map(name), total: words.total });
    // Nor where only some of the words are found.
    const someQuestion = await search('how can I help North Koreans zebra');
    const someWords = await search('help North Koreans zebra');
    expect(someWords.matchedBy).toBe('some');
    expect(someQuestion.hits.map(name)).toEqual(someWords.hits.map(name));
  });

  it('stop words beside other words are not marked, and still count where the query is nothing else', async () => {
    const { hits } = await search('the sanctions of the regime');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((hit) => !/<mark>(the|of)<\/mark>/i.test(snippetOf(hit)))).toBe(true);
    expect(hits.some((hit) => /<mark>(sanctions|regime)<\/mark>/i.test(snippetOf(hit)))).toBe(true);
    const onlyStopWords = await search('the');
    expect(onlyStopWords.matchedBy).toBe('all');
    expect(snippetOf(onlyStopWords.hits[0])).toMatch(/<mark>the<\/mark>/i);
  });

  it('the total and the facets count the passages shown, and the pages add up', async () => {
    const all = await search('sanctions china smuggling');
    expect(all.matchedBy).toBe('some');
    // Every passage with any of the three words: sanctions (4), china, smuggling, without double counting.
    const any = new Set([...(await search('sanctions')).hits, ...(await search('china')).hits, ...(await search('smuggling')).hits].map(name));
    expect(all.total).toBe(any.size);
    expect(new Set(all.hits.map(name))).toEqual(any);
    expect(all.facets.kinds.reduce((sum, k) => sum + k.count, 0)).toBe(all.total);
    const first = await search('sanctions china smuggling', { pageSize: 3 });
    const second = await search('sanctions china smuggling', { pageSize: 3, page: 2 });
    expect([...first.hits, ...second.hits].map(name)).toEqual(all.hits.slice(0, 6).map(name));
  });

  it('filters apply to the relaxed match, facets included', async () => {
    const result = await search('sanctions china smuggling', { kind: 'paragraph', topic: 'china' });
    expect(result.matchedBy).toBe('some');
    expect(result.hits.every((h) => h.documentSlug === ESSAY)).toBe(true);
    expect(result.total).toBe(result.hits.length);
    expect(result.facets.kinds).toEqual([{ kind: 'paragraph', count: result.total }]);
  });

  it('every word matching is still "all", and only those passages are shown', async () => {
    const result = await search('sanctions china');
    expect(result.matchedBy).toBe('all');
    expect(result.hits.map(name)).toEqual(['E7']);
  });

  it.each(['leader worship', 'nuclear program', 'USB sticks', 'help people escape prison camps'])(
    'a query whose meaningful words occur in the archive never returns nothing: %s',
    async (q) => {
      const result = await search(q);
      expect(result.total).toBeGreaterThan(0);
      expect(result.matchedBy).toBe('some');
    },
  );

  it('the passage a relaxed hit leads to has those words marked in its document', async () => {
    // "zebra", a word the archive never uses: the words are found only some at a time.
    const matches = (await highlightDocument(prisma, ESSAY, 'how can I help North Koreans zebra'))!;
    expect(matches.anchors).toContain(1);
    const e1 = [...matches.marked.values()].find((text) => text.includes('practical ways'))!;
    expect(e1).toContain('\u0002help\u0003 \u0002North\u0003 \u0002Koreans\u0003');
    // Explicit syntax is marked as typed: a phrase no passage has marks nothing.
    expect((await highlightDocument(prisma, ESSAY, '"how can I help North Koreans"'))!.anchors).toEqual([]);
  });

  it('marks the words that matched in the snippets', async () => {
    const { hits } = await search('how can I help North Koreans');
    expect(snippetOf(hits.find((h) => name(h) === 'E1')!)).toContain('<mark>help</mark> <mark>North</mark> <mark>Koreans</mark>');
  });

  it.each<[string, string]>([
    ['"how can I help North Koreans"', 'a phrase'],
    ['help North Koreans zebra -china', 'an exclusion'],
    ['help OR assist North Koreans zebra', 'OR'],
    ['help North Kor* zebra', 'a prefix'],
    ['"help" zebra', 'a quoted word'],
  ])('explicit syntax is never relaxed: %s (%s) finds nothing', async (q) => {
    const result = await search(q);
    expect(result).toMatchObject({ total: 0, hits: [] });
    expect(result.matchedBy).toBeUndefined();
  });

  it('explicit syntax that matches behaves as before', async () => {
    expect((await search('"human rights" -china')).hits.map(name).sort()).toEqual(['E12', 'E5', 'E8', 'I3', 'I4']);
    expect((await search('smuggl*')).matchedBy).toBe('all');
  });
});

describe('corrections are never nonsense', () => {
  it.each<[string, string[]]>([
    ['black market', []],
    ['Chinese border', ['chinese']],
    ['trade with China', ['china']],
  ])('%j is not rewritten: searched on its own words instead', async (q, found) => {
    const result = await search(q);
    expect(result.didYouMean).toBeUndefined();
    const snippets = result.hits.map(snippetOf).join(' ').toLowerCase();
    for (const word of found) expect(snippets).toContain(`<mark>${word}</mark>`);
    expect(snippets).not.toMatch(/<mark>(place|make|bother|crane)<\/mark>/);
    if (found.length > 0) expect(result.matchedBy).toBe('some');
  });

  it('a word the archive knows by its stem is not corrected: USB (the text says USBs) is no typo for "us"', async () => {
    const result = await search('USB sticks');
    expect(result.didYouMean).toBeUndefined();
    expect(result.hits.map(snippetOf).join(' ')).toContain('<mark>USBs</mark>');
  });

  it('a typo among real words is still corrected, and the rest searched on some words', async () => {
    const result = await search('smugling china trade');
    expect(result.didYouMean).toBe('smuggling china trade');
    expect(result.matchedBy).toBe('some');
    expect(result.hits.slice(0, 2).map(name).sort()).toEqual(['E6', 'E7']);
  });
});

describe('initialisms and hyphenated names do not collide', () => {
  it('UN finds the passages about the UN, not those naming Kim Jong-un', async () => {
    const result = await search('UN');
    expect(result.hits.map(name).sort()).toEqual(['E4', 'E8']);
    for (const hit of result.hits) expect(snippetOf(hit)).toMatch(/<mark>UN<\/mark>/);
  });

  it('no document about Kim Jong-un is listed for UN', async () => {
    const result = await search('UN');
    expect(result.entities?.documents.map((d) => d.slug) ?? []).not.toContain(ESSAY);
  });

  it('lower case "un" is a word, not an initialism: it matches as before', async () => {
    expect((await search('un')).hits.map(name)).toContain('E2');
  });

  it.each<[string, string[]]>([
    ['Kim Jong-un', ['E2', 'E9', 'I2', 'I4']],
    ['Ri Sol-ju', ['E2']],
  ])('%s finds the passages naming them', async (q, expected) => {
    expect((await search(q)).hits.map(name).sort()).toEqual(expected);
  });

  it('DPRK finds North Korea, and an initialism together with other words', async () => {
    expect((await search('DPRK')).total).toBeGreaterThan(10);
    const result = await search('UN Commission of Inquiry');
    expect(result.hits[0] && name(result.hits[0])).toBe('E8');
  });
});

describe('speakers, documents and topics are searched too', () => {
  it('defector finds the speaker whose bio says it, with the word marked', async () => {
    const result = await search('defector');
    expect(result.entities?.speakers.map((s) => s.slug)).toEqual(['seongmin-lee']);
    expect(result.entities?.speakers[0].marked).toMatch(/\u0002defector\u0003/);
  });

  it('escapee finds the interview whose summary says it, and the speaker by the synonym', async () => {
    const result = await search('escapee');
    expect(result.entities?.documents.map((d) => d.slug)).toEqual([INTERVIEW]);
    expect(result.entities?.documents[0]).toMatchObject({ title: expect.stringContaining('Seongmin Lee Q&A'), kind: 'interview', date: '2018-08-28' });
    expect(result.entities?.speakers.map((s) => s.slug)).toEqual(['seongmin-lee']);
  });

  it('a draft document is never listed', async () => {
    const result = await search('defector');
    expect(result.entities?.documents.map((d) => d.slug)).not.toContain(DRAFT);
  });

  it('topics match by name; a speaker by an alias', async () => {
    expect((await search('personality cult')).entities?.topics.map((t) => t.slug)).toEqual(['personality-cult']);
    expect((await search('SL')).entities?.speakers.map((s) => s.slug)).toEqual(['seongmin-lee']);
  });

  it('a question’s stop words do not keep the speaker from being found', async () => {
    expect((await search('who is Seongmin Lee')).entities?.speakers.map((s) => s.slug)).toEqual(['seongmin-lee']);
  });

  it('only on the first page, and not within one document', async () => {
    expect((await search('defector', { page: 2 })).entities).toBeUndefined();
    expect((await search('sanctions', { document: ESSAY })).entities).toBeUndefined();
    expect((await search('qqqqzzzz')).entities).toBeUndefined();
  });

  it('the API gives them with addresses and HTML snippets', async () => {
    const body = await (await GET(new Request('http://localhost/api/v1/search?q=defector'))).json();
    expect(body.entities.speakers).toEqual([expect.objectContaining({ slug: 'seongmin-lee', url: expect.stringMatching(/\/speakers\/seongmin-lee$/) })]);
    expect(body.entities.speakers[0].snippet).toContain('<mark>defector</mark>');
    expect(JSON.stringify(body)).not.toMatch(/\\u000[23]/);
  });
});
