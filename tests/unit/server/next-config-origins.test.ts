// Server actions posted from the page's own address, SITE_URL, are Next's "same site" even when the
// proxy in front sends another Host and no X-Forwarded-Host (Next would otherwise answer 500).
import { afterEach, describe, expect, it, vi } from 'vitest';

async function loadConfig(siteUrl: string | undefined) {
  vi.resetModules();
  vi.stubEnv('SITE_URL', siteUrl);
  return (await import('@/next.config.js')).default;
}

afterEach(() => vi.unstubAllEnvs());

describe('next.config.js serverActions.allowedOrigins', () => {
  it("allows SITE_URL's host, with its port when it has one", async () => {
    expect((await loadConfig('https://archive.example.org/')).experimental?.serverActions?.allowedOrigins).toEqual(['archive.example.org']);
    expect((await loadConfig('http://archive.example.org:8080')).experimental?.serverActions?.allowedOrigins).toEqual(['archive.example.org:8080']);
  });

  it('allows no extra origin without SITE_URL, and keeps the other experimental settings', async () => {
    const config = await loadConfig(undefined);
    expect(config.experimental?.serverActions?.allowedOrigins).toEqual([]);
    expect(config.experimental?.authInterrupts).toBe(true);
  });
});
