// When SQLite's counts look passages up in the index one by one (lib/search/counting.ts): never for a
// prefix, which FTS5 sets up again for every lookup, and at a cost that grows with the words sought.
// And the cheap upper bound of an expression's matches that narrowing.ts counts.
import { describe, expect, it } from 'vitest';
import { sql } from '@/lib/db';
import { sqliteFullText } from '@/lib/db/sqlite/full-text';

const lookup = (expression: string) => sqliteFullText.lookupMatch!(expression);

describe('lookupMatch on SQLite', () => {
  it('never looks a prefix up, alone or among other words', () => {
    expect(lookup('"bre"*')).toBeNull();
    expect(lookup('("bre"* OR "breangiobat" OR "brevul")')).toBeNull();
  });

  it('costs each word of the expression once, operators aside', () => {
    const one = lookup('"the"')!.cost;
    expect(one).toBeGreaterThan(1);
    expect(lookup('"of the"')!.cost).toBe(2 * one);
    expect(lookup('(("north" AND "korea") OR "dprk")')!.cost).toBe(3 * one);
  });

  it('tells a phrase, whose matches need their positions checked, from words', () => {
    expect(lookup('"of the"')!.readsPositions).toBe(true);
    expect(lookup('("north korea" OR "dprk")')!.readsPositions).toBe(true);
    expect(lookup('"the"')!.readsPositions).toBe(false);
    expect(lookup('("north" AND "korea")')!.readsPositions).toBe(false);
  });

  it('checks the passage by its id in the index', () => {
    const condition = lookup('"the"')!.matches(sql`p.id`);
    expect(condition.sql).toContain('passage_fts MATCH ?');
    expect(condition.sql).toContain('passage_fts.rowid = p.id');
    expect(condition.values).toEqual(['"the"']);
  });
});

describe("unordered on SQLite: a cheap upper bound of an expression's matches", () => {
  const unordered = (expression: string) => sqliteFullText.unordered!(expression);

  it("requires a phrase's words in any order, a prefix phrase's last word as a prefix", () => {
    expect(unordered('"of the"')).toBe('("of" AND "the")');
    expect(unordered('("north korea" OR "dprk")')).toBe('(("north" AND "korea") OR "dprk")');
    expect(unordered('"kim jong"*')).toBe('("kim" AND "jong"*)');
  });

  it('leaves words, prefixes and quoted quotes as they are', () => {
    expect(unordered('"the" AND "bre"*')).toBe('"the" AND "bre"*');
    expect(unordered('"say ""no"""')).toBe('("say" AND """no""")');
  });

  it('leaves an expression with NOT whole, where widening a phrase would narrow the matches', () => {
    expect(unordered('("the") NOT "of the"')).toBe('("the") NOT "of the"');
  });
});
