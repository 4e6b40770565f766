// The edge's 413 for server-action posts larger than Next reads (Next would answer them with a 500).
import { describe, expect, it } from 'vitest';
import nextConfig from '@/next.config.js';
import { isOversizedPagePost, PAGE_POST_MAX_BYTES } from '@/lib/server/body-limit';

const post = (path: string, contentLength: string | undefined) => isOversizedPagePost({ method: 'POST', path, contentLength });

describe('isOversizedPagePost', () => {
  it('is the same limit as next.config.js serverActions.bodySizeLimit', () => {
    const limit = nextConfig.experimental?.serverActions?.bodySizeLimit;
    expect(limit).toBe(`${PAGE_POST_MAX_BYTES / 1024 / 1024}mb`);
  });

  it('refuses a page POST that declares more than the limit, and only that', () => {
    expect(post('/admin/import', String(PAGE_POST_MAX_BYTES + 1))).toBe(true);
    expect(post('/admin/import', ` ${PAGE_POST_MAX_BYTES + 1} `)).toBe(true);
    expect(post('/admin/import', String(PAGE_POST_MAX_BYTES))).toBe(false);
    expect(post('/admin/import', undefined)).toBe(false);
    expect(post('/admin/import', 'lots')).toBe(false);
  });

  it('leaves reads and /api to their own handlers', () => {
    expect(isOversizedPagePost({ method: 'GET', path: '/', contentLength: '99999999' })).toBe(false);
    expect(post('/api/v1/admin/documents/1/passages/1', '99999999')).toBe(false);
    expect(post('/api', '99999999')).toBe(false);
  });
});
