// listedWordOf: which FTS5 expressions a ranking list may answer. A wrong "yes" would rank a query by
// one word's list when the query means something else, so every other shape must be refused.
import { describe, expect, it } from 'vitest';
import { listedWordOf } from '@/lib/search/top-k/alternatives';

describe('listedWordOf', () => {
  it('takes one quoted word or phrase (phrases of two frequent words have lists too), and alternatives whose first is one', () => {
    expect(listedWordOf('"was"')).toEqual({ word: 'was', others: null });
    expect(listedWordOf('"of the"')).toEqual({ word: 'of the', others: null });
    expect(listedWordOf('("of the" OR "was")')).toEqual({ word: 'of the', others: '"was"' });
    expect(listedWordOf('("was" OR "washer" OR "wasteland")')).toEqual({ word: 'was', others: '"washer" OR "wasteland"' });
    expect(listedWordOf('("korea" OR "north korea" OR "dprk"*)')).toEqual({ word: 'korea', others: '"north korea" OR "dprk"*' });
    expect(listedWordOf('("people" OR ("folk" AND "kin"))')).toEqual({ word: 'people', others: '("folk" AND "kin")' });
  });

  it('refuses prefixes, several terms, exclusions and alternatives that are only part of the query', () => {
    for (const expression of [
      '"was"*',
      '"of the"*',
      '"was" AND "here"',
      '("was"* OR "washer")',
      '"of" AND "the"',
      '("was" OR "washer") AND ("here" OR "there")',
      '("was" OR "washer") AND "here"',
      '("was" OR "washer") NOT ("here" OR "there")',
      '(("was" OR "washer")) NOT "here"',
      '("was" OR "washer")) OR ("here"',
    ]) {
      expect(listedWordOf(expression), expression).toBeNull();
    }
  });
});
