// RSS 2.0, Atom and JSON Feed of newly published documents, called as Next calls the route handlers
// and read back by real parsers: xmllint for the XML (well-formed, then its structure by XPath),
// JSON.parse and JSON Feed's required fields for the JSON. Newest publication first; drafts never;
// the original date only at its precision, feed dates the real instants of publication here.
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { GET as atomRoute } from '@/app/feed.atom/route';
import { GET as jsonRoute } from '@/app/feed.json/route';
import { GET as rssRoute } from '@/app/feed.xml/route';
import { prisma } from '@/lib/db/client';
import { absoluteUrl } from '@/lib/site-origin';
import { createDocumentFixture } from '@/tests/support/factories';
import { assertWellFormed, ln, requireXmllint, xpath } from '@/tests/support/xmllint';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const NEWEST = 'feed-newest-q-and-a';
const HOSTILE_TITLE = 'Q&A <b>not markup</b> “quoted” ]]> end';

const get = (route: (r: Request) => Promise<Response>, headers: Record<string, string> = {}) => route(new Request(absoluteUrl('/feed'), { headers }));
const count = (xml: string, path: string) => Number(xpath(xml, `count(${path})`));
const text = (xml: string, path: string) => xpath(xml, `string(${path})`);

let startedAt: number;

beforeAll(async () => {
  requireXmllint();
  startedAt = Date.now() - 1000;
  await createDocumentFixture(prisma, {
    slug: NEWEST,
    kind: 'interview',
    title: HOSTILE_TITLE,
    date: '2019',
    publisher: 'Press & Co',
    passages: [
      { kind: 'question', speaker: 'Ann Asker', text: 'What happened?' },
      { kind: 'answer', speaker: 'Bo Teller', text: 'Everything.', answers: 0 },
    ],
    participants: [
      { speaker: 'Ann Asker', role: 'interviewer' },
      { speaker: 'Bo Teller', role: 'interviewee' },
    ],
  });
  await createDocumentFixture(prisma, { slug: 'feed-draft', status: 'draft', passages: [{ speaker: 'Cy Drafter', text: 'Not yet.' }] });
});

afterAll(() => prisma.$disconnect());

describe('RSS 2.0 at /feed.xml', () => {
  it('is well-formed RSS 2.0, newest publication first, with no draft', async () => {
    const res = await get(rssRoute);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    const xml = await res.text();
    assertWellFormed(xml);
    expect(text(xml, '/rss/@version')).toBe('2.0');
    for (const required of ['title', 'link', 'description']) expect(text(xml, `/rss/channel/${required}`)).not.toBe('');
    expect(count(xml, '/rss/channel/item')).toBe(3);
    const links = [1, 2, 3].map((i) => text(xml, `/rss/channel/item[${i}]/link`));
    expect(links[0]).toBe(absoluteUrl(`/documents/${NEWEST}`));
    expect(new Set(links.slice(1))).toEqual(new Set([absoluteUrl(`/documents/${INTERVIEW}`), absoluteUrl(`/documents/${ESSAY}`)]));
    expect(xml).not.toContain('feed-draft');
    // Every item has a title, a permanent id and a real publication instant (RFC 822).
    for (const i of [1, 2, 3]) {
      expect(text(xml, `/rss/channel/item[${i}]/title`)).not.toBe('');
      expect(text(xml, `/rss/channel/item[${i}]/guid`)).toBe(links[i - 1]);
      expect(Number.isNaN(Date.parse(text(xml, `/rss/channel/item[${i}]/pubDate`)))).toBe(false);
    }
    const newest = Date.parse(text(xml, '/rss/channel/item[1]/pubDate'));
    expect(newest).toBeGreaterThanOrEqual(startedAt - 1000);
    // The title is text, whatever characters it has; the people are named with dc:creator.
    expect(text(xml, '/rss/channel/item[1]/title')).toBe(HOSTILE_TITLE);
    expect(
      xpath(xml, `/rss/channel/item[1]/${ln('creator')}/text()`)
        .split('\n')
        .filter(Boolean),
    ).toEqual(['Ann Asker', 'Bo Teller']);
  });

  it('gives the original date at its precision in the text: December 2016, never the first of December', async () => {
    const xml = await (await get(rssRoute)).text();
    const essay = `/rss/channel/item[link='${absoluteUrl(`/documents/${ESSAY}`)}']`;
    const content = text(xml, `${essay}/${ln('encoded')}`);
    expect(content).toContain('originally published December 2016 by The Diplomat');
    expect(content).toContain('<time datetime="2016-12">2016-12</time>');
    expect(content).not.toMatch(/2016-12-01|1 December/);
    expect(content).toContain(`<a href="${absoluteUrl('/speakers/seongmin-lee')}">Seongmin Lee</a> (author)`);
  });
});

describe('Atom at /feed.atom', () => {
  it('is well-formed Atom with every required element, published no later than updated', async () => {
    const res = await get(atomRoute);
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const xml = await res.text();
    assertWellFormed(xml);
    expect(xpath(xml, 'namespace-uri(/*)')).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated']) expect(text(xml, `/${ln('feed')}/${ln(required)}`)).not.toBe('');
    expect(text(xml, `/${ln('feed')}/${ln('author')}/${ln('name')}`)).toBe('Interview Archive');
    expect(text(xml, `/${ln('feed')}/${ln('link')}[@rel='self']/@href`)).toBe(absoluteUrl('/feed.atom'));
    const entries = count(xml, `/${ln('feed')}/${ln('entry')}`);
    expect(entries).toBe(3);
    for (let i = 1; i <= entries; i++) {
      const entry = `/${ln('feed')}/${ln('entry')}[${i}]`;
      for (const required of ['id', 'title', 'updated', 'published']) expect(text(xml, `${entry}/${ln(required)}`)).not.toBe('');
      expect(text(xml, `${entry}/${ln('link')}/@href`)).toBe(text(xml, `${entry}/${ln('id')}`));
      const published = Date.parse(text(xml, `${entry}/${ln('published')}`));
      expect(published).toBeLessThanOrEqual(Date.parse(text(xml, `${entry}/${ln('updated')}`)));
    }
    // The title is typed HTML, so its markup characters arrive escaped: a reader shows them as text.
    expect(text(xml, `/${ln('feed')}/${ln('entry')}[1]/${ln('title')}`)).toBe('Q&amp;A &lt;b&gt;not markup&lt;/b&gt; “quoted” ]]&gt; end');
    expect(text(xml, `/${ln('feed')}/${ln('entry')}[1]/${ln('author')}[2]/${ln('name')}`)).toBe('Bo Teller');
  });
});

describe('JSON Feed at /feed.json', () => {
  it('has every field the JSON Feed spec requires, and the original date at its precision', async () => {
    const res = await get(jsonRoute);
    expect(res.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const feed = await res.json();
    expect(feed.version).toMatch(/^https:\/\/jsonfeed\.org\/version\/1(\.1)?$/);
    expect(typeof feed.title).toBe('string');
    expect(feed.feed_url).toBe(absoluteUrl('/feed.json'));
    expect(Array.isArray(feed.items)).toBe(true);
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_html === 'string' || typeof item.content_text === 'string').toBe(true);
      for (const date of [item.date_published, item.date_modified]) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(Object.keys(item).filter((key) => !key.startsWith('_'))).toEqual(
        expect.not.arrayContaining([expect.not.stringMatching(/^(id|url|title|content_html|summary|date_published|date_modified|author|tags)$/)]),
      );
    }
    expect(feed.items[0].title).toBe(HOSTILE_TITLE);
    const essay = feed.items.find((item: { url: string }) => item.url === absoluteUrl(`/documents/${ESSAY}`));
    expect(essay._archive).toMatchObject({ original_date: '2016-12', original_date_precision: 'month', kind: 'essay' });
    const interview = feed.items.find((item: { url: string }) => item.url === absoluteUrl(`/documents/${INTERVIEW}`));
    expect(interview._archive.original_date).toBe('2018-08-28');
    expect(interview._archive.participants.map((p: { name: string; role: string }) => [p.name, p.role])).toEqual([
      ['Jeff Kim', 'interviewer'],
      ['Seongmin Lee', 'interviewee'],
    ]);
  });
});

describe('conditional requests', () => {
  it.each([
    ['rss', rssRoute],
    ['atom', atomRoute],
    ['json', jsonRoute],
  ])('%s: a poller that has the feed gets 304 without a body; any other tag gets the feed', async (_name, route) => {
    const first = await get(route);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(route, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await get(route, { 'if-none-match': '"something-else"' });
    expect(other.status).toBe(200);
  });
});
