// What a page costs in JavaScript: every script the browser fetches while loading it (the <script>
// tags of the HTML and whatever they load before the network goes quiet), as a real browser sees it.
// Used by `npm run bench:bundle` and the budget test (tests/e2e/bundle.spec.ts).
//
// Counted per script file: `transferred`, the body bytes on the wire (the server's gzip, when the
// browser asked for it, as browsers do); `gzip`, the decoded body gzipped here at zlib's default level
// (what `compression` in Next's server uses), so the figure holds whatever the server sends; `raw`,
// the decoded body. Inline scripts (the RSC payload Next writes into the HTML) are part of the HTML
// document, not counted here.
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';

export interface ScriptFile {
  url: string;
  raw: number;
  gzip: number;
  transferred: number;
}

export interface PageScripts {
  url: string;
  files: ScriptFile[];
  raw: number;
  gzip: number;
  transferred: number;
  /**
   * Scripts the HTML lists for browsers without JavaScript modules only (`<script nomodule>`: Next's
   * polyfills): a current browser never fetches them, so they are not in the sums; their gzip bytes.
   */
  noModuleGzip?: number;
}

export function totals(url: string, files: ScriptFile[]): PageScripts {
  const sum = (key: 'raw' | 'gzip' | 'transferred') => files.reduce((n, f) => n + f[key], 0);
  return { url, files, raw: sum('raw'), gzip: sum('gzip'), transferred: sum('transferred') };
}

/** Loads `url` in `page` (a fresh one: a cached script would not be fetched) and sums its scripts. */
export async function measurePageScripts(page: Page, url: string): Promise<PageScripts> {
  const pending: Promise<ScriptFile | null>[] = [];
  page.on('requestfinished', (request) => {
    if (request.resourceType() !== 'script') return;
    pending.push(
      (async () => {
        const response = await request.response();
        if (!response) return null;
        const [body, sizes] = await Promise.all([response.body(), request.sizes()]);
        return { url: request.url(), raw: body.byteLength, gzip: gzipSync(body).byteLength, transferred: sizes.responseBodySize };
      })(),
    );
  });
  const response = await page.goto(url, { waitUntil: 'networkidle' });
  if (!response?.ok()) throw new Error(`GET ${url} answered ${response?.status()}`);
  const files = (await Promise.all(pending)).filter((f): f is ScriptFile => f !== null);
  // Several loads of one file count once, as the browser keeps it.
  const unique = [...new Map(files.map((f) => [f.url, f])).values()].sort((a, b) => b.gzip - a.gzip);
  const noModule = await page.$$eval('script[nomodule][src]', (scripts) => scripts.map((s) => (s as HTMLScriptElement).src));
  let noModuleGzip = 0;
  for (const src of noModule) noModuleGzip += gzipSync(await (await page.request.get(src)).body()).byteLength;
  return { ...totals(url, unique), noModuleGzip };
}
