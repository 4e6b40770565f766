// The speakers' names and documents' titles a prefix's words are read from (lib/search/names.ts), which
// the app's SQLite reader keeps while the archive is unchanged, from the second time they are asked
// for after a change. Kept or not, they must be what the database gives, and change at once with a
// save through the editorial write path. On a seeded copy of the app's own database.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import type { QueryDb } from '@/lib/db';
import { reader } from '@/lib/db/client';
import { createSpeaker } from '@/lib/editorial';
import { namesContaining } from '@/lib/search/names';
import type { StampedDb } from '@/lib/search/result-cache';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };

/** The same reader without its change stamp: names read from the database every time. */
const fromDatabase = (): QueryDb => ({ $queryRaw: reader().$queryRaw });

/** The app's reader, with its change stamp, counting the statements it runs (a connection of its own to what is kept). */
function countingReader() {
  const counted = { statements: 0 };
  const db: QueryDb & StampedDb = {
    $queryRaw: (...args: Parameters<QueryDb['$queryRaw']>) => {
      counted.statements++;
      return reader().$queryRaw(...args);
    },
    changeStamp: () => reader().changeStamp(),
  };
  return { db, counted };
}

describe('names containing a piece of text', () => {
  it('are read from the database the first time after a change, kept from the second, and the same names either way', async () => {
    const { db, counted } = countingReader();
    const pieces = ['lee', 'north', 'seong', 'e', 'korea', 'nothing-like-this'];
    let found = 0;
    for (const piece of pieces) {
      const names = await namesContaining(db, piece, 100);
      expect(names, piece).toEqual(await namesContaining(fromDatabase(), piece, 100));
      found += names?.length ?? 0;
    }
    expect(found).toBeGreaterThan(0);
    // One search of the database for the first piece, one read of every name for the second, none after.
    expect(counted.statements).toBe(2);
    const [first] = (await namesContaining(db, 'seongmin', 100))!;
    expect(first.toLowerCase()).toContain('seongmin');
  });

  it('are null past the most asked for, kept or not', async () => {
    const { db, counted } = countingReader();
    const all = (await namesContaining(db, 'e', 1_000))!;
    expect(all.length).toBeGreaterThan(2);
    expect(await namesContaining(db, 'e', all.length - 1)).toBeNull();
    expect(await namesContaining(fromDatabase(), 'e', all.length - 1)).toBeNull();
    expect(await namesContaining(db, 'e', all.length)).toEqual(all);
    expect(counted.statements).toBe(2);
  });

  it('hold a piece once for each name holding it, however often, and never across two names', async () => {
    // Saved one after the other, so that they stand side by side where the names are kept.
    await createSpeaker(editor, { name: 'Ysolde Tarnatarn' });
    await createSpeaker(editor, { name: 'Oxley Pym' });
    const { db, counted } = countingReader();
    await namesContaining(db, 'tarn', 100);
    // The ends of the joined names too: the first speaker's name and the last title.
    const all = (await namesContaining(fromDatabase(), '', 100_000))!;
    const ends = [all[0]!.toLowerCase().slice(0, 4), all.at(-1)!.toLowerCase().slice(-4)];
    for (const piece of ['tarn', 'tarnoxley', 'arnoxl', 'ym', 'e', ...ends]) {
      const kept = await namesContaining(db, piece, 1_000);
      expect(kept, piece).toEqual(await namesContaining(fromDatabase(), piece, 1_000));
      expect(new Set(kept).size, piece).toBe(kept!.length);
    }
    expect(await namesContaining(db, 'tarn', 100)).toEqual(['Ysolde Tarnatarn']);
    expect(await namesContaining(db, 'tarnoxley', 100)).toEqual([]);
    // The first piece from the database, every name once, then all kept.
    expect(counted.statements).toBe(2);
  });

  it('include a speaker saved after they were kept', async () => {
    const { db } = countingReader();
    await namesContaining(db, 'zabriskie', 100);
    expect(await namesContaining(db, 'zabriskie', 100)).toEqual([]);
    await createSpeaker(editor, { name: 'Quentin Zabriskie' });
    expect(await namesContaining(db, 'zabriskie', 100)).toEqual(['Quentin Zabriskie']);
    expect(await namesContaining(db, 'zabriskie', 100)).toEqual(['Quentin Zabriskie']);
  });

  it('are not kept while the archive changes between every two searches', async () => {
    const { db, counted } = countingReader();
    for (const name of ['Alma Quist', 'Bruno Quist', 'Cora Quist']) {
      await createSpeaker(editor, { name });
      const before = counted.statements;
      expect(await namesContaining(db, name.toLowerCase(), 100)).toEqual([name]);
      // The database's own search, not a read of every name to keep.
      expect(counted.statements - before).toBe(1);
    }
  });
});
