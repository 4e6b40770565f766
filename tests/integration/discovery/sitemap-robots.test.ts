// /sitemap.xml and /robots.txt as the app's metadata routes return them: every published document,
// speaker and topic and the lists, on the site's address, never a draft; robots.txt keeps search
// results, the back office and the API out and names the sitemap; nothing the sitemap lists is
// disallowed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import robots from '@/app/robots';
import sitemap from '@/app/sitemap';
import { prisma } from '@/lib/db/client';
import { absoluteUrl } from '@/lib/site-origin';
import { createDocumentFixture } from '@/tests/support/factories';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

afterAll(() => prisma.$disconnect());

beforeAll(async () => {
  await createDocumentFixture(prisma, {
    slug: 'sitemap-draft',
    status: 'draft',
    passages: [{ speaker: 'Dee Draftonly', text: 'Unpublished words.', topicSlugs: ['sanctions'] }],
  });
});

/** robots.txt's rules as a crawler applies them: a "*" matches any run of characters. */
function disallowedBy(patterns: string[], url: string): string | undefined {
  const { pathname, search } = new URL(url);
  const target = `${pathname}${search}`;
  return patterns.find((pattern) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((p) => p.replace(/[.?+^$()[\]{}|\\]/g, '\\$&'))
        .join('.*')}`,
    ).test(target),
  );
}

describe('sitemap', () => {
  it('lists the lists, every published document, speaker and topic with a last change, and no draft', async () => {
    const entries = await sitemap();
    const urls = entries.map((e) => e.url);
    expect(new Set(urls).size).toBe(urls.length);
    for (const path of [
      '/',
      '/documents',
      '/speakers',
      '/topics',
      '/timeline',
      `/documents/${INTERVIEW}`,
      `/documents/${ESSAY}`,
      '/speakers/seongmin-lee',
      '/speakers/jeff-kim',
      '/topics/sanctions',
    ]) {
      expect(urls).toContain(absoluteUrl(path));
    }
    expect(urls.filter((u) => u.startsWith(absoluteUrl('/documents/')))).toHaveLength(2);
    expect(urls.some((u) => u.includes('sitemap-draft') || u.includes('dee-draftonly'))).toBe(false);
    const topicCount = await prisma.topic.count({ where: { passages: { some: { passage: { document: { status: 'published', deletedAt: null } } } } } });
    expect(urls.filter((u) => u.startsWith(absoluteUrl('/topics/')))).toHaveLength(topicCount);
    for (const entry of entries) expect(Number.isNaN(Date.parse(String(entry.lastModified)))).toBe(false);
  });
});

describe('robots.txt', () => {
  it('keeps search results, the back office and the API out, names the sitemap, and allows everything the sitemap lists', async () => {
    const result = robots();
    const rules = Array.isArray(result.rules) ? result.rules : [result.rules];
    expect(rules).toHaveLength(1);
    expect(rules[0].userAgent).toBe('*');
    const disallow = [rules[0].disallow ?? []].flat();
    for (const url of [
      '/search',
      '/search?q=famine',
      '/admin',
      '/admin/documents',
      '/api/v1/documents',
      `/documents/${ESSAY}?q=sanctions`,
      '/documents/_filtered?topic=china',
    ]) {
      expect(disallowedBy(disallow, absoluteUrl(url)), url).toBeDefined();
    }
    expect(result.sitemap).toBe(absoluteUrl('/sitemap.xml'));
    for (const { url } of await sitemap()) expect(disallowedBy(disallow, url), url).toBeUndefined();
    for (const page of [`/documents/${ESSAY}/passages/3`, '/feed.xml', '/favicon.ico']) expect(disallowedBy(disallow, absoluteUrl(page)), page).toBeUndefined();
  });
});
