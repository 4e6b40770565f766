// Which requests come from the page cache, and which go to a twin rendered per request.
import { describe, expect, it } from 'vitest';
import { dynamicTwin, isCachedPagePath, servedFromCache } from '@/lib/cache/public-pages';

const q = (query: string) => new URLSearchParams(query);

describe('cached public pages', () => {
  it.each([
    '/',
    '/documents',
    '/documents/a-slug',
    '/documents/a-slug/passages/12',
    '/speakers',
    '/speakers/seongmin-lee',
    '/topics',
    '/topics/china',
    '/timeline',
  ])('%s is cached', (path) => expect(isCachedPagePath(path)).toBe(true));

  it.each([
    '/search',
    '/search/x',
    '/admin',
    '/admin/documents/1',
    '/sign-in',
    '/api/v1/documents',
    '/api/cache',
    '/documents/_filtered',
    '/documents/a-slug/_within',
    '/no/such/page',
    '/documents/Upper',
  ])('%s is not', (path) => expect(isCachedPagePath(path)).toBe(false));
});

describe('twins rendered per request', () => {
  it('a filtered, sorted or later page of the list goes to the filtered twin', () => {
    for (const query of ['topic=china', 'speaker=x', 'kind=essay', 'from=2016', 'to=2017', 'sort=title', 'page=2', 'pageSize=50']) {
      expect(dynamicTwin('/documents', q(query)), query).toBe('/documents/_filtered');
      expect(servedFromCache('/documents', q(query)), query).toBe(false);
    }
  });

  it('a search within a document goes to its twin, an empty one too', () => {
    expect(dynamicTwin('/documents/a-slug', q('q=smuggling'))).toBe('/documents/a-slug/_within');
    expect(dynamicTwin('/documents/a-slug', q('q='))).toBe('/documents/a-slug/_within');
    expect(servedFromCache('/documents/a-slug', q('q=x'))).toBe(false);
  });

  it('tracking parameters and Next’s own _rsc leave a request on the cached page', () => {
    for (const path of ['/documents', '/documents/a-slug', '/topics/china']) {
      expect(dynamicTwin(path, q('utm_source=news&_rsc=abc')), path).toBeNull();
      expect(servedFromCache(path, q('utm_source=news&_rsc=abc')), path).toBe(true);
    }
    // q means nothing to a passage page or the list: no twin.
    expect(dynamicTwin('/documents/a-slug/passages/3', q('q=x'))).toBeNull();
    expect(dynamicTwin('/documents', q('q=x'))).toBeNull();
  });
});
