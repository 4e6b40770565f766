// The query language by example: words (all must match), "phrases", prefix*, OR, -exclusions, and
// every other character read as text, never as syntax. Then the FTS5 expression each becomes.
import { describe, expect, it } from 'vitest';
import type { SynonymLookup } from '@/lib/db';
import { toFtsExpression } from '@/lib/db/sqlite/fts-expression';
import { formatTerm, parseQuery, wordsOf, type QueryTerm } from '@/lib/search/query-parser';

const word = (w: string, prefix = false): QueryTerm => ({ words: [w], quoted: false, prefix });
const phrase = (...words: string[]): QueryTerm => ({ words, quoted: true, prefix: false });

describe('parseQuery', () => {
  it.each<[string, QueryTerm[][], QueryTerm[]]>([
    // Words, all of which must match.
    ['sanctions', [[word('sanctions')]], []],
    ['human rights', [[word('human')], [word('rights')]], []],
    ['  human \t rights  ', [[word('human')], [word('rights')]], []],
    // Case is folded; diacritics are the index's business.
    ['SANCTIONS', [[word('sanctions')]], []],
    ['Sánctions', [[word('sánctions')]], []],
    ['Sa\u0301nctions', [[word('sánctions')]], []],
    // Phrases.
    ['"human rights"', [[phrase('human', 'rights')]], []],
    ['"North Korea" sanctions', [[phrase('north', 'korea')], [word('sanctions')]], []],
    ['a"b c"d', [[word('a')], [phrase('b', 'c')], [word('d')]], []],
    ['""', [], []],
    ['"  "', [], []],
    // Prefixes: a word of two letters or more with a trailing *.
    ['smugg*', [[word('smugg', true)]], []],
    ['smugg**', [[word('smugg', true)]], []],
    ['s*', [[word('s')]], []],
    ['*smugg', [[word('smugg')]], []],
    // A star right after a closing quote makes the phrase a prefix, as formatTerm writes it.
    ['"smugg"*', [[{ words: ['smugg'], quoted: true, prefix: true }]], []],
    ['multi-ag*', [[{ words: ['multi', 'ag'], quoted: true, prefix: true }]], []],
    // OR joins the terms either side into one group.
    ['DVD OR crane', [[word('dvd'), word('crane')]], []],
    ['DVD OR crane OR eyebrow', [[word('dvd'), word('crane'), word('eyebrow')]], []],
    ['sanctions china OR smuggling', [[word('sanctions')], [word('china'), word('smuggling')]], []],
    ['"north korea" OR dprk', [[phrase('north', 'korea'), word('dprk')]], []],
    ['OR sanctions', [[word('sanctions')]], []],
    ['sanctions OR', [[word('sanctions')]], []],
    ['sanctions OR OR china', [[word('sanctions'), word('china')]], []],
    ['or sanctions', [[word('or')], [word('sanctions')]], []],
    ['"OR"', [[{ words: ['or'], quoted: true, prefix: false }]], []],
    // Exclusions.
    ['sanctions -china', [[word('sanctions')]], [word('china')]],
    ['-china sanctions', [[word('sanctions')]], [word('china')]],
    ['-china', [], [word('china')]],
    ['sanctions -"human rights"', [[word('sanctions')]], [phrase('human', 'rights')]],
    ['sanctions -smugg*', [[word('sanctions')]], [word('smugg', true)]],
    ['sanctions OR -china korea', [[word('sanctions')], [word('korea')]], [word('china')]],
    ['a - b', [[word('a')], [word('b')]], []],
    ['sanctions -', [[word('sanctions')]], []],
    ['--sanctions', [], [word('sanctions')]],
    // Every other character is text.
    ["don't", [[phrase('don', 't')]], []],
    ['don’t', [[phrase('don', 't')]], []],
    ['multi-agent', [[phrase('multi', 'agent')]], []],
    ['20.04', [[phrase('20', '04')]], []],
    ['col:x', [[phrase('col', 'x')]], []],
    ['text:sanctions', [[phrase('text', 'sanctions')]], []],
    ['{text}: sanctions', [[word('text')], [word('sanctions')]], []],
    ['NEAR(sanctions china)', [[phrase('near', 'sanctions')], [word('china')]], []],
    ['sanctions NOT china', [[word('sanctions')], [word('not')], [word('china')]], []],
    ['sanctions AND china', [[word('sanctions')], [word('and')], [word('china')]], []],
    ['^sanctions', [[word('sanctions')]], []],
    ['(sanctions)', [[word('sanctions')]], []],
    ['"sanctions', [[word('sanctions')]], []],
    ['sanctions"', [[word('sanctions')]], []],
    // Nothing to search for.
    ['', [], []],
    ['   ', [], []],
    ['"', [], []],
    ['(', [], []],
    [')', [], []],
    ['*', [], []],
    ['-', [], []],
    ['"*"', [], []],
    ['( ) " * - : ^', [], []],
    ['\u0000', [], []],
    ['🙂', [], []],
  ])('%j', (input, groups, excluded) => {
    expect(parseQuery(input)).toEqual({ groups, excluded });
  });

  it('keeps letters of every script and joins what the index would split into a phrase', () => {
    expect(parseQuery('北朝鮮 \u1F08\u03B8\u1FC6\u03BD\u03B1\u03B9')).toEqual({
      groups: [[word('北朝鮮')], [word('\u1F00\u03B8\u1FC6\u03BD\u03B1\u03B9')]],
      excluded: [],
    });
    expect(parseQuery('\u0130stanbul').groups[0][0].words).toEqual(['i\u0307stanbul']);
  });

  it('reads only the first 1,000 characters', () => {
    const query = parseQuery(`${'a '.repeat(500)}beyond`);
    expect(query.groups).toHaveLength(500);
    expect(query.groups.flat().some((t) => t.words.includes('beyond'))).toBe(false);
  });
});

describe('wordsOf', () => {
  it.each([
    ['North Korea’s people', ['north', 'korea', 's', 'people']],
    ['Kim Jong-un', ['kim', 'jong', 'un']],
    ["democratic people's republic", ['democratic', 'people', 's', 'republic']],
    ['U.N.', ['u', 'n']],
    ['  ', []],
    // Combining marks with no letter fold to nothing in the index, so they are no word.
    ['\u0301\u0301\u0301', []],
    ['\u05B0\u05B4 \u093E\u093F \u20DD', []],
    ['cafe\u0301 \u0301x', ['café', '\u0301x']],
    ['\uE000x', ['\uE000x']],
  ])('%j → %j', (text, words) => {
    expect(wordsOf(text)).toEqual(words);
  });
});

describe('toFtsExpression', () => {
  it.each<[string, string | null]>([
    ['sanctions', '"sanctions"'],
    ['human rights', '"human" AND "rights"'],
    ['"human rights"', '"human rights"'],
    ['"North Korea" sanctions', '"north korea" AND "sanctions"'],
    ['smugg*', '"smugg"*'],
    ['multi-ag*', '"multi ag"*'],
    ['DVD OR crane', '("dvd" OR "crane")'],
    ['sanctions china OR smuggling', '"sanctions" AND ("china" OR "smuggling")'],
    ['sanctions -china', '("sanctions") NOT "china"'],
    ['sanctions -china -"human rights"', '("sanctions") NOT ("china" OR "human rights")'],
    ['DVD OR crane -china', '(("dvd" OR "crane")) NOT "china"'],
    ["don't", '"don t"'],
    ['col:x', '"col x"'],
    ['NEAR(sanctions china)', '"near sanctions" AND "china"'],
    ['sanctions AND china', '"sanctions" AND "and" AND "china"'],
    ['-china', null],
    ['', null],
    ['"', null],
    ['*', null],
  ])('%j → %s', (input, expression) => {
    expect(toFtsExpression(parseQuery(input))).toBe(expression);
  });

  const synonyms: SynonymLookup = (term) =>
    term.words.join(' ') === 'dprk'
      ? [
          ['north', 'korea'],
          ['democratic', 'people', 's', 'republic', 'of', 'korea'],
        ]
      : term.words.join(' ') === 'nukes'
        ? [['nukes'], ['nuclear', 'weapons']]
        : [];

  it.each<[string, string | null]>([
    ['dprk', '("dprk" OR "north korea" OR "democratic people s republic of korea")'],
    ['dprk sanctions', '("dprk" OR "north korea" OR "democratic people s republic of korea") AND "sanctions"'],
    ['sanctions -dprk', '("sanctions") NOT ("dprk" OR "north korea" OR "democratic people s republic of korea")'],
    // An alternative equal to the term itself is written once.
    ['nukes', '("nukes" OR "nuclear weapons")'],
    // A prefix is never expanded.
    ['dprk*', '"dprk"*'],
  ])('with synonyms: %j → %s', (input, expression) => {
    expect(toFtsExpression(parseQuery(input), synonyms)).toBe(expression);
  });
});

describe('formatTerm', () => {
  it.each<[QueryTerm, string]>([
    [word('sanctions'), 'sanctions'],
    [word('smugg', true), 'smugg*'],
    [phrase('north', 'korea'), '"north korea"'],
    [{ words: ['or'], quoted: true, prefix: false }, 'or'],
  ])('%j → %s', (term, text) => {
    expect(formatTerm(term)).toBe(text);
  });

  it('writes a prefix term of several words so that it is still a prefix search when read back', () => {
    // "multi-ag*" searches the phrase "multi ag"*; formatTerm gives "multi ag", which drops the prefix.
    const [[term]] = parseQuery('multi-ag*').groups;
    const reread = parseQuery(formatTerm(term));
    expect(toFtsExpression(reread)).toBe('"multi ag"*');
  });
});
