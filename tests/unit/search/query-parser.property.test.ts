// Property tests of the query language: whatever a reader types, parseQuery never throws, and the
// FTS5 expression built from it is accepted by a real SQLite FTS5 table with the archive's own
// tokenizer, and contains nothing of the reader's outside quoted strings (only the AND, OR, NOT,
// parentheses and prefix stars the builder adds itself).
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { SynonymLookup } from '@/lib/db';
import { toFtsExpression } from '@/lib/db/sqlite/fts-expression';
import { formatQuery, parseQuery, wordsOf } from '@/lib/search/query-parser';

const RUNS = { numRuns: 600 };

const db = new Database(':memory:');
db.exec(`CREATE VIRTUAL TABLE t USING fts5(text, speaker, title, tokenize='porter unicode61 remove_diacritics 2')`);
const insert = db.prepare('INSERT INTO t (text, speaker, title) VALUES (?, ?, ?)');
insert.run(
  'I know this firsthand, because of “state smuggling.” Sanctions don’t scare Kim Jong-un.',
  'Seongmin Lee',
  'How to Really Bring Change to North Korea',
);
insert.run('Human rights were not on the table during the summit. Do you think that was a mistake?', 'Jeff Kim', 'Seongmin Lee Q&A Part 2');
insert.run('Nowadays, USBs and SD cards are growing in popularity: 20.04, multi-agent, naïve café.', '', 'Notes');
const count = db.prepare('SELECT count(*) AS n FROM t WHERE t MATCH ?');
afterAll(() => db.close());

/** Runs the expression against FTS5; throws what SQLite throws. */
const matchCount = (expression: string) => (count.get(expression) as { n: number }).n;

// Inputs: any text, any code points (lone surrogates and controls included), and text built from
// the characters and words FTS5 would read as syntax, mixed with ordinary words.
const SYNTAX_PIECES = [
  '"',
  '""',
  '*',
  '**',
  '(',
  ')',
  '-',
  '--',
  ':',
  '^',
  '+',
  '{',
  '}',
  ',',
  '.',
  "'",
  '’',
  '\\',
  '/',
  '%',
  '_',
  '\u0000',
  'OR',
  'AND',
  'NOT',
  'NEAR',
  'NEAR(',
  'NEAR/2',
  'or',
  'and',
  'not',
  'near',
  'sanctions',
  'north',
  'korea',
  'smugg',
  'a',
  'ab',
  'col',
  'text',
  'title',
  'speaker',
  'dprk',
  "don't",
  'multi-agent',
  '20.04',
  'é',
  'e\u0301',
  '\u0301',
  '\u0301\u0301\u0301',
  '\u05B0\u05BC',
  '\u093E\u093F',
  '\u20DD',
  '\uE000',
  'İ',
  'ß',
  '北朝鮮',
  '🙂',
  '\u200d',
  '\uD800',
];
const SEPARATORS = ['', '', ' ', ' ', '  ', '\t', '\n', '\u00a0'];
const syntaxHeavy = fc
  .array(fc.tuple(fc.constantFrom(...SYNTAX_PIECES), fc.constantFrom(...SEPARATORS)), { maxLength: 24 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

const inputs: [string, fc.Arbitrary<string>][] = [
  ['graphemes', fc.string({ unit: 'grapheme', maxLength: 80 })],
  ['any code points', fc.string({ unit: 'binary', maxLength: 80 })],
  ['ascii', fc.string({ unit: 'binary-ascii', maxLength: 80 })],
  ['syntax-heavy text', syntaxHeavy],
];

// A lookup that expands some terms into synonyms the way withSynonyms does: word lists from the database.
const someSynonyms: SynonymLookup = (term) =>
  term.words[0].length % 2 === 0 ? [['north', 'korea'], ['democratic', 'people', 's', 'republic', 'of', 'korea'], term.words] : [];

const WORD = /^[\p{L}\p{N}\p{Co}\p{M}]+$/u;
const PHRASE = /^[\p{L}\p{N}\p{Co}\p{M}]+(?: [\p{L}\p{N}\p{Co}\p{M}]+)*$/u;

/**
 * Reads an expression as FTS5 would and returns its quoted strings; throws on any character outside
 * a quoted string other than spaces, ( ), AND, OR, NOT and a * right after a closing quote.
 */
function lexExpression(expression: string): string[] {
  const phrases: string[] = [];
  let depth = 0;
  let i = 0;
  while (i < expression.length) {
    const char = expression[i];
    if (char === ' ') {
      i += 1;
    } else if (char === '(' || char === ')') {
      depth += char === '(' ? 1 : -1;
      if (depth < 0) throw new Error(`unbalanced ")" at ${i} in ${expression}`);
      i += 1;
    } else if (char === '"') {
      const end = expression.indexOf('"', i + 1);
      if (end === -1) throw new Error(`unclosed quote at ${i} in ${expression}`);
      phrases.push(expression.slice(i + 1, end));
      i = end + 1;
      if (expression[i] === '*') i += 1;
    } else {
      const operator = /^(AND|OR|NOT)(?= )/.exec(expression.slice(i));
      if (!operator) throw new Error(`unquoted ${JSON.stringify(char)} at ${i} in ${expression}`);
      i += operator[1].length;
    }
  }
  if (depth !== 0) throw new Error(`unbalanced "(" in ${expression}`);
  return phrases;
}

describe.each(inputs)('over %s', (_name, input) => {
  it('parseQuery never throws and gives only non-empty terms of lower-case words', () => {
    fc.assert(
      fc.property(input, (text) => {
        const query = parseQuery(text);
        for (const group of query.groups) expect(group.length).toBeGreaterThan(0);
        for (const term of [...query.groups.flat(), ...query.excluded]) {
          expect(term.words.length).toBeGreaterThan(0);
          for (const word of term.words) {
            expect(word).toMatch(WORD);
            // Marks alone fold to nothing in the index: a word always has something the index keeps.
            expect(word).toMatch(/[\p{L}\p{N}\p{Co}]/u);
            expect(word).toBe(word.toLowerCase());
          }
        }
      }),
      RUNS,
    );
  });

  it('toFtsExpression is accepted by SQLite FTS5 with the archive tokenizer', () => {
    fc.assert(
      fc.property(input, (text) => {
        const query = parseQuery(text);
        const expression = toFtsExpression(query);
        expect(expression === null).toBe(query.groups.length === 0);
        if (expression !== null) expect(() => matchCount(expression)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('toFtsExpression with synonyms is accepted by SQLite FTS5 too', () => {
    fc.assert(
      fc.property(input, (text) => {
        const expression = toFtsExpression(parseQuery(text), someSynonyms);
        if (expression !== null) expect(() => matchCount(expression)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('quotes every word the reader typed: nothing outside quotes but the AND, OR, NOT, ( ) and * it adds', () => {
    fc.assert(
      fc.property(input, (text) => {
        const expression = toFtsExpression(parseQuery(text));
        if (expression === null) return;
        const typed = new Set(wordsOf(text));
        for (const phrase of lexExpression(expression)) {
          expect(phrase).toMatch(PHRASE);
          // Nothing invented: every quoted word is one the reader typed.
          for (const word of phrase.split(' ')) expect(typed.has(word)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('quotes synonym phrases the same way', () => {
    fc.assert(
      fc.property(input, (text) => {
        const expression = toFtsExpression(parseQuery(text), someSynonyms);
        if (expression !== null) for (const phrase of lexExpression(expression)) expect(phrase).toMatch(PHRASE);
      }),
      RUNS,
    );
  });
});

describe('the lexer used by these properties', () => {
  it.each([
    ['"a" AND "b"', ['a', 'b']],
    ['("a" OR "b c")*', null],
    ['("a") NOT "b"*', ['a', 'b']],
    ['"a" NEAR "b"', null],
    ['text:"a"', null],
    ['"a" ^', null],
    ['("a"', null],
    ['"a', null],
  ])('%s → %j', (expression, phrases) => {
    if (phrases) expect(lexExpression(expression)).toEqual(phrases);
    else expect(() => lexExpression(expression)).toThrow();
  });
});

describe('limits', () => {
  it('a query of many exclusions within the parser’s own 1,000 characters is still accepted by FTS5', () => {
    // parseQuery reads up to 1,000 characters; 300 exclusions is 901 of them. FTS5 refuses an
    // expression tree deeper than 256, and a chain of NOTs is one level per exclusion.
    const text = `x${' -a'.repeat(300)}`;
    expect(text.length).toBeLessThanOrEqual(1000);
    const expression = toFtsExpression(parseQuery(text))!;
    expect(expression.startsWith('("x") NOT ')).toBe(true);
    expect(() => matchCount(expression)).not.toThrow();
    expect(matchCount(expression)).toBe(0);
  });

  it('the longest query the API accepts (500 characters) of exclusions is accepted by FTS5', () => {
    const text = `text${' -b'.repeat(165)}`;
    expect(text.length).toBeLessThanOrEqual(500);
    expect(matchCount(toFtsExpression(parseQuery(text))!)).toBe(0);
  });

  it('500 characters of words, ORs or parentheses are accepted by FTS5', () => {
    for (const text of ['korea '.repeat(83), 'a OR '.repeat(100), '('.repeat(500), `${'(north OR korea) '.repeat(29)}`]) {
      const expression = toFtsExpression(parseQuery(text));
      if (expression !== null) expect(() => matchCount(expression)).not.toThrow();
    }
    expect(matchCount(toFtsExpression(parseQuery('korea '.repeat(83)))!)).toBe(1);
  });
});

describe('writing a query back', () => {
  it('formatTerm writes every term so that it reads back as the same search', () => {
    fc.assert(
      fc.property(syntaxHeavy, (text) => {
        const query = parseQuery(text);
        expect(toFtsExpression(parseQuery(formatQuery(query)))).toBe(toFtsExpression(query));
      }),
      // Besides the random inputs, always the prefix terms of several words ("multi-ag*" is the phrase prefix "multi ag"*),
      // and a capital dotted I before Hebrew points: lower-cased, its dot came before the points, out of canonical order.
      { ...RUNS, examples: [['sanctions smugg* -"north korea" dvd OR crane'], ['multi-ag*'], ['20.04*'], ['\u0130\u05b0\u05bc']] },
    );
  });
});
