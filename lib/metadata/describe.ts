// A description for a page's metadata cut from longer text: whole words, about 200 characters, with
// "…" when cut. Search engines show about that much; the whole text stays on the page.
const LIMIT = 200;

export function shortDescription(text: string | null | undefined, limit = LIMIT): string | undefined {
  const flat = text?.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  if (flat.length <= limit) return flat;
  const cut = flat.slice(0, limit - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > limit / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
