// Which links must be plain (loaded by the browser) rather than Next's client-side links: those whose
// query sends them to a twin rendered per request (lib/cache/public-pages.ts). The browser test
// (tests/e2e/cache-addresses.spec.ts) shows why: a client-side click showed the cached unfiltered list.
import { describe, expect, it } from 'vitest';
import { leadsToTwin } from '@/components/page-link';
import { documentsPath, passageWithHighlight, searchPath, speakerPath } from '@/lib/urls';

describe('leadsToTwin', () => {
  it('is every filtered, sorted or later page of /documents, and a search within a document', () => {
    for (const href of [
      documentsPath({ topic: 'china' }),
      documentsPath({ speaker: 'jeff-kim' }),
      documentsPath({ from: '2016-12', to: '2016-12' }),
      documentsPath({ sort: 'oldest' }),
      documentsPath({ page: 2, pageSize: 1 }),
      passageWithHighlight('how-to-really-bring-change-to-north-korea', 7, 'guards'),
    ]) {
      expect(leadsToTwin(href), href).toBe(true);
    }
  });

  it('is not a cached page without such a query, nor a page rendered per request anyway', () => {
    for (const href of [
      '/documents',
      documentsPath({ page: 1 }),
      '/documents?utm_source=mail',
      speakerPath('jeff-kim'),
      searchPath({ q: 'x', page: 2 }),
      '/',
    ]) {
      expect(leadsToTwin(href), href).toBe(false);
    }
  });
});
