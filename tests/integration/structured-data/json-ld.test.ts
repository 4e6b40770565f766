// The structured data of the seed documents, read back by the real JSON-LD processor (jsonld.js,
// expanded against schema.org's vocabulary; see tests/support/json-ld.ts): the right types, dates at
// their true precision, the original publisher and address, and every passage whole, in order and
// credited to its own speaker, checked against the archive's own rows.
import { afterAll, describe, expect, it } from 'vitest';
import { getPublishedDocument } from '@/lib/data/documents';
import { getSpeaker } from '@/lib/data/speakers';
import { prisma } from '@/lib/db/client';
import { absoluteUrl } from '@/lib/site-origin';
import { documentNode, passagePageNode } from '@/lib/structured-data/document';
import { personNode } from '@/lib/structured-data/person';
import { serializeJsonLd } from '@/lib/structured-data/serialize';
import { websiteNode } from '@/lib/structured-data/site';
import { createDocumentFixture } from '@/tests/support/factories';
import { expand, one, S, values, type Expanded } from '@/tests/support/json-ld';
import { INTERVIEW_TURNS } from '@/tests/support/seed-expectations';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

afterAll(() => prisma.$disconnect());

/** The document's passages as the database holds them, in reading order: the independent truth. */
async function storedPassages(slug: string) {
  return prisma.passage.findMany({
    where: { document: { slug } },
    orderBy: { position: 'asc' },
    select: { anchor: true, position: true, kind: true, text: true, speaker: { select: { slug: true, name: true } } },
  });
}

async function expandedDocument(slug: string): Promise<Expanded> {
  const document = await getPublishedDocument(slug);
  const graph = await expand(serializeJsonLd(documentNode(document!, { passages: true })));
  expect(graph).toHaveLength(1);
  return graph[0];
}

/** Each passage of the expanded document, by position: [kind, speaker name or null, text]. */
function quotations(node: Expanded) {
  return values(node, 'hasPart')
    .map((q) => ({
      type: q['@type'],
      position: Number(one(q, 'position')),
      kind: one(q, 'genre'),
      text: one(q, 'text'),
      creator: values(q, 'creator').map((p) => [p['@id'], one(p, 'name')]),
      spokenBy: values(q, 'spokenByCharacter').map((p) => [p['@id'], one(p, 'name')]),
      isPartOf: values(q, 'isPartOf').map((d) => d['@id']),
    }))
    .sort((a, b) => a.position - b.position);
}

const person = (slug: string) => `${absoluteUrl(`/speakers/${slug}`)}#person`;

describe('JSON-LD of the seed documents, expanded', () => {
  it('the essay is an Article of December 2016 ("2016-12", never a day), by Seongmin Lee, published by The Diplomat', async () => {
    const node = await expandedDocument(ESSAY);
    expect(node['@type']).toEqual([S('Article')]);
    expect(node['@id']).toBe(absoluteUrl(`/documents/${ESSAY}`));
    expect(one(node, 'datePublished')).toBe('2016-12');
    expect(one(node, 'headline')).toBe('How to Really Bring Change to North Korea, My Home Country');
    expect(values(node, 'author').map((a) => [a['@type'], a['@id'], one(a, 'name')])).toEqual([[[S('Person')], person('seongmin-lee'), 'Seongmin Lee']]);
    expect(values(node, 'contributor')).toEqual([]);
    const publisher = values(node, 'publisher');
    expect(publisher.map((p) => [p['@type'], one(p, 'name')])).toEqual([[[S('Organization')], 'The Diplomat']]);
    expect(one(node, 'sameAs')).toMatch(/^https:\/\/thediplomat\.com\//);
    expect(values(node, 'isPartOf').map((s) => [s['@type'], s['@id']])).toEqual([[[S('WebSite')], absoluteUrl('/#website')]]);
  });

  it('the interview is a CreativeWork of 28 August 2018: Seongmin Lee its author, Jeff Kim a contributor in the role of interviewer', async () => {
    const node = await expandedDocument(INTERVIEW);
    expect(node['@type']).toEqual([S('CreativeWork')]);
    expect(one(node, 'genre')).toBe('interview');
    expect(one(node, 'datePublished')).toBe('2018-08-28');
    expect(values(node, 'author').map((a) => one(a, 'name'))).toEqual(['Seongmin Lee']);
    const roles = values(node, 'contributor');
    expect(roles.map((r) => [r['@type'], one(r, 'roleName'), values(r, 'contributor').map((p) => [p['@id'], one(p, 'name')])])).toEqual([
      [[S('Role')], 'interviewer', [[person('jeff-kim'), 'Jeff Kim']]],
    ]);
    expect(values(node, 'publisher').map((p) => one(p, 'name'))).toEqual(['George W. Bush Institute']);
    expect(one(node, 'sameAs')).toBe('https://www.bushcenter.org/publications/articles/2018/08/seongmin-lee-north-korea-part2.html');
  });

  it.each([INTERVIEW, ESSAY])('%s: every passage a Quotation, whole, in order, credited to its own speaker', async (slug) => {
    const [node, stored] = await Promise.all([expandedDocument(slug), storedPassages(slug)]);
    const found = quotations(node);
    expect(found).toHaveLength(stored.length);
    expect(stored.length).toBeGreaterThan(5);
    found.forEach((q, i) => {
      const row = stored[i];
      expect(q.type).toEqual([S('Quotation')]);
      expect(q.position).toBe(row.position);
      expect(q.kind).toBe(row.kind);
      expect(q.text).toBe(row.text);
      const credit = row.speaker ? [[person(row.speaker.slug), row.speaker.name]] : [];
      expect(q.creator).toEqual(credit);
      expect(q.spokenBy).toEqual(credit);
      expect(q.isPartOf).toEqual([absoluteUrl(`/documents/${slug}`)]);
    });
    if (slug === INTERVIEW) expect(found.map((q) => [q.kind, q.spokenBy[0]?.[1]])).toEqual(INTERVIEW_TURNS.map(([kind, name]) => [kind, name]));
    else expect(new Set(found.map((q) => q.spokenBy[0]?.[1]))).toEqual(new Set(['Seongmin Lee']));
  });

  it.each([INTERVIEW, ESSAY])('%s: each passage page is a Quotation part of the whole document, at its precision', async (slug) => {
    const document = (await getPublishedDocument(slug))!;
    for (const passage of document.passages) {
      const [node] = await expand(serializeJsonLd(passagePageNode(document, passage)));
      expect(node['@type']).toEqual([S('Quotation')]);
      expect(node['@id']).toBe(absoluteUrl(`/documents/${slug}/passages/${passage.anchor}`));
      expect(one(node, 'url')).toBe(absoluteUrl(`/documents/${slug}#p${passage.anchor}`));
      expect(one(node, 'text')).toBe(passage.text);
      expect(values(node, 'spokenByCharacter').map((p) => one(p, 'name'))).toEqual([passage.speaker!.name]);
      const [whole] = values(node, 'isPartOf');
      expect(whole['@id']).toBe(absoluteUrl(`/documents/${slug}`));
      expect(one(whole, 'datePublished')).toBe(document.date.iso);
      expect(values(whole, 'hasPart')).toEqual([]);
    }
  });
});

describe('JSON-LD of the site and of speakers', () => {
  it('the site is a WebSite whose SearchAction searches every passage', async () => {
    const [node] = await expand(serializeJsonLd(websiteNode()));
    expect(node['@type']).toEqual([S('WebSite')]);
    const [action] = values(node, 'potentialAction');
    expect(action['@type']).toEqual([S('SearchAction')]);
    const [target] = values(action, 'target');
    expect(one(target, 'urlTemplate')).toBe(`${absoluteUrl('/search')}?q={search_term_string}`);
  });

  it('a speaker is a Person with the aliases the transcripts label them by', async () => {
    const [node] = await expand(serializeJsonLd(personNode((await getSpeaker('seongmin-lee'))!)));
    expect(node['@type']).toEqual([S('Person')]);
    expect(node['@id']).toBe(person('seongmin-lee'));
    expect(one(node, 'name')).toBe('Seongmin Lee');
    expect(values(node, 'alternateName').map((v) => (v as { '@value'?: string })['@value'])).toEqual(['Lee Seongmin', 'SL']);
  });
});

describe('JSON-LD text in a page', () => {
  it('cannot end its script element, and reads back as written; a passage without a speaker is credited to nobody', async () => {
    const hostile = 'She wrote </script><script>alert(1)</script> & <!-- and \u2028 a line separator';
    await createDocumentFixture(prisma, {
      slug: 'json-ld-hostile-text',
      date: '2016',
      passages: [
        { speaker: 'Ann Writer', text: hostile },
        { speaker: null, text: 'Words no one was credited with.' },
      ],
    });
    const document = (await getPublishedDocument('json-ld-hostile-text'))!;
    const text = serializeJsonLd(documentNode(document, { passages: true }));
    expect(text).not.toMatch(/[<>\u2028]/);
    const [node] = await expand(text);
    expect(one(node, 'datePublished')).toBe('2016');
    const found = quotations(node);
    expect(found.map((q) => [q.text, q.spokenBy.map(([, name]) => name)])).toEqual([
      [hostile, ['Ann Writer']],
      ['Words no one was credited with.', []],
    ]);
  });
});
