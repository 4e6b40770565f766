// The table of bench:bundle: each public page's first-load JavaScript, and the files behind it.
import type { PageScripts } from './page-scripts';

export interface BundleResult {
  measuredAt: string;
  pages: (PageScripts & { name: string; path: string })[];
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** A script's name without the build's hash directory: what a reader of the table recognises. */
export const fileName = (url: string) => new URL(url, 'http://x').pathname.replace(/^\/_next\/static\//, '');

export function bundleTable(result: BundleResult): string {
  const lines = [
    '# First-load JavaScript of the public pages (`npm run bench:bundle`)',
    '',
    `${result.measuredAt}. Every script Chromium fetches while loading the page (until the network is quiet), each file counted once; gzip = the decoded file gzipped at zlib's default level; transferred = body bytes on the wire; nomodule = Next's polyfills for browsers without modules, listed in the HTML but not fetched by current browsers, so not in the sums. KB = 1,000 bytes.`,
    '',
    '| page | address | scripts | raw KB | gzip KB | transferred KB | nomodule gzip KB (not fetched) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...result.pages.map(
      (p) =>
        `| ${p.name} | \`${p.path}\` | ${p.files.length} | ${kb(p.raw)} | ${kb(p.gzip)} | ${kb(p.transferred)} | ${p.noModuleGzip === undefined ? '–' : kb(p.noModuleGzip)} |`,
    ),
  ];
  const reader = result.pages.find((p) => p.name.startsWith('reader'));
  if (reader) {
    lines.push('', `## The reader's scripts (\`${reader.path}\`)`, '', '| file | raw KB | gzip KB |', '| --- | ---: | ---: |');
    for (const f of reader.files) lines.push(`| \`${fileName(f.url)}\` | ${kb(f.raw)} | ${kb(f.gzip)} |`);
  }
  return `${lines.join('\n')}\n`;
}
