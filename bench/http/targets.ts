// What each row of the table requests. The document and topic are found through the public API (the
// first of each list), so the same code measures the seed archive and the synthetic corpus.
import type { TargetName } from './options';

/**
 * Search traffic: a mix of one word, two words, a phrase, a prefix and a synonym, in turn, on words
 * both archives have (the seed's testimony; the synthetic corpus's subject words). The mix repeats
 * within a cell, so after its first round the server answers it from its result cache
 * (lib/search/result-cache.ts); the "-new" targets measure queries never asked before (fresh-queries.ts).
 */
export const SEARCH_QUERIES: readonly string[] = [
  'sanctions',
  'north korea',
  '"human rights"',
  'smuggling',
  'china border',
  'nuclear weapons',
  'smugg*',
  'escape',
  'dprk',
  'sanctions china',
];

export interface Target {
  name: TargetName;
  /** Requested in turn. */
  paths: string[];
  /** What the table says it is. */
  label: string;
  /**
   * Each path requested once only: the warm-up and the cells go on through the list where the last
   * stopped (measure.ts's cursor), and the body size is measured on paths of their own.
   */
  once?: { sizePaths: string[] };
}

export const searchPath = (base: '/search' | '/api/v1/search', q: string) => `${base}?${new URLSearchParams({ q })}`;

async function firstItemPath(origin: string, list: string): Promise<string> {
  const response = await fetch(`${origin}${list}`);
  if (!response.ok) throw new Error(`GET ${list} answered ${response.status}`);
  const body = (await response.json()) as { items?: { url?: string }[] };
  const url = body.items?.[0]?.url;
  if (!url) throw new Error(`GET ${list} listed nothing: the archive has no published ${list.split('/').pop()}.`);
  return new URL(url).pathname;
}

/** How many queries never asked before are measured on paths of their own for the body size. */
const SIZE_SAMPLE = 20;

/** `fresh`: distinct queries from the archive (fresh-queries.ts) for the "-new" targets. */
export async function discoverTargets(origin: string, names: readonly TargetName[], fresh: string[] = []): Promise<Target[]> {
  // The page and the API search through the same result cache: each gets its own half of the list,
  // and the body sizes are measured on queries of their own.
  // None of the mix asked in turn either: those answers are kept by then.
  const asked = new Set(SEARCH_QUERIES);
  const unasked = fresh.filter((q) => !asked.has(q));
  const half = Math.floor(unasked.length / 2);
  const once = (base: '/search' | '/api/v1/search', what: string, queries: string[]): Omit<Target, 'name'> => {
    const load = queries.slice(SIZE_SAMPLE);
    return {
      paths: load.map((q) => searchPath(base, q)),
      label: `${what}, queries never asked before (${load.length.toLocaleString('en')} available)`,
      once: { sizePaths: queries.slice(0, SIZE_SAMPLE).map((q) => searchPath(base, q)) },
    };
  };
  const targets: Target[] = [];
  for (const name of names) {
    if (name === 'home') targets.push({ name, paths: ['/'], label: 'home page' });
    if (name === 'document') {
      const p = await firstItemPath(origin, '/api/v1/documents');
      targets.push({ name, paths: [p], label: `document page ${p}` });
    }
    if (name === 'topic') {
      const p = await firstItemPath(origin, '/api/v1/topics');
      targets.push({ name, paths: [p], label: `topic page ${p}` });
    }
    if (name === 'search-page')
      targets.push({
        name,
        paths: SEARCH_QUERIES.map((q) => searchPath('/search', q)),
        label: `search page, ${SEARCH_QUERIES.length} queries in turn (kept answers after the first round)`,
      });
    if (name === 'search-api')
      targets.push({
        name,
        paths: SEARCH_QUERIES.map((q) => searchPath('/api/v1/search', q)),
        label: `search API, ${SEARCH_QUERIES.length} queries in turn (kept answers after the first round)`,
      });
    if (name === 'search-page-new') targets.push({ name, ...once('/search', 'search page', unasked.slice(half)) });
    if (name === 'search-api-new') targets.push({ name, ...once('/api/v1/search', 'search API', unasked.slice(0, half)) });
  }
  return targets;
}

/**
 * A target's body as autocannon receives it (no compression asked), for its static baseline: the mean
 * size of its responses and their bytes (one per path measured); or why it cannot be measured: an
 * address that fails is reported, not timed (timing a 500 says nothing).
 */
export async function measureBodies(origin: string, target: Target): Promise<{ bytes: number; bodies: Buffer[] } | { failed: string }> {
  const bodies: Buffer[] = [];
  const measured = target.once?.sizePaths ?? target.paths;
  for (const p of measured) {
    const response = await fetch(`${origin}${p}`, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await response.arrayBuffer());
    if (!response.ok) return { failed: `GET ${p} answered ${response.status}` };
    bodies.push(body);
  }
  const total = bodies.reduce((sum, body) => sum + body.length, 0);
  return { bytes: Math.round(total / measured.length), bodies };
}
