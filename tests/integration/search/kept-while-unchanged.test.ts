// What a search keeps about the whole archive while it is unchanged (lib/search/kept-while-unchanged.ts):
// the speakers' names and documents' titles a prefix's words are read from (names.ts). The app's SQLite
// reader keeps them; they must be what the database gives, and change at once with a save through the
// editorial write path. On a seeded copy of the app's own database.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import type { QueryDb } from '@/lib/db';
import { reader } from '@/lib/db/client';
import { createSpeaker } from '@/lib/editorial';
import { namesContaining } from '@/lib/search/names';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };

/** The same reader without its change stamp: names read from the database every time. */
const fromDatabase = (): QueryDb => ({ $queryRaw: reader().$queryRaw });

describe('names containing a piece of text', () => {
  it('are the names the database finds, in its order, ignoring case', async () => {
    const pieces = ['lee', 'north', 'seong', 'e', 'korea', 'nothing-like-this'];
    let found = 0;
    for (const piece of pieces) {
      const kept = await namesContaining(reader(), piece, 100);
      expect(kept, piece).toEqual(await namesContaining(fromDatabase(), piece, 100));
      found += kept?.length ?? 0;
    }
    expect(found).toBeGreaterThan(0);
    const [first] = (await namesContaining(reader(), 'seongmin', 100))!;
    expect(first.toLowerCase()).toContain('seongmin');
  });

  it('are null past the most asked for, as the database says', async () => {
    const all = (await namesContaining(reader(), 'e', 1_000))!;
    expect(all.length).toBeGreaterThan(2);
    expect(await namesContaining(reader(), 'e', all.length - 1)).toBeNull();
    expect(await namesContaining(fromDatabase(), 'e', all.length - 1)).toBeNull();
    expect(await namesContaining(reader(), 'e', all.length)).toEqual(all);
  });

  it('include a speaker saved after they were kept', async () => {
    expect(await namesContaining(reader(), 'zabriskie', 100)).toEqual([]);
    await createSpeaker(editor, { name: 'Quentin Zabriskie' });
    expect(await namesContaining(reader(), 'zabriskie', 100)).toEqual(['Quentin Zabriskie']);
  });

  it('are found without their diacritics, as the index folds words', async () => {
    await createSpeaker(editor, { name: 'Émile Dupré' });
    expect(await namesContaining(reader(), 'emile', 100)).toEqual(['Émile Dupré']);
    expect(await namesContaining(reader(), 'dupre', 100)).toEqual(['Émile Dupré']);
  });
});
