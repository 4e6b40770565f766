// The public pages whose JavaScript bench:bundle weighs, found through the public API so the same
// list works on any archive.
export interface PublicPage {
  name: string;
  path: string;
}

async function firstPath(origin: string, list: string): Promise<string> {
  const response = await fetch(`${origin}${list}`);
  if (!response.ok) throw new Error(`GET ${list} answered ${response.status}`);
  const url = ((await response.json()) as { items?: { url?: string }[] }).items?.[0]?.url;
  if (!url) throw new Error(`GET ${list} listed nothing.`);
  return new URL(url).pathname;
}

/** The first passage link of a document page. */
export function firstPassagePath(html: string, documentPath: string): string | null {
  const escaped = documentPath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`${escaped}/passages/[^"'?#<>\\s]+`).exec(html)?.[0] ?? null;
}

export async function publicPages(origin: string): Promise<PublicPage[]> {
  const document = await firstPath(origin, '/api/v1/documents');
  const html = await (await fetch(`${origin}${document}`)).text();
  const passage = firstPassagePath(html, document);
  const pages: PublicPage[] = [
    { name: 'home', path: '/' },
    { name: 'documents', path: '/documents' },
    { name: 'reader (document)', path: document },
  ];
  if (passage) pages.push({ name: 'passage', path: passage });
  pages.push(
    { name: 'speakers', path: '/speakers' },
    { name: 'speaker', path: await firstPath(origin, '/api/v1/speakers') },
    { name: 'topics', path: '/topics' },
    { name: 'topic', path: await firstPath(origin, '/api/v1/topics') },
    { name: 'timeline', path: '/timeline' },
    { name: 'search', path: '/search?q=sanctions' },
  );
  return pages;
}
