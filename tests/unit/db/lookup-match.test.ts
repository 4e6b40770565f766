// When SQLite's counts look passages up in the index one by one (lib/search/counting.ts): never for a
// prefix, which FTS5 sets up again for every lookup, and at a cost that grows with the words sought.
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

  it('checks the passage by its id in the index', () => {
    const condition = lookup('"the"')!.matches(sql`p.id`);
    expect(condition.sql).toContain('passage_fts MATCH ?');
    expect(condition.sql).toContain('passage_fts.rowid = p.id');
    expect(condition.values).toEqual(['"the"']);
  });
});
