// What counts as a query in a reader's own words, which words are initialisms, which do not gate, and what its exact plan leaves out.
import { describe, expect, it } from 'vitest';
import { initialismsOf, isNaturalQuery, parseQuery } from '@/lib/search/query-parser';
import { withoutStopWords } from '@/lib/search/lexical-match';
import { isStopWord } from '@/lib/search/stop-words';

const natural = (q: string) => isNaturalQuery(q, parseQuery(q));

describe('natural queries', () => {
  it.each(['how can I help North Koreans', 'Kim Jong-un', 'don’t', 'a "lone quote', 'OR'])('%j has no search syntax', (q) => {
    expect(natural(q)).toBe(true);
  });

  it.each(['"north korea"', 'sanctions -china', 'china OR russia', 'smugg*', '"human rights" help'])('%j uses search syntax', (q) => {
    expect(natural(q)).toBe(false);
  });
});

describe('initialisms', () => {
  it.each<[string, string[]]>([
    ['UN', ['un']],
    ['the UN, DPRK and U.S.', ['un', 'dprk']],
    ['(NATO)', ['nato']],
    ['Kim Jong-un', []],
    ['UNESCOS', []],
    ['A', []],
    ['un', []],
  ])('%j → %j', (q, expected) => {
    expect([...initialismsOf(q)]).toEqual(expected);
  });
});

describe('stop words', () => {
  it.each(['how', 'can', 'i', 'the', 'why', 'when', 'what'])('%s does not gate', (word) => expect(isStopWord(word)).toBe(true));
  it.each(['help', 'north', 'koreans', 'sanctions', 'un'])('%s does', (word) => expect(isStopWord(word)).toBe(false));
});

describe('a natural query’s exact plan', () => {
  const meant = (q: string) => withoutStopWords(parseQuery(q), initialismsOf(q)).groups.map((group) => group.map((term) => term.words.join(' ')).join('|'));

  it.each<[string, string[]]>([
    ['the sanctions of the regime', ['sanctions', 'regime']],
    ['how can I help North Koreans', ['help', 'north', 'koreans']],
    // Typed as an initialism, a stop word is a name.
    ['sanctions on the US', ['sanctions', 'us']],
    // Nothing but stop words: all of them.
    ['what is it about', ['what', 'is', 'it', 'about']],
    ['the', ['the']],
    // A contraction's parts, each a stop word or a letter.
    ["I'm from North Korea", ['north', 'korea']],
    ["what's it about", ['what s', 'it', 'about']],
  ])('%j searches %j', (q, expected) => {
    expect(meant(q)).toEqual(expected);
  });
});
