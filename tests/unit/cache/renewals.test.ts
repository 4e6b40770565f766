// Which cached pages a committed write renews.
import { describe, expect, it } from 'vitest';
import { EVERY_PASSAGE_PAGE, pathsOfWrite, renewalsFor } from '@/lib/cache/renewals';

describe('renewalsFor', () => {
  it('renews each page a change names, once', () => {
    expect(renewalsFor(['/speakers/a', '/speakers', '/speakers/a'])).toEqual([{ path: '/speakers' }, { path: '/speakers/a' }]);
  });

  it('a change to a visible document renews every passage page too ("More like this" may show it)', () => {
    const renewals = renewalsFor(['/', '/documents', '/documents/a/passages/3', '/documents/a']);
    expect(renewals).toContainEqual({ path: '/documents/a' });
    expect(renewals).toContainEqual({ path: '/documents/a/passages/3' });
    expect(renewals).toContainEqual(EVERY_PASSAGE_PAGE);
    // Next's implicit tag of a passage page is its route with the route group: this is that route.
    expect(EVERY_PASSAGE_PAGE).toEqual({ path: '/(public)/documents/[slug]/passages/[anchor]', type: 'page' });
  });

  it('a change no public page shows (a draft) renews nothing', () => {
    expect(renewalsFor([])).toEqual([]);
  });
});

describe('pathsOfWrite', () => {
  it('reads an EditResult and a change wrapping one', () => {
    expect(pathsOfWrite({ paths: ['/a'], changed: true })).toEqual(['/a']);
    expect(pathsOfWrite({ result: 1, edit: { paths: ['/b'] } })).toEqual(['/b']);
  });

  it('is null when a write names no paths, so that everything is renewed rather than guessed', () => {
    for (const result of [undefined, null, 3, 'x', {}, { paths: 'nope' }, { paths: [1] }, { edit: null }]) expect(pathsOfWrite(result)).toBeNull();
  });
});
