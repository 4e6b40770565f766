// The edge's 413 for server-action posts larger than Next reads (Next would answer them with a 500).
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config.js';
import { FORM_POST_MAX_BYTES, hasSessionCookie, isOversizedPagePost, PAGE_POST_MAX_BYTES } from '@/lib/server/body-limit';

const post = (path: string, contentLength: string | undefined) => isOversizedPagePost({ method: 'POST', path, contentLength });

describe('isOversizedPagePost', () => {
  it('is the same limit as next.config.js serverActions.bodySizeLimit', () => {
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe(`${PAGE_POST_MAX_BYTES / 1024 / 1024}mb`);
  });

  it('refuses a page POST that declares more than its page takes, and only that', () => {
    expect(post('/admin/import', String(FORM_POST_MAX_BYTES + 1))).toBe(true);
    expect(post('/admin/import', ` ${FORM_POST_MAX_BYTES + 1} `)).toBe(true);
    expect(post('/admin/import', String(FORM_POST_MAX_BYTES))).toBe(false);
    expect(post('/', String(FORM_POST_MAX_BYTES + 1))).toBe(true);
    expect(post('/admin/import', undefined)).toBe(false);
    expect(post('/admin/import', 'lots')).toBe(false);
  });

  it('takes a recording’s upload only on the document editor, where its form posts, and only with a session cookie', () => {
    const upload = (contentLength: number, signedIn: boolean) =>
      isOversizedPagePost({ method: 'POST', path: '/admin/documents/12', contentLength: String(contentLength), signedIn });
    expect(upload(PAGE_POST_MAX_BYTES, true)).toBe(false);
    expect(upload(PAGE_POST_MAX_BYTES + 1, true)).toBe(true);
    expect(upload(FORM_POST_MAX_BYTES + 1, false)).toBe(true);
    expect(upload(FORM_POST_MAX_BYTES, false)).toBe(false);
    for (const path of ['/admin/documents/12/passages/3', '/admin/documents/new', '/admin/documents/0', '/documents/12']) {
      expect(post(path, String(FORM_POST_MAX_BYTES + 1)), path).toBe(true);
    }
  });

  it('leaves reads and /api to their own handlers', () => {
    expect(isOversizedPagePost({ method: 'GET', path: '/', contentLength: '99999999' })).toBe(false);
    expect(post('/api/v1/admin/documents/1/passages/1', '99999999')).toBe(false);
    expect(post('/api', '99999999')).toBe(false);
  });
});

describe('hasSessionCookie', () => {
  it('finds the session cookie by its name, plain or __Secure-, among others', () => {
    expect(hasSessionCookie('theme=dark; archive.session_token=abc.def')).toBe(true);
    expect(hasSessionCookie('__Secure-archive.session_token=abc')).toBe(true);
    expect(hasSessionCookie('archive.session_token_other=abc; x=archive.session_token')).toBe(false);
    expect(hasSessionCookie(undefined)).toBe(false);
  });
});
