// Synonyms from the database (seed/metadata.json's groups) and "did you mean" for typos, on the
// seeded archive plus two published notes: one that says "DPRK", one that says "the north of Korea"
// (both words, not the phrase). E3 is the essay's third paragraph, I2 the interview's second passage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/search/route';
import { prisma } from '@/lib/db/client';
import { createDocumentFixture } from '@/tests/support/factories';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchHit, SearchRequest } from '@/lib/search/types';
import { env } from '@/lib/env';
import { singleSpeakerDocument } from '@/tests/support/documents';
import { snippetOf } from '@/tests/support/snippet';
// url fields are on the configured site address (SITE_URL, else localhost on PORT).
const SITE = env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const DPRK_NOTE = 'missile-notes';
const WORDS_NOTE = 'peninsula-winters';

const search = (q: string, options: Partial<SearchRequest> = {}) => searchPassages(prisma, { q, page: 1, pageSize: 50, ...options });
const name = (hit: SearchHit) => (hit.documentSlug === ESSAY ? `E${hit.anchor}` : hit.documentSlug === INTERVIEW ? `I${hit.anchor}` : hit.documentSlug);
const names = async (q: string) => (await search(q)).hits.map(name).sort();

const note = (slug: string, title: string, text: string) =>
  createDocumentFixture(prisma, singleSpeakerDocument({ slug, title, date: '2019-04', paragraphs: [text] }));

beforeAll(async () => {
  await note(DPRK_NOTE, 'Missile Notes', 'The DPRK tested another missile over the sea.');
  await note(WORDS_NOTE, 'Across the Peninsula', 'In the north of Korea the winters are long.');
});

afterAll(() => prisma.$disconnect());

describe('synonyms', () => {
  it('the seed’s synonym groups are in the database, each term normalised', async () => {
    const rows = await prisma.searchSynonym.findMany({ orderBy: { id: 'asc' }, select: { term: true, group: true } });
    const groups = new Map<number, string[]>();
    for (const row of rows) groups.set(row.group, [...(groups.get(row.group) ?? []), row.term]);
    expect([...groups.values()]).toEqual([
      ['north korea', 'dprk', 'democratic people s republic of korea'],
      ['south korea', 'rok', 'republic of korea'],
      ['nuclear weapons', 'nukes', 'nuclear arms'],
      ['kim jong un', 'kim jong eun'],
      ['defector', 'escapee'],
      ['united nations', 'u n'],
    ]);
  });

  it('DPRK finds passages that say North Korea, with North Korea marked', async () => {
    const result = await search('DPRK');
    const hits = new Map(result.hits.map((h) => [name(h), h]));
    expect(hits.has(DPRK_NOTE)).toBe(true);
    expect(snippetOf(hits.get(DPRK_NOTE)!)).toBe('The <mark>DPRK</mark> tested another missile over the sea.');
    // I5: "More and more people are starting to show interest in North Korea."
    expect(snippetOf(hits.get('I5')!)).toContain('interest in <mark>North Korea</mark>.');
    expect(hits.has(WORDS_NOTE)).toBe(false);
    expect(result.total).toBe(19);
  });

  it('North Korea, in quotes, finds the passage that says DPRK', async () => {
    const result = await search('"North Korea" missile');
    expect(result.hits.map(name).sort()).toEqual(['E4', 'E5', DPRK_NOTE]);
  });

  it('North Korea typed as two words still finds every passage with both words, and DPRK too', async () => {
    // Words: all must match, anywhere in the passage. A synonym may add passages, never take any away.
    const words = await names('korea north');
    expect(words).toContain(WORDS_NOTE);
    const result = await names('north korea');
    expect(result).toContain(WORDS_NOTE);
    expect(result).toContain(DPRK_NOTE);
    expect(result).toHaveLength(20);
  });

  it('the long form finds the short one', async () => {
    // E4 and E5 through the essay's title, the note through "DPRK".
    expect(await names('"democratic people’s republic of korea" missile')).toEqual(['E4', 'E5', DPRK_NOTE]);
  });

  it('nukes finds “nukes” and “nuclear weapons”, and each is marked', async () => {
    const result = await search('nukes');
    expect(result.hits.map(name).sort()).toEqual(['E3', 'E5']);
    const snippet = Object.fromEntries(result.hits.map((h) => [name(h), snippetOf(h)]));
    expect(snippet.E3).toContain('the usual ones about <mark>nukes</mark> and the like');
    expect(snippet.E5).toContain('regards <mark>nuclear weapons</mark> as its survival sword');
  });

  it.each(['nuclear weapons', '"nuclear weapons"', 'nuclear arms', 'NUKES'])('%s finds the same two paragraphs', async (q) => {
    expect(await names(q)).toEqual(['E3', 'E5']);
  });

  it.each(['Kim Jong Un', 'kim jong un', 'Kim Jong-un', '"Kim Jong Un"', 'KIM JONG EUN'])('%s finds every passage that names Kim Jong-un', async (q) => {
    // I2 "Kim Jong-un's commitment", I4 "between President Trump and Kim Jong-un", E2 "leader Kim Jong-un", E9 "the presently reigning Kim Jong-un".
    expect(await names(q)).toEqual(['E2', 'E9', 'I2', 'I4']);
  });

  it('an excluded word leaves out its synonyms too', async () => {
    // Missiles: E4, E5 and the note; E5 says "nuclear weapons".
    expect(await names('missile')).toEqual(['E4', 'E5', DPRK_NOTE]);
    expect(await names('missile -nukes')).toEqual(['E4', DPRK_NOTE]);
  });

  it('a prefix is not expanded', async () => {
    expect(await names('nuke*')).toEqual(['E3']);
  });
});

describe('did you mean', () => {
  it.each<[string, string, string[]]>([
    ['sanctoins', 'sanctions', ['E10', 'E12', 'E4', 'E7']],
    ['smugling', 'smuggling', ['E11', 'E6']],
    ['eyebrw', 'eyebrow', ['E7']],
    ['Sanctoins China', 'sanctions china', ['E7']],
    ['smugling -china', 'smuggling -china', ['E11']],
    ['"human rigths"', '"human rights"', ['E12', 'E5', 'E8', 'I3', 'I4']],
  ])('%j → did you mean %j, and its results', async (q, corrected, expected) => {
    const result = await search(q);
    expect(result.didYouMean?.toLowerCase()).toBe(corrected);
    expect(result.query).toBe(q);
    expect(result.hits.map(name).sort()).toEqual(expected);
    expect(result.total).toBe(expected.length);
  });

  it('gives the corrected query’s own ranking and snippets', async () => {
    const corrected = await search('sanctoins');
    const right = await search('sanctions');
    expect(corrected.hits).toEqual(right.hits);
    expect(corrected.facets).toEqual(right.facets);
    expect(snippetOf(corrected.hits[0])).toContain('<mark>sanctions</mark>');
  });

  it.each(['sanctions', 'smuggling', 'DPRK', 'nukes'])('offers nothing when %s finds results as typed', async (q) => {
    const result = await search(q);
    expect(result.total).toBeGreaterThan(0);
    expect(result.didYouMean).toBeUndefined();
  });

  it('offers nothing when no word is near: no results, no correction', async () => {
    const result = await search('qqqqzzzzxx');
    expect(result).toMatchObject({ total: 0, hits: [] });
    expect(result.didYouMean).toBeUndefined();
  });

  it('keeps the filters when it corrects', async () => {
    const result = await search('sanctoins', { topic: 'china' });
    expect(result.didYouMean).toBe('sanctions');
    expect(result.hits.map(name)).toEqual(['E7']);
  });

  it.each<[string, string, string]>([
    ['xanctions', 'sanctions', 'a typo in the first letter'],
    ['dmuggling', 'smuggling', 'a typo in the first letter'],
    // Typed with a combining accent (NFD): the parser reads "sanctoíns", which the typed text never
    // spells, so a correction written into the typed text found nothing to replace.
    ['sanctoi\u0301ns', 'sanctions', 'a word typed in another Unicode form'],
    ['Sanctoi\u0301ns -china', 'sanctions -china', 'a word typed in another Unicode form'],
  ])('corrects %j → %j (%s)', async (q, corrected) => {
    const result = await search(q);
    expect(result.didYouMean).toBe(corrected);
    expect(result.total).toBeGreaterThan(0);
  });

  it('comes back through the API as didYouMean', async () => {
    const body = await (await GET(new Request('http://localhost/api/v1/search?q=smugling'))).json();
    expect(body).toMatchObject({ query: 'smugling', didYouMean: 'smuggling', total: 2 });
    expect(body.hits.map((h: { url: string }) => h.url).sort()).toEqual([`${SITE}/documents/${ESSAY}#p11`, `${SITE}/documents/${ESSAY}#p6`]);
  });
});
