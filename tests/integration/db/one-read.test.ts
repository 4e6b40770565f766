// A search's statements in one read transaction (lib/db/sqlite/one-read.ts): they read the archive as
// of one moment, never older than the newest search's start, and the transaction ends with the search
// whatever happens. Checked on a real file, with a writer of its own committing between reads.
import { afterEach, describe, expect, it } from 'vitest';
import { openReader, openWriter, type Reader, type Writer } from '@/lib/db';
import { copyTemplate } from '@/tests/support/per-file-database';

let reader: Reader;
let writer: Writer;
afterEach(() => {
  reader?.close();
  writer?.close();
});

function open() {
  const file = copyTemplate('seededTemplate');
  reader = openReader(file);
  writer = openWriter(file);
}

let added = 0;
/** Commits one more synonym row through the writer. */
const commitOneMore = () =>
  writer.write((db) => db.prepare('INSERT INTO SearchSynonym (term, "group") VALUES (?, ?)').run(`one-read-${++added}`, 900_000 + added));
const synonyms = async () => Number((await reader.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM SearchSynonym`)[0].n);
/** A turn of the event loop: what a search waiting on something other than the database gives way to. */
const nextTurn = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('one read for a search', () => {
  it('reads one moment of the archive from its first statement to its last', async () => {
    open();
    const seen = await reader.inOneRead!(async () => {
      const before = await synonyms();
      commitOneMore();
      return [before, await synonyms(), reader.changeStamp()];
    });
    expect(seen[1]).toBe(seen[0]);
    // Once it is over, the next read sees the commit, and the change stamp has moved.
    expect(await synonyms()).toBe(seen[0]! + 1);
    expect(reader.changeStamp()).not.toBe(seen[2]);
  });

  it('ends an earlier search’s read that is still open, so the newer search sees every commit made before it', async () => {
    open();
    const start = await synonyms();
    let earlierSaw: number[] = [];
    const earlier = reader.inOneRead!(async () => {
      earlierSaw.push(await synonyms());
      await nextTurn();
      earlierSaw.push(await synonyms());
      await nextTurn();
      earlierSaw.push(await synonyms());
    });
    commitOneMore();
    const later = await reader.inOneRead!(async () => {
      const first = await synonyms();
      await nextTurn();
      commitOneMore();
      return [first, await synonyms()];
    });
    await earlier;
    // The later search saw the commit made before it started, and its own moment to its end.
    expect(later).toEqual([start + 1, start + 1]);
    // The earlier one read its own moment until the later one began, then as of the later one's.
    expect(earlierSaw[0]).toBe(start);
    expect(earlierSaw[1]).toBe(start + 1);
    // Both over, nothing holds an old moment: a plain read sees the last commit.
    expect(await synonyms()).toBe(start + 2);
  });

  it('ends the read when the search fails, and passes the error on', async () => {
    open();
    const start = await synonyms();
    await expect(
      reader.inOneRead!(async () => {
        await synonyms();
        throw new Error('the search failed');
      }),
    ).rejects.toThrow('the search failed');
    commitOneMore();
    expect(await synonyms()).toBe(start + 1);
  });
});
