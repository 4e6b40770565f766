// A search's statements in one read transaction on a search thread's connection
// (lib/db/sqlite/one-read.ts): they read the archive as of one moment, never older than the newest
// search's start, and the transaction ends with the search whatever happens; a connection shared with
// other reads keeps none open. Checked on a real file, with a writer of its own committing between reads.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openReader, openWriter, type QueryDb, type Reader, type Writer } from '@/lib/db';
import { searchPassages } from '@/lib/search/search-passages';
import { searchParamsSchema } from '@/lib/validation/search';
import { copyTemplate } from '@/tests/support/per-file-database';

let reader: Reader;
let writer: Writer;
afterEach(() => {
  reader?.close();
  writer?.close();
});

function open(options = { oneRead: true }) {
  const file = copyTemplate('seededTemplate');
  reader = openReader(file, options);
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
    const earlierSaw: number[] = [];
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

  it('leaves the newer search its moment when the earlier one ends first', async () => {
    open();
    const start = await synonyms();
    let release = () => {};
    const waiting = new Promise<void>((resolve) => (release = resolve));
    const earlier = reader.inOneRead!(async () => {
      await synonyms();
      await waiting;
    });
    const later = reader.inOneRead!(async () => {
      const first = await synonyms();
      release();
      await earlier;
      commitOneMore();
      return [first, await synonyms()];
    });
    expect(await later).toEqual([start, start]);
    expect(await synonyms()).toBe(start + 1);
  });

  it('is what searchPassages reads in, once a search', async () => {
    open();
    let reads = 0;
    const counted: QueryDb = { ...reader, inOneRead: (read) => (reads++, reader.inOneRead!(read)) };
    const request = searchParamsSchema.parse({ q: 'korea' });
    const inOne = await searchPassages(counted, request);
    expect(reads).toBe(1);
    expect(inOne.total).toBeGreaterThan(0);
    expect(inOne).toEqual(await searchPassages({ ...reader, inOneRead: undefined }, request));
  });
});

describe('a reader shared with other reads (the main thread’s)', () => {
  it('keeps no read open while a search on it waits: its change stamp moves with a commit meanwhile', async () => {
    open({ oneRead: false });
    expect(reader.inOneRead).toBeUndefined();
    // A search whose statements each wait a turn first, as one waiting on its sentence encoder does.
    const slow: QueryDb = {
      ...reader,
      $queryRaw: (async (...args: Parameters<Reader['$queryRaw']>) => (await nextTurn(), reader.$queryRaw(...args))) as Reader['$queryRaw'],
    };
    const before = reader.changeStamp();
    const searching = searchPassages(slow, searchParamsSchema.parse({ q: 'korea' }));
    await nextTurn();
    commitOneMore();
    expect(reader.changeStamp()).not.toBe(before);
    expect((await searching).total).toBeGreaterThan(0);
  });

  it('is asked for only by the connections that do nothing but search: a search thread’s and bench:search’s', () => {
    const root = path.resolve(import.meta.dirname, '../../..');
    const sources = ['lib', 'app', 'scripts', 'bench'].flatMap((folder) =>
      readdirSync(path.join(root, folder), { recursive: true, encoding: 'utf8' })
        .filter((file) => /\.(ts|tsx|mts|mjs)$/.test(file))
        .map((file) => path.join(folder, file)),
    );
    const asking = sources.filter((file) => /oneRead: true/.test(readFileSync(path.join(root, file), 'utf8')));
    expect(asking.sort()).toEqual(['bench/engines/project.ts', 'lib/search/thread/search-thread.ts']);
  });
});
