// The archive's public addresses, built in one place so that links and citations agree.
export const documentPath = (slug: string) => `/documents/${slug}`;
export const passageAnchor = (anchor: number) => `p${anchor}`;
export const passagePath = (documentSlug: string, anchor: number) => `${documentPath(documentSlug)}#${passageAnchor(anchor)}`;
export const speakerPath = (slug: string) => `/speakers/${slug}`;
export const topicPath = (slug: string) => `/topics/${slug}`;

/** /documents with the given filters, leaving out empty ones and the first page. */
export function documentsPath(filters: Record<string, string | number | undefined | null>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && Number(value) === 1) continue;
    if (key === 'sort' && value === 'newest') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/documents?${query}` : '/documents';
}

/** /search with the given parameters, leaving out empty ones and the first page. */
export function searchPath(params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (key === 'page' && Number(value) === 1) continue;
    if (key === 'pageSize' && Number(value) === 10) continue;
    query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `/search?${text}` : '/search';
}

/** A passage in the reader with the words of a search marked in it. */
export const passageWithHighlight = (documentSlug: string, anchor: number, q: string) =>
  `${documentPath(documentSlug)}?${new URLSearchParams({ q })}#${passageAnchor(anchor)}`;

/** One passage on a page of its own: its citation and the passages most like it. */
export const passageDetailPath = (documentSlug: string, anchor: number) => `${documentPath(documentSlug)}/passages/${anchor}`;
