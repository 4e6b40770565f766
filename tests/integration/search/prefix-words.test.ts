// A prefix searches the whole words it stands for, without the engine's own prefix, when they are all
// the words there are: the text's words from the word list, and the words of every speaker's name and
// document title that starts with it, however many titles hold them (hundreds, in the benchmark's
// generated corpus). Claimed whole, the words must find every passage the engine's prefix finds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, type Reader, type Sql } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { exactMatch } from '@/lib/search/lexical-match';
import { parseQuery } from '@/lib/search/query-parser';
import { searchPassages } from '@/lib/search/search-passages';
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

describe('a prefix whose words are forms of one stem', () => {
  /** The same reader without its knowledge of stems: every word kept, as before stems were read (and as on PostgreSQL). */
  const withoutStems = () => ({ $queryRaw: db.$queryRaw });
  const alternatives = (expression: string) => expression.match(/"[^"]*"\*?/g) ?? [];
  const best = async (expression: string) =>
    (
      await db.$queryRaw<{ id: number | bigint }[]>`SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ${expression} ORDER BY rank, rowid LIMIT 20`
    ).map((row) => Number(row.id));

  it('searches one word per stem, finding the very passages all the words find', async () => {
    let fewer = 0;
    for (const prefix of ['sanct', 'negot', 'smugg', 'escap', 'refug', 'diplom']) {
      const { expression } = (await exactMatch(db, parseQuery(`${prefix}*`), new Set()))!;
      const { expression: everyWord } = (await exactMatch(withoutStems(), parseQuery(`${prefix}*`), new Set()))!;
      const words = alternatives(expression).map((phrase) => phrase.slice(1, -1));
      const stems = db.indexStems!(words);
      expect(new Set(stems).size, expression).toBe(words.length);
      expect(await count(expression), prefix).toBe(await count(everyWord));
      expect(await count(expression), prefix).toBeGreaterThan(0);
      if (words.length < alternatives(everyWord).length) fewer += 1;
    }
    // The generator's stem families (sanction, sanctions, sanctioned; negotiation, negotiate, …) are among them.
    expect(fewer).toBeGreaterThanOrEqual(3);
  });

  it('ranks a prefix of one stem in the order all its forms did: they only multiplied every score alike', async () => {
    for (const prefix of ['sanct', 'negot']) {
      const { expression } = (await exactMatch(db, parseQuery(`${prefix}*`), new Set()))!;
      const { expression: everyWord } = (await exactMatch(withoutStems(), parseQuery(`${prefix}*`), new Set()))!;
      expect(alternatives(expression), prefix).toHaveLength(1);
      expect(alternatives(everyWord).length, prefix).toBeGreaterThan(1);
      expect(await best(expression), prefix).toEqual(await best(everyWord));
    }
  });
});

describe('a prefix of more words than are searched one by one', () => {
  it('is searched as the engine’s prefix without the words it finds itself, finding the very passages it found with them', async () => {
    const rows = await db.$queryRaw<{ prefix: string }[]>`
      SELECT substr(term, 1, 3) AS prefix FROM passage_words_fts_vocab GROUP BY prefix HAVING count(*) > 60 ORDER BY sum(doc) DESC LIMIT 3`;
    expect(rows.length).toBeGreaterThan(0);
    for (const { prefix } of rows) {
      const { expression } = (await exactMatch(db, parseQuery(`${prefix}*`), new Set()))!;
      const { expression: withWords } = (await exactMatch({ $queryRaw: db.$queryRaw }, parseQuery(`${prefix}*`), new Set()))!;
      // Without stems the commonest words are searched beside the prefix, each scored a second time.
      expect(withWords, prefix).toContain(`"${prefix}"*`);
      expect((withWords.match(/"[^"]*"/g) ?? []).length, prefix).toBeGreaterThan(10);
      expect(expression, prefix).toBe(`"${prefix}"*`);
      expect(await count(expression), prefix).toBe(await count(withWords));
    }
  });
});

describe('a prefix in one search', () => {
  it('has its words read once, though the passages, their ranking and the people and documents listed above them all ask', async () => {
    const statements: string[] = [];
    const counting = {
      ...db,
      $queryRaw: ((query: Sql, ...values: unknown[]) => {
        statements.push(query instanceof Prisma.Sql ? query.sql : Prisma.sql(query as unknown as TemplateStringsArray, ...values).sql);
        return db.$queryRaw(query, ...(values as []));
      }) as Reader['$queryRaw'],
    };
    const response = await searchPassages(counting, { q: 'negot*', page: 1, pageSize: 10 });
    expect(response.total).toBeGreaterThan(0);
    expect(statements.filter((text) => text.includes('passage_words_fts_vocab')).length).toBe(1);
  });
});
