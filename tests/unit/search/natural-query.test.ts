// What counts as a query in a reader's own words, which words are initialisms, and which do not gate.
import { describe, expect, it } from 'vitest';
import { initialismsOf, isNaturalQuery, parseQuery } from '@/lib/search/query-parser';
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
