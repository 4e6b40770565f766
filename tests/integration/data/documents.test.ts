// listDocuments and getPublishedDocument on the seeded archive: every filter alone and combined,
// the date-overlap rule, sort orders, pages, facets that count under the other filters, and the
// reader's full document.
import { afterAll, describe, expect, it } from 'vitest';
import { getPublishedDocument, listDocuments } from '@/lib/data/documents';
import { prisma } from '@/lib/db/client';
import { documentFiltersSchema } from '@/lib/validation/document-filters';
import { ESSAY_SUMMARY } from '@/tests/support/seed-expectations';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

/** Filters as a URL would give them, through the same schema the page and the API use. */
const filters = (query: Record<string, string> = {}) => documentFiltersSchema.parse(query);
const slugsFor = async (query: Record<string, string> = {}) => (await listDocuments(filters(query))).items.map((d) => d.slug);

afterAll(() => prisma.$disconnect());

describe('listDocuments: filters', () => {
  it('lists both published documents, newest first, with no filter', async () => {
    const list = await listDocuments(filters());
    expect(list.items.map((d) => d.slug)).toEqual([INTERVIEW, ESSAY]);
    expect(list).toMatchObject({ total: 2, page: 1, pageSize: 20, pageCount: 1 });
  });

  it.each([
    ['speaker=jeff-kim', { speaker: 'jeff-kim' }, [INTERVIEW]],
    ['speaker=seongmin-lee', { speaker: 'seongmin-lee' }, [INTERVIEW, ESSAY]],
    ['speaker nobody is', { speaker: 'nobody-at-all' }, []],
    ['topic on both', { topic: 'human-rights' }, [INTERVIEW, ESSAY]],
    ['topic only the essay has', { topic: 'sanctions' }, [ESSAY]],
    ['topic only the essay has (personality cult)', { topic: 'personality-cult' }, [ESSAY]],
    ['topic nobody uses', { topic: 'no-such-topic' }, []],
    ['kind=interview', { kind: 'interview' }, [INTERVIEW]],
    ['kind=essay', { kind: 'essay' }, [ESSAY]],
    ['kind=speech', { kind: 'speech' }, []],
  ])('%s', async (_name, query, expected) => {
    expect(await slugsFor(query)).toEqual(expected);
  });

  it.each([
    // Year precision.
    ['from=2016', { from: '2016' }, [INTERVIEW, ESSAY]],
    ['from=2017', { from: '2017' }, [INTERVIEW]],
    ['to=2016', { to: '2016' }, [ESSAY]],
    ['to=2017', { to: '2017' }, [ESSAY]],
    ['from=2019', { from: '2019' }, []],
    ['from=2016 to=2016', { from: '2016', to: '2016' }, [ESSAY]],
    ['from=2018 to=2018', { from: '2018', to: '2018' }, [INTERVIEW]],
    // Month precision.
    ['from=2016-12', { from: '2016-12' }, [INTERVIEW, ESSAY]],
    ['from=2017-01', { from: '2017-01' }, [INTERVIEW]],
    ['to=2016-11', { to: '2016-11' }, []],
    ['to=2016-12', { to: '2016-12' }, [ESSAY]],
    ['from=2018-08 to=2018-08', { from: '2018-08', to: '2018-08' }, [INTERVIEW]],
    ['from=2018-09', { from: '2018-09' }, []],
    // Day precision, and the overlap rule: "December 2016" is the whole month.
    ['from=2016-12-15 (inside the essay\'s month)', { from: '2016-12-15' }, [INTERVIEW, ESSAY]],
    ['from=2016-12-31 (its last day)', { from: '2016-12-31' }, [INTERVIEW, ESSAY]],
    ['from=2017-01-01 (the day after)', { from: '2017-01-01' }, [INTERVIEW]],
    ['to=2016-12-01 (its first day)', { to: '2016-12-01' }, [ESSAY]],
    ['to=2016-11-30 (the day before)', { to: '2016-11-30' }, []],
    ['from=2018-08-28 (the interview\'s day)', { from: '2018-08-28' }, [INTERVIEW]],
    ['from=2018-08-29 (the day after)', { from: '2018-08-29' }, []],
    ['to=2018-08-27 (the day before)', { to: '2018-08-27' }, [ESSAY]],
    ['to=2018-08-28', { to: '2018-08-28' }, [INTERVIEW, ESSAY]],
    ['from=2016-12-10 to=2016-12-20 (inside the month)', { from: '2016-12-10', to: '2016-12-20' }, [ESSAY]],
  ])('dates: %s', async (_name, query, expected) => {
    expect(await slugsFor(query)).toEqual(expected);
  });

  it.each([
    ['speaker and kind', { speaker: 'seongmin-lee', kind: 'essay' }, [ESSAY]],
    ['speaker and kind that exclude each other', { speaker: 'jeff-kim', kind: 'essay' }, []],
    ['speaker and topic', { speaker: 'jeff-kim', topic: 'human-rights' }, [INTERVIEW]],
    ['speaker and topic only the other document has', { speaker: 'jeff-kim', topic: 'china' }, []],
    ['topic and date', { topic: 'human-rights', from: '2017' }, [INTERVIEW]],
    ['kind and date', { kind: 'interview', to: '2017' }, []],
    ['all of them', { speaker: 'seongmin-lee', topic: 'outside-information', kind: 'essay', from: '2016-12-15', to: '2016-12-15' }, [ESSAY]],
  ])('combined: %s', async (_name, query, expected) => {
    expect(await slugsFor(query)).toEqual(expected);
  });
});

describe('listDocuments: sort and pages', () => {
  it.each([
    ['newest', [INTERVIEW, ESSAY]],
    ['oldest', [ESSAY, INTERVIEW]],
    // "How to Really…" before "Seongmin Lee Q&A…"
    ['title', [ESSAY, INTERVIEW]],
  ])('sort=%s', async (sort, expected) => {
    expect(await slugsFor({ sort })).toEqual(expected);
  });

  it.each([
    ['1', 'newest', [INTERVIEW]],
    ['2', 'newest', [ESSAY]],
    ['1', 'oldest', [ESSAY]],
    ['2', 'oldest', [INTERVIEW]],
    ['3', 'newest', []],
  ])('pageSize=1 page=%s sort=%s', async (page, sort, expected) => {
    const list = await listDocuments(filters({ pageSize: '1', page, sort }));
    expect(list.items.map((d) => d.slug)).toEqual(expected);
    expect(list).toMatchObject({ total: 2, page: Number(page), pageSize: 1, pageCount: 2 });
  });

  it('has one (empty) page when nothing matches', async () => {
    const list = await listDocuments(filters({ kind: 'testimony' }));
    expect(list).toMatchObject({ items: [], total: 0, pageCount: 1 });
  });
});

describe('listDocuments: summaries', () => {
  it('gives each document its kind, publisher, date at its precision, participants in order and passage count', async () => {
    const { items } = await listDocuments(filters());
    expect(items).toEqual([
      {
        slug: INTERVIEW,
        kind: 'interview',
        title: 'Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea',
        subtitle: null,
        publisher: 'George W. Bush Institute',
        date: { iso: '2018-08-28', label: '28 August 2018', precision: 'day', year: 2018 },
        participants: [
          { slug: 'jeff-kim', name: 'Jeff Kim', role: 'interviewer' },
          { slug: 'seongmin-lee', name: 'Seongmin Lee', role: 'interviewee' },
        ],
        passageCount: 6,
      },
      ESSAY_SUMMARY,
    ]);
  });
});

describe('listDocuments: facets count under the other filters', () => {
  const facet = (counts: { value: string; count: number }[]) => counts.map((c) => [c.value, c.count]);
  const labelledFacet = (counts: { value: string; label: string; count: number }[]) => counts.map((c) => [c.value, c.label, c.count]);
  // A facet does not apply its own filter ("still lists both"): under that filter it is the facet with no filter at all.
  const unfilteredFacets = async (name: 'kinds' | 'speakers' | 'years' | 'topics') => (await listDocuments(filters())).facets[name];

  it('count everything with no filter', async () => {
    const { facets } = await listDocuments(filters());
    expect({
      kinds: facet(facets.kinds),
      years: facet(facets.years),
      speakers: labelledFacet(facets.speakers),
      topics: labelledFacet(facets.topics),
    }).toEqual({
      kinds: [
        ['essay', 1],
        ['interview', 1],
      ],
      years: [
        ['2018', 1],
        ['2016', 1],
      ],
      speakers: [
        ['jeff-kim', 'Jeff Kim', 1],
        ['seongmin-lee', 'Seongmin Lee', 2],
      ],
      topics: [
        ['china', 'China', 1],
        ['citizens-as-agents-of-change', 'Citizens as agents of change', 2],
        ['denuclearization', 'Denuclearization', 2],
        ['engagement-and-diplomacy', 'Engagement and diplomacy', 2],
        ['human-rights', 'Human rights', 2],
        ['outside-information', 'Outside information and media', 2],
        ['perceptions-of-north-korea', 'Perceptions of North Korea', 2],
        ['sanctions', 'Sanctions', 1],
        ['smuggling-and-markets', 'Smuggling and markets', 1],
        ['personality-cult', 'The personality cult', 1],
      ],
    });
  });

  it('kind=essay: kinds still list both kinds, the other facets only the essay', async () => {
    const { facets, total } = await listDocuments(filters({ kind: 'essay' }));
    expect(total).toBe(1);
    expect(facets.kinds).toEqual(await unfilteredFacets('kinds'));
    expect(facet(facets.speakers)).toEqual([['seongmin-lee', 1]]);
    expect(facet(facets.years)).toEqual([['2016', 1]]);
    expect(facets.topics).toHaveLength(10);
    expect(facets.topics.every((t) => t.count === 1)).toBe(true);
  });

  it('speaker=jeff-kim: speakers still list both, the other facets only the interview', async () => {
    const { facets } = await listDocuments(filters({ speaker: 'jeff-kim' }));
    expect(facets.speakers).toEqual(await unfilteredFacets('speakers'));
    expect(facet(facets.kinds)).toEqual([['interview', 1]]);
    expect(facet(facets.years)).toEqual([['2018', 1]]);
    expect(facet(facets.topics)).toEqual([
      ['citizens-as-agents-of-change', 1],
      ['denuclearization', 1],
      ['engagement-and-diplomacy', 1],
      ['human-rights', 1],
      ['outside-information', 1],
      ['perceptions-of-north-korea', 1],
    ]);
  });

  it('topic=sanctions: topics still list all ten, the other facets only the essay', async () => {
    const { facets } = await listDocuments(filters({ topic: 'sanctions' }));
    expect(facets.topics).toEqual(await unfilteredFacets('topics'));
    expect(facets.topics.find((t) => t.value === 'human-rights')?.count).toBe(2);
    expect(facet(facets.kinds)).toEqual([['essay', 1]]);
    expect(facet(facets.speakers)).toEqual([['seongmin-lee', 1]]);
  });

  it('from=2017: years still list both years, the other facets only the interview', async () => {
    const { facets } = await listDocuments(filters({ from: '2017' }));
    expect(facets.years).toEqual(await unfilteredFacets('years'));
    expect(facet(facets.kinds)).toEqual([['interview', 1]]);
    expect(facet(facets.speakers)).toEqual([
      ['jeff-kim', 1],
      ['seongmin-lee', 1],
    ]);
    expect(facets.topics.find((t) => t.value === 'sanctions')).toBeUndefined();
  });

  it('two filters: each facet applies the other one', async () => {
    const { facets, total } = await listDocuments(filters({ kind: 'essay', speaker: 'jeff-kim' }));
    expect(total).toBe(0);
    // Kinds under speaker=jeff-kim: only the interview. Speakers under kind=essay: only Seongmin Lee.
    expect(facet(facets.kinds)).toEqual([['interview', 1]]);
    expect(facet(facets.speakers)).toEqual([['seongmin-lee', 1]]);
    expect(facets.years).toEqual([]);
    expect(facets.topics).toEqual([]);
  });

  it('facets do not depend on the page', async () => {
    const first = await listDocuments(filters({ pageSize: '1', page: '1' }));
    const second = await listDocuments(filters({ pageSize: '1', page: '2' }));
    expect(second.facets).toEqual(first.facets);
    expect(facet(second.facets.kinds)).toEqual([
      ['essay', 1],
      ['interview', 1],
    ]);
  });
});

describe('getPublishedDocument', () => {
  it('returns the interview with its passages in order, answers tied to their questions', async () => {
    const document = await getPublishedDocument(INTERVIEW);
    expect(document).not.toBeNull();
    expect(document).toMatchObject({
      slug: INTERVIEW,
      kind: 'interview',
      sourceUrl: 'https://www.bushcenter.org/publications/articles/2018/08/seongmin-lee-north-korea-part2.html',
      caption: 'Seongmin Lee with President and Mrs. Bush at Spirit of Liberty in New York City, October 2017.',
      language: 'en',
      date: { iso: '2018-08-28', label: '28 August 2018', precision: 'day', year: 2018 },
      passageCount: 6,
    });
    expect(new Date(document!.updatedAt).toISOString()).toBe(document!.updatedAt);
    expect(document!.passages.map((p) => [p.position, p.anchor, p.kind, p.speaker?.slug, p.questionAnchor])).toEqual([
      [1, 1, 'question', 'jeff-kim', null],
      [2, 2, 'answer', 'seongmin-lee', 1],
      [3, 3, 'question', 'jeff-kim', null],
      [4, 4, 'answer', 'seongmin-lee', 3],
      [5, 5, 'question', 'jeff-kim', null],
      [6, 6, 'answer', 'seongmin-lee', 5],
    ]);
  });

  it('splits a passage into its paragraphs and keeps the whole text', async () => {
    const document = await getPublishedDocument(INTERVIEW);
    const answer = document!.passages[1];
    expect(answer.paragraphs).toHaveLength(2);
    expect(answer.paragraphs[0]).toMatch(/^I think there are a lot of questions out there/);
    expect(answer.paragraphs[1]).toMatch(/^Should we then disengage with North Korea\?/);
    expect(answer.text).toBe(answer.paragraphs.join('\n\n'));
    expect(document!.passages[0].paragraphs).toEqual([document!.passages[0].text]);
  });

  it('gives each passage its topics, sorted by name', async () => {
    const document = await getPublishedDocument(INTERVIEW);
    expect(document!.passages[1].topics).toEqual([
      { slug: 'citizens-as-agents-of-change', name: 'Citizens as agents of change' },
      { slug: 'denuclearization', name: 'Denuclearization' },
      { slug: 'engagement-and-diplomacy', name: 'Engagement and diplomacy' },
    ]);
  });

  it('returns the essay as 12 paragraphs by its author, none answering anything', async () => {
    const document = await getPublishedDocument(ESSAY);
    expect(document).toMatchObject({ slug: ESSAY, date: { iso: '2016-12', label: 'December 2016', precision: 'month' } });
    expect(document!.caption).toContain('KCNA');
    expect(document!.passages.map((p) => p.anchor)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(document!.passages.every((p) => p.kind === 'paragraph' && p.speaker?.slug === 'seongmin-lee' && p.questionAnchor === null)).toBe(true);
  });

  it.each(['no-such-document', 'seongmin-lee', ''])('returns null for %j', async (slug) => {
    expect(await getPublishedDocument(slug)).toBeNull();
  });
});
