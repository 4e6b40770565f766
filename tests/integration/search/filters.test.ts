// Filters combined with the query (speaker, topic, kind, document, date range), facets that count
// the query under the OTHER filters, and pagination, on the seeded archive. Topic counts come from
// seed/metadata.json's passageTopics; E7 is the essay's seventh paragraph, I3 the interview's third passage.
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchHit, SearchRequest, SearchResponse } from '@/lib/search/types';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

const search = (q: string, options: Partial<SearchRequest> = {}) => searchPassages(prisma, { q, page: 1, pageSize: 50, ...options });
const name = (hit: SearchHit) => `${hit.documentSlug === ESSAY ? 'E' : 'I'}${hit.anchor}`;
const names = (result: SearchResponse) => result.hits.map(name).sort();
const speakers = (result: SearchResponse) => result.facets.speakers.map((s) => [s.slug, s.count]);
const topics = (result: SearchResponse) => Object.fromEntries(result.facets.topics.map((t) => [t.slug, t.count]));
const kinds = (result: SearchResponse) => result.facets.kinds.map((k) => [k.kind, k.count]);
const years = (result: SearchResponse) => result.facets.years.map((y) => [y.year, y.count]);

afterAll(() => prisma.$disconnect());

describe('filters', () => {
  it.each<[Partial<SearchRequest>, string[]]>([
    [{}, ['E12', 'E5', 'E8', 'I3', 'I4']],
    [{ speaker: 'jeff-kim' }, ['I3']],
    [{ speaker: 'seongmin-lee' }, ['E12', 'E5', 'E8', 'I4']],
    [{ speaker: 'nobody-at-all' }, []],
    [{ topic: 'human-rights' }, ['E5', 'E8', 'I3', 'I4']],
    [{ topic: 'sanctions' }, ['E12', 'E5']],
    [{ topic: 'no-such-topic' }, []],
    [{ kind: 'paragraph' }, ['E12', 'E5', 'E8']],
    [{ kind: 'question' }, ['I3']],
    [{ kind: 'answer' }, ['I4']],
    [{ document: INTERVIEW }, ['I3', 'I4']],
    [{ document: ESSAY }, ['E12', 'E5', 'E8']],
    [{ document: 'no-such-document' }, []],
    // The essay is dated December 2016 (a month), the interview 28 August 2018 (a day).
    [{ from: '2017' }, ['I3', 'I4']],
    [{ to: '2016' }, ['E12', 'E5', 'E8']],
    [{ from: '2016-12-15', to: '2016-12-20' }, ['E12', 'E5', 'E8']],
    [{ from: '2016-12-31' }, ['E12', 'E5', 'E8', 'I3', 'I4']],
    [{ to: '2016-11-30' }, []],
    [{ from: '2017-01', to: '2018-08-27' }, []],
    [{ from: '2018-08-28', to: '2018-08-28' }, ['I3', 'I4']],
    [{ from: '2018-08-29' }, []],
    // Together.
    [{ speaker: 'seongmin-lee', kind: 'answer' }, ['I4']],
    [{ speaker: 'seongmin-lee', topic: 'human-rights', to: '2016' }, ['E5', 'E8']],
    [{ topic: 'engagement-and-diplomacy', document: INTERVIEW, kind: 'question' }, ['I3']],
    [{ speaker: 'jeff-kim', document: ESSAY }, []],
  ])('human rights with %j', async (options, expected) => {
    const result = await search('human rights', options);
    expect(names(result)).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('finds a topic’s passages only when they match the query too', async () => {
    expect(names(await search('sanctions', { topic: 'china' }))).toEqual(['E7']);
    expect(names(await search('smuggling', { topic: 'china' }))).toEqual(['E6']);
    expect(names(await search('dvd', { topic: 'smuggling-and-markets' }))).toEqual(['E11']);
  });

  it('searches within one document', async () => {
    expect(names(await search('korea', { document: INTERVIEW }))).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6']);
    expect(names(await search('korea', { document: INTERVIEW, kind: 'question' }))).toEqual(['I1', 'I3', 'I5']);
  });
});

describe('facets', () => {
  it('count the query’s matches by speaker, topic, kind and year', async () => {
    const result = await search('human rights');
    expect(speakers(result)).toEqual([
      ['seongmin-lee', 4],
      ['jeff-kim', 1],
    ]);
    expect(result.facets.speakers[0].name).toBe('Seongmin Lee');
    expect(topics(result)).toEqual({
      'human-rights': 4,
      'engagement-and-diplomacy': 2,
      denuclearization: 2,
      sanctions: 2,
      'citizens-as-agents-of-change': 2,
      'outside-information': 1,
    });
    expect(result.facets.topics.find((t) => t.slug === 'human-rights')!.name).toBe('Human rights');
    expect(kinds(result)[0]).toEqual(['paragraph', 3]);
    expect(Object.fromEntries(kinds(result))).toEqual({ paragraph: 3, answer: 1, question: 1 });
    expect(years(result)).toEqual([
      [2018, 2],
      [2016, 3],
    ]);
  });

  it('a speaker filter narrows the other facets, not the speaker facet', async () => {
    const result = await search('human rights', { speaker: 'jeff-kim' });
    expect(result.total).toBe(1);
    expect(speakers(result)).toEqual([
      ['seongmin-lee', 4],
      ['jeff-kim', 1],
    ]);
    expect(topics(result)).toEqual({ 'human-rights': 1, 'engagement-and-diplomacy': 1 });
    expect(kinds(result)).toEqual([['question', 1]]);
    expect(years(result)).toEqual([[2018, 1]]);
  });

  it('a topic filter narrows the other facets, not the topic facet', async () => {
    const all = await search('sanctions');
    const result = await search('sanctions', { topic: 'outside-information' });
    expect(names(result)).toEqual(['E10', 'E12']);
    expect(result.facets.topics).toEqual(all.facets.topics);
    expect(topics(result)).toEqual({
      sanctions: 3,
      'outside-information': 2,
      china: 1,
      'citizens-as-agents-of-change': 1,
      denuclearization: 1,
      'engagement-and-diplomacy': 1,
      'human-rights': 1,
    });
    expect(speakers(result)).toEqual([['seongmin-lee', 2]]);
    expect(kinds(result)).toEqual([['paragraph', 2]]);
    expect(years(result)).toEqual([[2016, 2]]);
  });

  it('a kind filter narrows the other facets, not the kind facet', async () => {
    const result = await search('human rights', { kind: 'paragraph' });
    expect(result.total).toBe(3);
    expect(Object.fromEntries(kinds(result))).toEqual({ paragraph: 3, answer: 1, question: 1 });
    expect(speakers(result)).toEqual([['seongmin-lee', 3]]);
    expect(years(result)).toEqual([[2016, 3]]);
    expect(topics(result)).toEqual({ 'human-rights': 2, denuclearization: 2, sanctions: 2, 'citizens-as-agents-of-change': 2, 'outside-information': 1 });
  });

  it('a date range narrows the other facets, not the year facet', async () => {
    const result = await search('human rights', { from: '2017' });
    expect(result.total).toBe(2);
    expect(years(result)).toEqual([
      [2018, 2],
      [2016, 3],
    ]);
    expect(Object.fromEntries(kinds(result))).toEqual({ question: 1, answer: 1 });
    expect(speakers(result)).toEqual([
      ['jeff-kim', 1],
      ['seongmin-lee', 1],
    ]);
  });

  it('every filter at once: each facet counts under all the filters but its own', async () => {
    const options: Partial<SearchRequest> = { speaker: 'seongmin-lee', topic: 'human-rights', kind: 'paragraph', from: '2016', to: '2016' };
    const result = await search('human rights', options);
    expect(names(result)).toEqual(['E5', 'E8']);
    // Speaker facet: topic, kind, dates, any speaker → E5, E8.
    expect(speakers(result)).toEqual([['seongmin-lee', 2]]);
    // Topic facet: speaker, kind, dates, any topic → E5, E8, E12.
    expect(topics(result)).toEqual({ 'human-rights': 2, denuclearization: 2, sanctions: 2, 'citizens-as-agents-of-change': 2, 'outside-information': 1 });
    // Kind facet: speaker, topic, dates, any kind → E5, E8.
    expect(kinds(result)).toEqual([['paragraph', 2]]);
    // Year facet: speaker, topic, kind, any date → E5, E8.
    expect(years(result)).toEqual([[2016, 2]]);
  });

  it('counts match the hits: the facet totals of a single-valued facet add up to the total', async () => {
    for (const q of ['korea', 'sanctions', 'human rights', 'dvd OR crane', 'people -china']) {
      const result = await search(q);
      const sum = (counts: { count: number }[]) => counts.reduce((n, c) => n + c.count, 0);
      expect(sum(result.facets.kinds)).toBe(result.total);
      expect(sum(result.facets.years)).toBe(result.total);
      expect(sum(result.facets.speakers)).toBe(result.total);
    }
  });
});

describe('pagination', () => {
  it('pages through every match once, in rank order, with the same total on every page', async () => {
    const all = await search('korea', { pageSize: 50 });
    expect(all.total).toBe(18);
    const pages = await Promise.all([1, 2, 3, 4].map((page) => search('korea', { page, pageSize: 5 })));
    expect(pages.map((p) => p.total)).toEqual([18, 18, 18, 18]);
    expect(pages.map((p) => p.hits.length)).toEqual([5, 5, 5, 3]);
    expect(pages.map((p) => p.page)).toEqual([1, 2, 3, 4]);
    const ids = pages.flatMap((p) => p.hits.map((h) => h.passageId));
    expect(new Set(ids).size).toBe(18);
    expect(ids).toEqual(all.hits.map((h) => h.passageId));
  });

  it('gives an empty page past the end, with the total and facets', async () => {
    const result = await search('sanctions', { page: 2, pageSize: 10 });
    expect(result).toMatchObject({ total: 4, page: 2, pageSize: 10, hits: [] });
    expect(result.facets.years).toEqual([{ year: 2016, count: 4 }]);
  });

  it('pages a filtered search', async () => {
    const first = await search('korea', { document: ESSAY, page: 1, pageSize: 7 });
    const second = await search('korea', { document: ESSAY, page: 2, pageSize: 7 });
    expect([first.total, second.total]).toEqual([12, 12]);
    expect([first.hits.length, second.hits.length]).toEqual([7, 5]);
    const anchors = [...first.hits, ...second.hits].map((h) => h.anchor).sort((a, b) => a - b);
    expect(anchors).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});
