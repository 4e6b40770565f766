// A prefix searches the whole words it stands for, without the engine's own prefix, when they are all
// the words there are: the text's words from the word list, and the words of every speaker's name and
// document title that starts with it, however many titles hold them (hundreds, in the benchmark's
// generated corpus). Claimed whole, the words must find every passage the engine's prefix finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, type Reader } from '@/lib/db';
import { exactMatch } from '@/lib/search/lexical-match';
import { parseQuery } from '@/lib/search/query-parser';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 40_000, seed: 11 });
let db: Reader;

beforeAll(() => {
  db = openReader(corpus.file);
});

afterAll(() => db?.close());

const count = async (expression: string) =>
  Number((await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH ${expression}`)[0].n);

/** Prefixes (a title word less its last letter) of words in more than `titles` document titles, and in how many. */
async function prefixesInTitles(titles: number): Promise<[string, number][]> {
  const rows = await db.$queryRaw<{ title: string }[]>`SELECT title FROM Document`;
  const seen = new Map<string, number>();
  for (const { title } of rows) {
    const words = new Set(
      title
        .toLowerCase()
        .split(/[^\p{L}\p{N}]+/u)
        .filter((word) => word.length >= 6),
    );
    for (const word of words) seen.set(word.slice(0, -1), (seen.get(word.slice(0, -1)) ?? 0) + 1);
  }
  return [...seen].filter(([, n]) => n > titles).sort((a, b) => b[1] - a[1]);
}

describe('a prefix in many titles', () => {
  it('is searched as its whole words alone, and they find every passage the engine’s prefix finds', async () => {
    // More titles than the 200 names read before: the words were not claimed whole then.
    const prefixes = (await prefixesInTitles(200)).slice(0, 5);
    expect(prefixes.length).toBeGreaterThan(0);
    for (const [prefix] of prefixes) {
      const { expression } = (await exactMatch(db, parseQuery(`${prefix}*`), new Set()))!;
      expect(expression, prefix).not.toContain(`"${prefix}"*`);
      const withEnginePrefix = `"${prefix}"* OR ${expression}`;
      expect(await count(expression), prefix).toBe(await count(withEnginePrefix));
      expect(await count(expression), prefix).toBeGreaterThan(0);
    }
  });
});
