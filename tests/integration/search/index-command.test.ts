// `npm run search:index`, run as the real command (a child process) on a copy of the seeded archive
// whose passage indexes editors' saves have left in many segments: a plain run says how many and
// changes nothing; `--merge` merges each index into one, and the archive finds exactly what it found
// before, with the same scores and snippets; an unknown option is refused with the usage, changing
// nothing. `npm start`'s preparation (prepareDatabase, in this process, on a generated corpus of
// 10,000 passages) merges the stemmed index once 2% or more of it lies outside its largest segment,
// and the archive finds what it found before; it leaves a smaller archive, and a whole index, alone.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { loadCorpus } from '@/bench/lib/load';
import { MERGE_THRESHOLD, openDatabase, openReader, segmentsOf, shapeOf, type SqliteDb } from '@/lib/db';
import { startReadingFacetColumns } from '@/lib/search/facet-columns';
import { searchPassages } from '@/lib/search/search-passages';
import { searchParamsSchema } from '@/lib/validation/search';
import { prepareDatabase } from '@/scripts/prepare-database';
import { scoredMatches } from '@/tests/support/full-text-probe';
import { copyTemplate } from '@/tests/support/per-file-database';
import { runScript } from '@/tests/support/run-script';

const run = (args: string[], file: string) => runScript('search-index', args, { DATABASE_URL: `file:${file}` });

/** Saves of one passage each, as an editor's corrections are (each its own transaction: each adds segments), until `done`. */
function saveUntil(db: SqliteDb, done: () => boolean) {
  const ids = db.prepare('SELECT id FROM Passage ORDER BY id').pluck().all() as number[];
  const save = db.prepare('UPDATE Passage SET text = text WHERE id = ?');
  for (let i = 0; !done(); i++) {
    if (i === 5_000) throw new Error(`5,000 saves left the stemmed index in ${JSON.stringify(shapeOf(db, 'passage_fts'))}`);
    // Every 7th passage, so that the saves spread over the archive.
    db.transaction(() => save.run(ids[(i * 7) % ids.length]))();
  }
}

/** What each index finds for words of the archive: the stemmed index's passages with scores and snippets, the plain one's ids. */
function findings(db: SqliteDb) {
  const words = db.prepare('SELECT term FROM passage_fts_vocab WHERE doc > 3 ORDER BY doc DESC, term LIMIT 12').pluck().all() as string[];
  const plain = db.prepare('SELECT rowid FROM passage_words_fts WHERE passage_words_fts MATCH ? ORDER BY rowid').pluck();
  return {
    stemmed: [...words, '"north korea"', 'fami*'].map((match) => scoredMatches(db, match)),
    plain: ['north', 'korea', 'freedom', 'family'].map((word) => plain.all(word)),
  };
}

/** A copy of the seeded archive whose saves left its stemmed index in at least `segments` segments. */
function grownArchive(segments: number): string {
  const file = copyTemplate('seededTemplate');
  const db = openDatabase(file);
  try {
    saveUntil(db, () => segmentsOf(db, 'passage_fts') >= segments);
  } finally {
    db.close();
  }
  return file;
}

function read<T>(file: string, fn: (db: SqliteDb) => T): T {
  const db = openDatabase(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const segmentCounts = (db: SqliteDb) => [segmentsOf(db, 'passage_fts'), segmentsOf(db, 'passage_words_fts')];

describe('npm run search:index', () => {
  it('says how many segments the passage indexes hold, and --merge merges each into one, finding what it found before', { timeout: 120_000 }, () => {
    const file = grownArchive(5);
    const [stemmed, words] = read(file, segmentCounts);
    expect(stemmed).toBeGreaterThanOrEqual(5);
    expect(words).toBeGreaterThan(1);
    const before = read(file, findings);
    expect(before.stemmed.every((rows) => rows.length > 0)).toBe(true);
    expect(before.plain.every((rows) => rows.length > 0)).toBe(true);

    const plainRun = run([], file);
    expect(plainRun.status).toBe(0);
    expect(plainRun.stdout).toMatch(new RegExp(`passage_fts: ${stemmed} segments, \\d+\\.\\d% of its leaf pages outside the largest\\.`));
    expect(plainRun.stdout).toMatch(new RegExp(`passage_words_fts: ${words} segments, \\d+\\.\\d% of its leaf pages outside the largest\\.`));
    expect(plainRun.stdout).toContain('Searches read each segment: --merge merges each index into one.');
    expect(read(file, segmentCounts)).toEqual([stemmed, words]);

    const merged = run(['--merge'], file);
    expect(merged.stderr).toContain('Merging the passage indexes into one segment each');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toMatch(new RegExp(`passage_fts: ${stemmed} segments, now 1 segment, in \\d+\\.\\d s\\.`));
    expect(merged.stdout).toMatch(new RegExp(`passage_words_fts: ${words} segments, now 1 segment, in \\d+\\.\\d s\\.`));
    read(file, (db) => {
      expect(segmentCounts(db)).toEqual([1, 1]);
      expect(findings(db)).toEqual(before);
      db.exec(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
      db.exec(`INSERT INTO passage_words_fts (passage_words_fts, rank) VALUES ('integrity-check', 0)`);
    });

    const again = run(['--merge'], file);
    expect(again.status).toBe(0);
    expect(again.stdout).toContain('passage_fts: 1 segment, nothing to merge.');
  });

  it("leaves a search thread's connection, open across the merge, answering exactly as before", { timeout: 120_000 }, async () => {
    // FTS5 keeps an index's structure in memory per connection: a merge by another process must be seen, not read through a stale one.
    const file = grownArchive(5);
    const reader = openReader(file, { oneRead: true });
    try {
      await startReadingFacetColumns(reader);
      const queries = ['north korea', '"north korea"', 'fami*', 'freedom OR family', 'korea -freedom'];
      const answers = () => Promise.all(queries.map((q) => searchPassages(reader, searchParamsSchema.parse({ q }))));
      const before = await answers();
      expect(before.every((answer) => answer.hits.length > 0)).toBe(true);
      expect(run(['--merge'], file).status).toBe(0);
      expect(read(file, segmentCounts)).toEqual([1, 1]);
      expect(await answers()).toEqual(before);
    } finally {
      reader.close();
    }
  });

  it('refuses an unknown option with the usage, changing nothing', () => {
    const file = grownArchive(3);
    const before = read(file, segmentCounts);
    const result = run(['--merg'], file);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('search:index: unknown option --merg');
    expect(result.stderr).toContain('usage: npm run search:index [-- [--rebuild] [--merge]]');
    expect(read(file, segmentCounts)).toEqual(before);
  });
});

describe("npm start's preparation of the database", () => {
  let dir: string | undefined;
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const logged = async (file: string) => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    await prepareDatabase(`file:${file}`);
    vi.restoreAllMocks();
    return lines.join('\n');
  };

  it(
    `merges an index once saves have left ${MERGE_THRESHOLD.outsideLargest * 100}% of it outside its largest segment, from ${MERGE_THRESHOLD.minPassages} passages on, finding what it found before`,
    { timeout: 120_000 },
    async () => {
      // Below the size, however the index is cut: the seeded archive's saves leave most of it outside the largest segment.
      const small = grownArchive(8);
      const smallShape = read(small, (db) => shapeOf(db, 'passage_fts'));
      expect(smallShape.outsideLargest).toBeGreaterThan(MERGE_THRESHOLD.outsideLargest);
      expect(await logged(small)).not.toContain('Search index');
      expect(read(small, (db) => shapeOf(db, 'passage_fts'))).toEqual(smallShape);

      // An archive of the size, as a bulk load leaves it: one segment, nothing to merge.
      dir = mkdtempSync(path.join(os.tmpdir(), 'merge-advice-'));
      const { info } = await loadCorpus({ n: MERGE_THRESHOLD.minPassages, seed: 5, cacheDir: dir });
      expect(read(info.file, (db) => shapeOf(db, 'passage_fts'))).toEqual({ segments: 1, outsideLargest: 0 });
      expect(await logged(info.file)).not.toContain('Search index');

      // Saves until enough of it lies outside the largest segment: merged before serving, with the figures.
      const db = openDatabase(info.file);
      try {
        saveUntil(db, () => shapeOf(db, 'passage_fts').outsideLargest >= MERGE_THRESHOLD.outsideLargest);
      } finally {
        db.close();
      }
      const shape = read(info.file, (db) => shapeOf(db, 'passage_fts'));
      const before = read(info.file, findings);
      expect(before.stemmed.every((rows) => rows.length > 0)).toBe(true);
      expect(before.plain.every((rows) => rows.length > 0)).toBe(true);
      const output = await logged(info.file);
      expect(output).toContain(
        `Search index passage_fts: ${shape.segments} segments, ${(shape.outsideLargest * 100).toFixed(1)}% of its leaf pages outside the largest (saves add segments, and every search reads each); merging it into one…`,
      );
      expect(output).toMatch(/Search index passage_fts: merged into one segment in \d+\.\d s\./);
      read(info.file, (db) => {
        expect(shapeOf(db, 'passage_fts')).toEqual({ segments: 1, outsideLargest: 0 });
        expect(findings(db)).toEqual(before);
        db.exec(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
      });
    },
  );
});
