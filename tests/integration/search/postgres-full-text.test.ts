// PostgreSQL's full text (lib/db/postgres/full-text.ts, migration 20261202080100_full_text) on a real
// server: the statements search runs, asked the questions SQLite's FTS5 answers in the other tests
// (stems, folded accents, phrases, prefixes, OR, NOT, column weights, snippets, the speakers',
// documents', topics' and sections' index, triggers), and hostile input that must stay words.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ExpressionHelpers } from '@/lib/db/full-text';
import { postgresFullText as fullText } from '@/lib/db/postgres/full-text';
import { migratePostgres } from '@/lib/db/postgres/migrate';
import { openPostgresReader, type PostgresReader } from '@/lib/db/postgres/reader';
import { sql, type Sql } from '@/lib/db/query';
import { parseQuery, type ParsedQuery } from '@/lib/search/query-parser';
import { startPostgres, type PostgresServer } from '@/tests/support/postgres-server';

const MARKS = { open: '[', close: ']' };

let server: PostgresServer;
let db: PostgresReader;

const run = (statement: string, values: unknown[] = []) => db.pool.query(statement, values);

beforeAll(async () => {
  server = await startPostgres();
  server.admin('CREATE DATABASE fts');
  await migratePostgres(server.url('fts'));
  db = openPostgresReader(server.url('fts'));
}, 120_000);

afterAll(async () => {
  await db?.pool.end();
  server?.stop();
});

// The archive every test starts from: two speakers, two documents, a topic, a section, passages.
const PASSAGES: [number, number, number | null, string][] = [
  // id, document, speaker, text
  [1, 1, 1, 'He smuggled rice and radios across the river at night.'],
  [2, 1, 1, 'The sánctions hit the markets; Kim Jong-un did not care.'],
  [3, 1, 2, 'We waited for hours in the cold.'],
  [4, 2, null, 'Winter came early that year.'],
  [5, 1, 1, 'The Tumen freezes in winter, and people cross.'],
  [6, 1, null, 'The UN report said the sanctions had failed.'],
  [7, 1, null, '평양 사람들은 조용했다'],
  [8, 1, null, "It's a café near the market, O'Brien said."],
];

beforeEach(async () => {
  // TRUNCATE fires no row triggers: the migration's truncate triggers must empty the indexes.
  await run('TRUNCATE "Passage", "DocumentSection", "SpeakerAlias", "Speaker", "Document", "Topic" RESTART IDENTITY CASCADE');
  expect((await run('SELECT (SELECT count(*) FROM passage_words_fts) + (SELECT count(*) FROM entity_fts) AS n')).rows).toEqual([{ n: 0 }]);
  await run(`INSERT INTO "Speaker" (id, slug, name, bio, "updatedAt") VALUES
    (1, 'seongmin-lee', 'Seongmin Lee', 'A defector from Hyesan', now()), (2, 'tumen-guide', 'Tumen Guide', NULL, now())`);
  await run(`INSERT INTO "SpeakerAlias" ("speakerId", alias) VALUES (1, 'SL')`);
  await run(`INSERT INTO "Document" (id, slug, kind, title, summary, "publishedOn", "publishedUntil", "datePrecision", status, "updatedAt") VALUES
    (1, 'memories', 'interview', 'Memories of Hyesan', 'An escapee remembers', '2016-01-01', '2016-01-01', 'day', 'published', now()),
    (2, 'notes', 'essay', 'Notes on the Tumen', NULL, '2017-01-01', '2017-01-01', 'day', 'published', now())`);
  await run(`INSERT INTO "Topic" (id, slug, name, "updatedAt") VALUES (1, 'markets', 'Markets and trade', now())`);
  await run(`INSERT INTO "DocumentSection" (id, "documentId", position, title, synopsis, keywords, "startAnchor") VALUES
    (1, 1, 1, 'The night crossing', 'Escape over the ice', '["smugglers", "border guards"]', 1)`);
  // One statement for all passages, as a bulk load writes them: the statement-level triggers index them.
  const rows = PASSAGES.map(([id, document, speaker], i) => `(${id}, ${document}, ${i + 1}, ${i + 1}, 'answer', ${speaker ?? 'NULL'}, $${i + 1}, now())`);
  await run(
    `INSERT INTO "Passage" (id, "documentId", position, anchor, kind, "speakerId", text, "updatedAt") VALUES ${rows.join(', ')}`,
    PASSAGES.map((p) => p[3]),
  );
});

/** The tsquery text for what a reader typed, prefixes looked up in the word list as search does. */
async function expressionFor(q: string, parsed: ParsedQuery = parseQuery(q)): Promise<string | null> {
  const prefixes = new Map<string, string[]>();
  for (const term of parsed.groups.flat().filter((t) => t.prefix && t.words.length === 1)) {
    const rows = await db.$queryRaw<{ term: string }[]>(fullText.vocabulary.prefixed(term.words[0], 40));
    prefixes.set(
      term.words[0],
      rows.map((r) => r.term),
    );
  }
  const helpers: ExpressionHelpers = { prefixes: (p) => ({ words: prefixes.get(p) ?? [], complete: false }) };
  return fullText.expression(parsed, helpers);
}

const idsOf = (rows: { id: number }[]) => rows.map((r) => Number(r.id)).sort((a, b) => a - b);
const matching = async (statement: Sql) => idsOf(await db.$queryRaw<{ id: number }[]>(statement));
async function search(q: string): Promise<number[]> {
  const expression = await expressionFor(q);
  if (!expression) return [];
  return matching(fullText.rowsMatching(expression));
}
async function ranked(q: string): Promise<{ id: number; rank: number }[]> {
  const expression = (await expressionFor(q))!;
  return db.$queryRaw<{ id: number; rank: number }[]>(sql`SELECT x.id, x.rank FROM (${fullText.matchedRows(expression, true)}) x ORDER BY x.rank, x.id`);
}

describe('what a search matches', () => {
  it('stems: "smuggling" finds "smuggled", and plural finds singular', async () => {
    expect(await search('smuggling')).toEqual([1]);
    expect(await search('radio')).toEqual([1]);
    expect(await search('zebra')).toEqual([]);
  });

  it('folds accents both ways: "sanctions" finds "sánctions", "cafe" finds "café"', async () => {
    expect(await search('sanctions')).toEqual([2, 6]);
    expect(await search('sánctions')).toEqual([2, 6]);
    expect(await search('cafe')).toEqual([8]);
  });

  it('matches a phrase only with its words together and in order, across a hyphen as SQLite does', async () => {
    expect(await search('"kim jong un"')).toEqual([2]);
    expect(await search('"jong-un"')).toEqual([2]);
    expect(await search('"rice radios"')).toEqual([]);
    expect(await search('"smuggled rice"')).toEqual([1]);
  });

  it('matches a prefix, beyond the stem the prefix itself stems to', async () => {
    // "smuggle" stems to "smuggl", which "smuggled" stems to as well.
    expect(await search('smuggle*')).toEqual([1]);
    // Porter's stems, as FTS5's: "smuggli" stays itself, and no word here starts with it (SQLite finds none either).
    expect(await search('smuggli*')).toEqual([]);
    expect(await search('win*')).toEqual([4, 5]);
    expect(await search('"kim jo"*')).toEqual([2]);
  });

  it('ORs alternatives and leaves out exclusions', async () => {
    expect(await search('rice OR winter')).toEqual([1, 4, 5]);
    expect(await search('sanctions -kim')).toEqual([6]);
    expect(await search('the -winter -"kim jong"')).toEqual([1, 3, 6, 8]);
  });

  it('keeps stop words (as FTS5 does): "the" is searchable, and in phrases', async () => {
    expect(await search('"the cold"')).toEqual([3]);
  });

  it('finds Korean words and apostrophe-split words', async () => {
    expect(await search('평양')).toEqual([7]);
    expect(await search("o'brien")).toEqual([8]);
  });

  it('matches the speaker and the title too, ranking them below the text as SQLite weights them', async () => {
    const rows = await ranked('tumen');
    expect(rows.map((r) => Number(r.id))).toEqual([5, 3, 4]); // text, speaker's name, document title
    expect(rows.every((r) => r.rank < 0)).toBe(true); // lower is better, as bm25()
  });

  it('ranks a query with exclusions by what it matched (ts_rank alone scores a NOT query 0)', async () => {
    const rows = await ranked('tumen -zebra');
    expect(rows.map((r) => Number(r.id))).toEqual([5, 3, 4]);
    expect(rows.map((r) => r.rank)).toEqual((await ranked('tumen')).map((r) => r.rank));
    expect(rows.every((r) => r.rank < 0)).toBe(true);
  });

  it('takes every k-th passage when sampling', async () => {
    const expression = (await expressionFor('the'))!;
    expect(await matching(fullText.matchedRows(expression, false, 2))).toEqual([2, 4, 6, 8]); // 4: "Notes on the Tumen"
  });

  it('tells a word standing alone from the part of a hyphenated name', async () => {
    expect(await search('un')).toEqual([2, 6]);
    expect(await matching(fullText.standaloneRows('un'))).toEqual([6]);
    expect(await matching(fullText.standaloneRows('guards', 'entities'))).toEqual([-1]);
  });
});

describe('snippets and highlights', () => {
  it('marks the matched words, whatever form they take, and cuts long text with …', async () => {
    const expression = (await expressionFor('smuggling radio'))!;
    const rows = await db.$queryRaw<{ id: number; snippet: string }[]>(fullText.snippets(expression, [1, 2], MARKS, 4));
    expect(rows).toHaveLength(1);
    expect(Number(rows[0].id)).toBe(1);
    expect(rows[0].snippet).toMatch(/\[smuggled\].*\[radios\]/);
    expect(rows[0].snippet.endsWith('…')).toBe(true);
  });

  it('marks a whole passage without … when it fits', async () => {
    const expression = (await expressionFor('cafe'))!;
    const [row] = await db.$queryRaw<{ snippet: string }[]>(fullText.snippets(expression, [8], MARKS, 32));
    expect(row.snippet).toBe("It's a [café] near the market, O'Brien said.");
  });

  it('highlights every match of a document, in reading order', async () => {
    const expression = (await expressionFor('sanctions OR winter'))!;
    const rows = await db.$queryRaw<{ id: number; marked: string }[]>(fullText.highlights(expression, 'memories', MARKS, sql`1 = 1`));
    expect(rows.map((r) => [Number(r.id), r.marked])).toEqual([
      [2, 'The [sánctions] hit the markets; Kim Jong-un did not care.'],
      [5, 'The Tumen freezes in [winter], and people cross.'],
      [6, 'The UN report said the [sanctions] had failed.'],
    ]);
  });
});

describe('a phrase is marked as one span, as FTS5 marks it', () => {
  it('in a snippet and in a highlight', async () => {
    const expression = (await expressionFor('"rice and radios"'))!;
    const [snippet] = await db.$queryRaw<{ snippet: string }[]>(fullText.snippets(expression, [1], MARKS, 32));
    expect(snippet.snippet).toBe('He smuggled [rice and radios] across the river at night.');
    const highlighted = await db.$queryRaw<{ marked: string }[]>(fullText.highlights(expression, 'memories', MARKS, sql`p.id = 1`));
    expect(highlighted.map((r) => r.marked)).toEqual(['He smuggled [rice and radios] across the river at night.']);
  });
});

describe('snippets keep every word between angle brackets', () => {
  // ts_headline's parser drops `<…>` as an HTML tag: a quoted "<script>" would vanish from the snippet.
  it('in a snippet and in a highlight', async () => {
    await run(`UPDATE "Passage" SET text = 'He typed <script>alert(1)</script> and the <b>bold</b> smuggler laughed.' WHERE id = 3`);
    const expression = (await expressionFor('smuggler'))!;
    const [snippet] = await db.$queryRaw<{ snippet: string }[]>(fullText.snippets(expression, [3], MARKS, 32));
    expect(snippet.snippet).toBe('He typed <script>alert(1)</script> and the <b>bold</b> [smuggler] laughed.');
    const highlighted = await db.$queryRaw<{ id: number; marked: string }[]>(fullText.highlights(expression, 'memories', MARKS, sql`p.id = 3`));
    expect(highlighted.map((r) => r.marked)).toEqual(['He typed <script>alert(1)</script> and the <b>bold</b> [smuggler] laughed.']);
  });
});

describe('the speakers, documents, topics and sections', () => {
  const entities = async (q: string) => {
    const rows = await db.$queryRaw<{ kind: string; id: number; entry: number; rank: number }[]>(
      sql`SELECT e.kind, e.id, e.entry, e.rank FROM (${fullText.entityRows((await expressionFor(q))!)}) e ORDER BY e.rank, e.entry`,
    );
    return rows.map((r) => `${r.kind} ${Number(r.id)}`);
  };

  it('finds each kind by its name or its details, names first', async () => {
    expect(await entities('defector')).toEqual(['speaker 1']);
    expect(await entities('sl')).toEqual(['speaker 1']); // an alias
    expect(await entities('escapee')).toEqual(['document 1']);
    expect(await entities('markets')).toEqual(['topic 1']);
    expect(await entities('smugglers')).toEqual(['section 1']); // a keyword
    expect(await entities('hyesan')).toEqual(['document 1', 'speaker 1']); // a title before a bio
  });

  it('marks the part that matched: the name when it does, else the details', async () => {
    const expression = (await expressionFor('hyesan'))!;
    const rows = await db.$queryRaw<{ entry: number; marked: string }[]>(fullText.entitySnippets(expression, [3, 4], MARKS, 14));
    const marked = new Map(rows.map((r) => [Number(r.entry), r.marked]));
    expect(marked.get(4)).toBe('Memories of [Hyesan]');
    expect(marked.get(3)).toBe('A defector from [Hyesan]');
  });

  it('follows every change to the entities, aliases and sections included', async () => {
    await run(`UPDATE "Speaker" SET bio = 'A journalist' WHERE id = 1`);
    await run(`INSERT INTO "SpeakerAlias" ("speakerId", alias) VALUES (1, 'Lee Seong-min')`);
    await run(`UPDATE "Document" SET summary = 'A refugee remembers' WHERE id = 1`);
    await run(`UPDATE "Topic" SET name = 'Commerce' WHERE id = 1`);
    await run(`UPDATE "DocumentSection" SET keywords = '["rafts"]' WHERE id = 1`);
    expect(await entities('defector')).toEqual([]);
    expect(await entities('journalist')).toEqual(['speaker 1']);
    expect(await entities('"seong min"')).toEqual(['speaker 1']);
    expect(await entities('escapee')).toEqual([]);
    expect(await entities('refugee')).toEqual(['document 1']);
    expect(await entities('commerce')).toEqual(['topic 1']);
    expect(await entities('smugglers')).toEqual([]);
    expect(await entities('rafts')).toEqual(['section 1']);
    await run(`DELETE FROM "SpeakerAlias" WHERE alias = 'SL'`);
    expect(await entities('sl')).toEqual([]);
    await run(`DELETE FROM "Document" WHERE id = 1`); // its section and passages go with it
    await run(`DELETE FROM "Topic" WHERE id = 1`);
    await run(`DELETE FROM "Speaker" WHERE id = 1`);
    expect(await db.$queryRaw<{ entry: number }[]>(sql`SELECT entry FROM entity_fts ORDER BY entry`)).toEqual(
      [
        { entry: 2 * 3 + 1 }, // document 2
        { entry: 2 * 3 }, // speaker 2
      ].sort((a, b) => a.entry - b.entry),
    );
  });
});

describe('the triggers keep the index in step', () => {
  const count = async (term: string) => {
    const rows = await db.$queryRaw<{ term: string; doc: number }[]>(fullText.vocabulary.terms([term]));
    return rows.length === 0 ? 0 : Number(rows[0].doc);
  };

  it('an edited text: the new words found, the old ones gone, the word counts moved', async () => {
    expect(await count('rice')).toBe(1);
    expect(await count('the')).toBe(6);
    await run(`UPDATE "Passage" SET text = 'A quokka in the snow.' WHERE id = 1`);
    expect(await search('quokka')).toEqual([1]);
    expect(await search('rice')).toEqual([]);
    expect(await count('rice')).toBe(0);
    expect(await count('quokka')).toBe(1);
    expect(await count('the')).toBe(6);
  });

  it('a speaker renamed, a document retitled, a speaker deleted (its passages keep their text)', async () => {
    await run(`UPDATE "Speaker" SET name = 'Zebulon Quarrie' WHERE id = 2`);
    await run(`UPDATE "Document" SET title = 'The Marmoset Papers' WHERE id = 2`);
    expect(await search('zebulon')).toEqual([3]);
    expect(await search('marmoset')).toEqual([4]);
    expect(await search('tumen')).toEqual([5]);
    await run(`DELETE FROM "Speaker" WHERE id = 2`); // SET NULL on its passages: a statement on Passage
    expect(await search('zebulon')).toEqual([]);
    expect(await search('waited')).toEqual([3]);
  });

  it('a passage deleted, a document deleted: forgotten, and their words counted out', async () => {
    await run(`DELETE FROM "Passage" WHERE id = 7`);
    expect(await search('평양')).toEqual([]);
    expect(await count('평양')).toBe(0);
    await run(`DELETE FROM "Document" WHERE id = 1`);
    expect(await search('the')).toEqual([4]); // "Notes on the Tumen"
    expect(await db.$queryRaw<{ n: number }[]>(sql`SELECT count(*) AS n FROM passage_fts`)).toEqual([{ n: 1 }]);
    const words = await db.$queryRaw<{ term: string; doc: number }[]>(sql`SELECT term, doc FROM passage_words_fts ORDER BY term`);
    expect(words).toEqual(['came', 'early', 'that', 'winter', 'year'].map((term) => ({ term, doc: 1 })));
  });
});

describe('the word list', () => {
  it('answers terms, ranges, second letters and prefixes, folded and unstemmed', async () => {
    const terms = await db.$queryRaw<{ term: string; doc: number }[]>(fullText.vocabulary.terms(['sanctions', 'cafe', 'smuggled', 'smuggl']));
    expect(terms.map((t) => [t.term, Number(t.doc)]).sort()).toEqual([
      ['cafe', 1],
      ['sanctions', 2],
      ['smuggled', 1],
    ]);
    const range = await db.$queryRaw<{ term: string }[]>(fullText.vocabulary.range('w', 'x', 4, 6));
    expect(range.map((r) => r.term).sort()).toEqual(['waited', 'winter']);
    const second = await db.$queryRaw<{ term: string }[]>(fullText.vocabulary.secondLetter('u', 3, 5));
    expect(second.map((r) => r.term).sort()).toEqual(['tumen']);
    const prefixed = await db.$queryRaw<{ term: string }[]>(fullText.vocabulary.prefixed('t', 2));
    expect(prefixed.map((r) => r.term)).toEqual(['the', 'that']); // the commonest first (6 passages), then by term
  });

  it('finds passages like another by shared words, best first', async () => {
    // 5 says both words; 4 says "winter" and has "Tumen" in its title; 3 has it in its speaker's name.
    const rows = await db.$queryRaw<{ id: number }[]>(fullText.similar(['winter', 'tumen'], sql`p.id AS id`, sql`p.id <> 1`, 10));
    expect(rows.map((r) => Number(r.id))).toEqual([5, 4, 3]);
  });
});

describe('hostile input', () => {
  const HOSTILE = [
    `'):*`,
    `rice'):* | 'winter`,
    `a:* & !b`,
    `\\' OR 1=1 --`,
    `"unclosed`,
    `!!! ||| &&& <-> <2>`,
    `rice\\`,
    `'\\''`,
    `(((`,
    `smuggled:A`,
    `-`,
    `*`,
    `"" * -"" OR OR`,
    `‐‐‐ ‑ ‒`,
    `\u0000`,
    `𠀀`.repeat(600),
    `e\u0301`,
  ];

  it('is never syntax and never an error', async () => {
    for (const q of HOSTILE) {
      const expression = await expressionFor(q);
      if (!expression) continue;
      await db.$queryRaw(fullText.rowsMatching(expression));
      await db.$queryRaw(fullText.matchedRows(expression, true));
      await db.$queryRaw(fullText.snippets(expression, [1, 2, 3], MARKS, 8));
      await db.$queryRaw(fullText.entityRows(expression));
      await db.$queryRaw(fullText.entitySnippets(expression, [3, 4], MARKS, 8));
      await db.$queryRaw(fullText.highlights(expression, 'memories', MARKS, sql`1 = 1`));
    }
  });

  it('a word holding quotes and operators is still one word, not an OR', async () => {
    // Not what the parser gives (it keeps letters only), but what expression() must survive.
    const hostile: ParsedQuery = { groups: [[{ words: [`rice' | 'winter`], quoted: false, prefix: false }]], excluded: [] };
    const expression = (await expressionFor('', hostile))!;
    expect(await matching(fullText.rowsMatching(expression))).toEqual([]);
    const backslash: ParsedQuery = { groups: [[{ words: ['rice\\'], quoted: false, prefix: true }]], excluded: [] };
    expect(await matching(fullText.rowsMatching((await expressionFor('', backslash))!))).toEqual([1]);
    for (const word of ["'", '\\', ':*', '&', '|', '!', '<->', "')"]) {
      const parsed: ParsedQuery = { groups: [[{ words: [word], quoted: false, prefix: false }]], excluded: [] };
      await db.$queryRaw(fullText.rowsMatching((await expressionFor('', parsed))!));
      await db.$queryRaw(fullText.standaloneRows(word));
    }
  });

  it('a query whose required words fold to nothing matches nothing, not everything but the exclusion', async () => {
    const parsed: ParsedQuery = {
      groups: [[{ words: ['\u0301'], quoted: false, prefix: false }]],
      excluded: [{ words: ['rice'], quoted: false, prefix: false }],
    };
    expect(await matching(fullText.rowsMatching((await expressionFor('', parsed))!))).toEqual([]);
  });
});
