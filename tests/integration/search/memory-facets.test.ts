// The total and facets counted from the columns kept in memory (lib/search/facet-columns.ts,
// memory-facets.ts) must be the statement's (facets.ts), value for value and in its order, for every
// kind of search and filter; the columns are read from the second search after a change, never used
// once the archive has changed, and read again after. On the benchmark's generated corpus (20,000
// passages), searched through the real reader, against the same reader without its change stamp (which
// never keeps columns, so every count is the statement's).
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { idList, openReader, sql, type QueryDb, type Reader } from '@/lib/db';
import { facetColumnsFor, keptFacetColumns, readingFacetColumns, startReadingFacetColumns } from '@/lib/search/facet-columns';
import { countRows, countRowsInDatabase, passagesByIds } from '@/lib/search/facets';
import { filterSql } from '@/lib/search/filters';
import { firstShown } from '@/lib/search/memory-facets';
import { isPublicDocument } from '@/lib/search/public-documents';
import { searchPassages } from '@/lib/search/search-passages';
import { shownAmong } from '@/lib/search/top-k/candidates';
import type { SearchRequest } from '@/lib/search/types';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 20_000, seed: 11 });
let dir: string;
let file: string;
let db: Reader;

beforeAll(() => {
  // A copy of its own: one test below writes to it.
  dir = mkdtempSync(path.join(os.tmpdir(), 'memory-facets-'));
  file = path.join(dir, 'archive.db');
  copyFileSync(corpus.file, file);
  db = openReader(file);
});

afterAll(() => {
  db?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The same reader without its change stamp: every count is the statement's. */
const byStatement = (): QueryDb => ({ $queryRaw: db.$queryRaw, indexStems: db.indexStems });

/** The facet statement's own words (facets.ts countRowsInDatabase): a search that ran it did not count from the columns. */
const FACET_STATEMENT = /SELECT 'speaker', s\.slug/;
let facetStatements = 0;
/** The probe's statement (counting.ts probe): a probe that ran it did not check its matches on the columns. */
const PROBE_STATEMENT = /min\(id\) AS first, max\(id\) AS last/;
let probeStatements = 0;

/** The ranking's look-up statement (top-k/candidates.ts shownAmongByStatement): a look-up that ran it did not answer from the columns. */
const LOOKUP_STATEMENT = /CROSS JOIN Document d ON d\.id = p\.documentId/;
let lookups = 0;

/** The reader, with its change stamp (so the columns are kept for it), counting the facet statements it runs. */
let memory: QueryDb & { changeStamp(): number | null };
beforeAll(() => {
  memory = {
    $queryRaw: ((query: { sql: string } | TemplateStringsArray, ...values: unknown[]) => {
      // A tagged template's strings, or a Prisma.sql value's text.
      const text = 'sql' in query ? query.sql : query.join('?');
      if (FACET_STATEMENT.test(text)) facetStatements++;
      if (PROBE_STATEMENT.test(text)) probeStatements++;
      if (LOOKUP_STATEMENT.test(text)) lookups++;
      return (db.$queryRaw as (...args: unknown[]) => unknown)(query, ...values);
    }) as QueryDb['$queryRaw'],
    indexStems: db.indexStems,
    changeStamp: () => db.changeStamp(),
  };
});

/** What a search shows at all, as the ranking's look-up statement says it: a public document, the asked one if one is asked. */
const shownIn = (request: SearchRequest) => (request.document ? sql`${isPublicDocument} AND d.slug = ${request.document}` : isPublicDocument);

async function keptColumns() {
  facetColumnsFor(memory);
  facetColumnsFor(memory);
  const columns = await readingFacetColumns(memory);
  expect(columns).not.toBeNull();
  expect(facetColumnsFor(memory)).toBe(columns);
  return columns!;
}

/** A small deterministic generator, so a failure names a case that can be run again. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

describe('facets counted from the columns kept in memory', () => {
  it('equal the statement’s for words, phrases, prefixes, exclusions and OR, with random filters, exact and estimated', async () => {
    await keptColumns();
    const statementsBefore = facetStatements;
    const { speakers, topics } = corpus.plan;
    const next = random(42);
    const pick = <T>(values: readonly T[]) => values[Math.floor(next() * values.length)];
    // Documents to search within: drafts among them, whose passages the index has but no search shows.
    const documents = await db.$queryRaw<{ slug: string; status: string }[]>`SELECT slug, status FROM Document ORDER BY id LIMIT 60`;
    expect(documents.some((d) => d.status !== 'published')).toBe(true);
    const queries = ['the', 'was*', '"of the"', 'people', 'her*', 'korea', 'family -the', 'border OR river', 'said', 'a', 'mother', '"north korea"'];
    let estimated = 0;
    let withFacets = 0;
    let cases = 0;
    for (const q of queries) {
      for (let round = 0; round < 6; round++) {
        const request: SearchRequest = { q, page: 1, pageSize: 10, mode: 'lexical' };
        if (round > 0) {
          if (next() < 0.5) request.speaker = pick(speakers).slug;
          if (next() < 0.4) request.topic = pick(topics).slug;
          if (next() < 0.3) request.kind = pick(['question', 'answer', 'paragraph'] as const);
          if (next() < 0.3) request.from = String(2000 + Math.floor(next() * 20));
          if (next() < 0.3) request.to = `${2005 + Math.floor(next() * 20)}-06`;
          if (next() < 0.05) request.speaker = 'nobody-by-this-name';
          if (next() < 0.2) request.document = pick(documents).slug;
        }
        const fromMemory = await searchPassages(memory, request);
        const fromStatement = await searchPassages(byStatement(), request);
        const label = JSON.stringify(request);
        expect(fromMemory.total, label).toBe(fromStatement.total);
        expect(fromMemory.facets, label).toEqual(fromStatement.facets);
        expect(fromMemory.approximate, label).toBe(fromStatement.approximate);
        expect(
          fromMemory.hits.map((hit) => hit.passageId),
          label,
        ).toEqual(fromStatement.hits.map((hit) => hit.passageId));
        if (fromMemory.approximate) estimated++;
        if (fromMemory.facets.topics.length > 0 && fromMemory.facets.speakers.length > 0) withFacets++;
        cases++;
      }
    }
    expect(cases).toBe(queries.length * 6);
    // Every count on the reader came from the columns: not one facet statement ran for it.
    expect(facetStatements).toBe(statementsBefore);
    // The cases reach both ways of counting, and facets with values in them.
    expect(estimated).toBeGreaterThan(10);
    expect(cases - estimated).toBeGreaterThan(10);
    expect(withFacets).toBeGreaterThan(cases / 2);
  });

  it('count the ids a probe read (every match, drafts too) only under the columns they were read with, else the rows', async () => {
    const columns = await keptColumns();
    const request: SearchRequest = { q: 'korea', page: 1, pageSize: 10, mode: 'lexical' };
    // Every match the index holds, as the probe reads them: the passages of drafts among them.
    const matches = await db.$queryRaw<{ id: number | bigint; shown: number | bigint }[]>`
      SELECT f.rowid AS id, ${isPublicDocument} AS shown FROM passage_fts f JOIN Passage p ON p.id = f.rowid JOIN Document d ON d.id = p.documentId
      WHERE passage_fts MATCH 'korea' ORDER BY f.rowid`;
    const everyMatch = matches.map((row) => Number(row.id));
    const published = matches.filter((row) => Number(row.shown) === 1).map((row) => Number(row.id));
    expect(published.length).toBeGreaterThan(100);
    expect(published.length).toBeLessThan(everyMatch.length);
    const fewer = passagesByIds(published.slice(0, 40));
    // Under the same columns, the ids given are counted (not the rows), the drafts' left out.
    expect(await countRows(memory, fewer, request, { ids: everyMatch, stamp: columns.stamp })).toEqual(
      await countRowsInDatabase(db, passagesByIds(published), request),
    );
    // Read under other columns (the archive changed since), they are not: the rows are counted.
    expect(await countRows(memory, fewer, request, { ids: everyMatch, stamp: columns.stamp - 1 })).toEqual(await countRowsInDatabase(db, fewer, request));
  });

  it('count a filtered search’s matches on the columns, as the statement counts them, up to the cap and past it', async () => {
    await keptColumns();
    const { speakers, topics } = corpus.plan;
    const requests: SearchRequest[] = [
      { q: '"of the"', page: 1, pageSize: 10, mode: 'lexical', kind: 'question' },
      { q: 'the', page: 1, pageSize: 10, mode: 'lexical', kind: 'answer', from: '2005', to: '2012-06' },
      { q: 'was*', page: 1, pageSize: 10, mode: 'lexical', topic: topics[1].slug },
      { q: 'people', page: 1, pageSize: 10, mode: 'lexical', topic: topics[2].slug, kind: 'paragraph' },
      { q: 'korea', page: 1, pageSize: 10, mode: 'lexical', to: '2003' },
      { q: 'the', page: 1, pageSize: 10, mode: 'lexical', from: '2003-01', to: '2003-03' },
      { q: '"of the"', page: 1, pageSize: 10, mode: 'lexical', from: '2012-06', to: '2012-12' },
      { q: 'the', page: 1, pageSize: 10, mode: 'lexical', speaker: speakers[0].slug, from: '2015' },
      { q: 'mother', page: 1, pageSize: 10, mode: 'lexical', topic: 'no-such-topic' },
    ];
    // Sampled searches whose filtered total the probe counted in full (at most the cap), and past it.
    let filteredInFull = 0;
    let filteredPast = 0;
    for (const request of requests) {
      const probesBefore = probeStatements;
      const fromMemory = await searchPassages(memory, request);
      const label = JSON.stringify(request);
      expect(fromMemory, label).toEqual(await searchPassages(byStatement(), request));
      if (fromMemory.approximate && fromMemory.total <= 1_000) filteredInFull++;
      if (fromMemory.approximate && fromMemory.total > 1_000) filteredPast++;
      // No probe read the matches' rows (a speaker with few passages would be read by the statement: none here is).
      expect(probeStatements - probesBefore, label).toBe(0);
    }
    expect(filteredInFull).toBeGreaterThanOrEqual(2);
    expect(filteredPast).toBeGreaterThanOrEqual(1);
  });

  it('equal the statement’s for passages given by id (found by meaning), across the archive', async () => {
    await keptColumns();
    const statementsBefore = facetStatements;
    const next = random(7);
    for (const size of [1, 50, 600, 3_000]) {
      const ids = [...new Set(Array.from({ length: size }, () => 1 + Math.floor(next() * 20_000)))];
      for (const request of [
        { q: 'x', page: 1, pageSize: 10 },
        { q: 'x', page: 1, pageSize: 10, kind: 'answer', from: '2010' },
        { q: 'x', page: 1, pageSize: 10, topic: corpus.plan.topics[0].slug, speaker: corpus.plan.speakers[3].slug },
      ] satisfies SearchRequest[]) {
        const fromMemory = await countRows(memory, passagesByIds(ids), request);
        expect(fromMemory, `${size} ids, ${JSON.stringify(request)}`).toEqual(await countRowsInDatabase(db, passagesByIds(ids), request));
      }
    }
    expect(facetStatements).toBe(statementsBefore);
  });

  it('keep, for a filtered probe and the ranking lists’ look-ups, the passages given by id that the filters’ statement keeps', async () => {
    const columns = await keptColumns();
    const { speakers, topics } = corpus.plan;
    const next = random(9);
    let kept = 0;
    for (const size of [1_000, 12_000]) {
      const ids = [...new Set(Array.from({ length: size }, () => 1 + Math.floor(next() * 20_000)))];
      const [{ slug: someDocument }] = await db.$queryRaw<{ slug: string }[]>`
        SELECT d.slug AS slug FROM Passage p JOIN Document d ON d.id = p.documentId WHERE p.id IN (${idList(ids)}) AND ${isPublicDocument} LIMIT 1`;
      for (const request of [
        { q: 'x', page: 1, pageSize: 10, speaker: speakers[1].slug },
        { q: 'x', page: 1, pageSize: 10, topic: topics[2].slug, kind: 'question' },
        { q: 'x', page: 1, pageSize: 10, speaker: speakers[4].slug, from: '2008', to: '2016-06' },
        { q: 'x', page: 1, pageSize: 10, topic: 'no-such-topic' },
        // Each filter alone, and all at once: the ranking lists' walk (top-k/candidates.ts shownAmong)
        // keeps only what these keep.
        { q: 'x', page: 1, pageSize: 10, kind: 'paragraph' },
        { q: 'x', page: 1, pageSize: 10, topic: topics[0].slug },
        { q: 'x', page: 1, pageSize: 10, from: '2000', to: '2012' },
        { q: 'x', page: 1, pageSize: 10, from: '2015-03' },
        { q: 'x', page: 1, pageSize: 10, to: '1999-12-31' },
        { q: 'x', page: 1, pageSize: 10, speaker: speakers[2].slug, topic: topics[1].slug, kind: 'answer', from: '1995', to: '2020' },
        { q: 'x', page: 1, pageSize: 10, speaker: 'no-such-speaker' },
        { q: 'x', page: 1, pageSize: 10, document: someDocument },
        { q: 'x', page: 1, pageSize: 10, document: someDocument, kind: 'answer' },
      ] satisfies SearchRequest[]) {
        const rows = await db.$queryRaw<
          { id: number | bigint }[]
        >`SELECT x.id AS id FROM (${passagesByIds(ids, shownIn(request))}) x WHERE ${filterSql(request)}`;
        const byStatement = new Set(rows.map((row) => Number(row.id)));
        const label = `${size} ids, ${JSON.stringify(request)}`;
        expect(firstShown(columns, ids, request, ids.length, true), label).toEqual(ids.filter((id) => byStatement.has(id)));
        kept += byStatement.size;
        // The ranking's look-up answers from the columns alone, each passage with its document's date
        // (what the ranked order breaks ties by) as the passages' rows give it; without the columns
        // (a connection with no change stamp keeps none), the statement gives the same.
        const dates = await db.$queryRaw<{ id: number | bigint; publishedOn: string }[]>`
          SELECT p.id AS id, d.publishedOn AS publishedOn FROM Passage p JOIN Document d ON d.id = p.documentId WHERE p.id IN (${idList([...byStatement])})`;
        const expected = new Map(dates.map((row) => [Number(row.id), { id: Number(row.id), publishedOn: row.publishedOn }]));
        const statementsBefore = lookups;
        const looked = await shownAmong(memory, ids, request);
        expect(lookups, label).toBe(statementsBefore);
        expect(looked, label).toEqual(ids.filter((id) => byStatement.has(id)).map((id) => expected.get(id)));
        const unstamped: QueryDb = { $queryRaw: memory.$queryRaw, indexStems: memory.indexStems };
        const byLookUp = await shownAmong(unstamped, ids, request);
        expect(lookups, label).toBe(statementsBefore + 1);
        expect(
          [...byLookUp].sort((x, y) => x.id - y.id),
          label,
        ).toEqual([...looked].sort((x, y) => x.id - y.id));
      }
    }
    expect(kept).toBeGreaterThan(20);
  });

  it('are read from the second search after a change, not used once the archive changes, and read again after', async () => {
    const columns = await keptColumns();
    const speaker = corpus.plan.speakers[0];
    const request: SearchRequest = { q: 'the', page: 1, pageSize: 10, mode: 'lexical', speaker: speaker.slug };
    const before = await searchPassages(memory, request);

    // Another connection moves one of the speaker's passages that match to another speaker.
    const writer = new Database(file);
    const moved = writer
      .prepare(`SELECT p.id FROM passage_fts f JOIN Passage p ON p.id = f.rowid WHERE passage_fts MATCH 'the' AND p.speakerId = ? LIMIT 1`)
      .pluck()
      .get(speaker.id) as number;
    const other = corpus.plan.speakers.find((s) => s.id !== speaker.id)!;
    writer.prepare('UPDATE Passage SET speakerId = ? WHERE id = ?').run(other.id, moved);
    writer.close();

    // The kept columns are not used: the first search after the change counts by the statement, and so
    // does the second while the columns are read again.
    expect(facetColumnsFor(memory)).toBeNull();
    const after = await searchPassages(memory, request);
    expect(after).toEqual(await searchPassages(byStatement(), request));
    // The speaker's matches are few enough to be counted exactly.
    expect(after.total).toBe(before.total - 1);
    const again = await keptColumns();
    expect(again).not.toBe(columns);
    expect(again.speakerOf[moved]).toBe(other.id);
    expect(await searchPassages(memory, request)).toEqual(await searchPassages(byStatement(), request));
  });

  it('leave out a document deleted since, and its passages come back with it', async () => {
    await keptColumns();
    const request: SearchRequest = { q: 'the', page: 1, pageSize: 10, mode: 'lexical' };
    const [{ id, slug }] = await db.$queryRaw<{ id: number; slug: string }[]>`
      SELECT id, slug FROM Document WHERE status = 'published' AND deletedAt IS NULL ORDER BY id LIMIT 1`;
    const within: SearchRequest = { ...request, document: slug };
    expect((await searchPassages(memory, within)).total).toBeGreaterThan(0);
    const writer = new Database(file);
    writer.prepare('UPDATE Document SET deletedAt = ? WHERE id = ?').run('2026-12-01T00:00:00.000Z', id);
    for (let search = 0; search < 3; search++) {
      expect(await searchPassages(memory, within)).toEqual(await searchPassages(byStatement(), within));
      expect((await searchPassages(memory, within)).total).toBe(0);
      expect(await searchPassages(memory, request)).toEqual(await searchPassages(byStatement(), request));
    }
    await keptColumns();
    expect(await searchPassages(memory, request)).toEqual(await searchPassages(byStatement(), request));
    writer.prepare('UPDATE Document SET deletedAt = NULL WHERE id = ?').run(id);
    writer.close();
    await keptColumns();
    expect((await searchPassages(memory, within)).total).toBeGreaterThan(0);
    expect(await searchPassages(memory, within)).toEqual(await searchPassages(byStatement(), within));
  });

  it('count only the asked document’s passages when its span of ids holds other documents’', async () => {
    // A passage added to the first document later takes the next id: the document's span of ids now
    // holds every other document's passages, which the index's reading of that span meets.
    const [first] = await db.$queryRaw<{ id: number; slug: string }[]>`SELECT id, slug FROM Document WHERE status = 'published' ORDER BY id LIMIT 1`;
    const writer = new Database(file);
    writer
      .prepare(
        `INSERT INTO Passage (documentId, position, anchor, kind, speakerId, text, createdAt, updatedAt)
         VALUES (?, 100000, 100000, 'paragraph', NULL, 'And the river was wide that spring.', '2026-12-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z')`,
      )
      .run(first.id);
    writer.close();
    const within: SearchRequest = { q: 'the', page: 1, pageSize: 10, mode: 'lexical', document: first.slug };
    await searchPassages(memory, within);
    await keptColumns();
    const fromMemory = await searchPassages(memory, within);
    expect(fromMemory).toEqual(await searchPassages(byStatement(), within));
    expect(fromMemory.hits.every((hit) => hit.documentSlug === first.slug)).toBe(true);
    const inDocument = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*) AS n FROM passage_fts f JOIN Passage p ON p.id = f.rowid WHERE passage_fts MATCH 'the' AND p.documentId = ${first.id}`;
    expect(fromMemory.total).toBe(Number(inDocument[0].n));
  });

  it('are read while searches keep the thread busy, a slice a search, without an idle turn of the event loop', async () => {
    // A search thread under load turns its event loop only every thousand searches or so: the read
    // must go on between searches, not wait for the loop. Searches one after another whose statements
    // answer at once (better-sqlite3 is synchronous) never give the loop a turn either.
    const writer = new Database(file);
    writer.prepare("UPDATE Topic SET name = name || '' WHERE id = 1").run();
    writer.close();
    const request: SearchRequest = { q: 'the', page: 1, pageSize: 10, mode: 'lexical' };
    let searches = 0;
    let idleTurn = false;
    setImmediate(() => (idleTurn = true));
    while (keptFacetColumns(memory) === null && searches < 500 && !idleTurn) {
      await searchPassages(memory, request);
      searches++;
    }
    expect(idleTurn).toBe(false);
    expect(keptFacetColumns(memory)).not.toBeNull();
    // 20,000 passages and their topic links in slices of 5,000 rows: a few dozen searches.
    expect(searches).toBeGreaterThan(5);
    expect(searches).toBeLessThan(100);
  });

  it('are read at once when asked to start (a search thread before its first search)', async () => {
    const fresh = openReader(file);
    try {
      expect(keptFacetColumns(fresh)).toBeNull();
      const columns = await startReadingFacetColumns(fresh);
      expect(columns).not.toBeNull();
      expect(keptFacetColumns(fresh)).toBe(columns);
      const request: SearchRequest = { q: 'the', page: 1, pageSize: 10, mode: 'lexical', kind: 'answer' };
      expect(await searchPassages(fresh, request)).toEqual(await searchPassages(byStatement(), request));
    } finally {
      fresh.close();
    }
  });

  it('list the same thirty speakers and topics when many share a name and a count', async () => {
    const writer = new Database(file);
    writer.prepare("UPDATE Speaker SET name = 'Kim Lee' WHERE id % 3 = 0").run();
    writer.prepare("UPDATE Topic SET name = 'Borders' WHERE id % 2 = 0").run();
    writer.close();
    await keptColumns();
    for (const request of [
      { q: 'the', page: 1, pageSize: 10, mode: 'lexical' },
      { q: 'river', page: 1, pageSize: 10, mode: 'lexical', kind: 'answer' },
      { q: 'famil*', page: 1, pageSize: 10, mode: 'lexical' },
    ] satisfies SearchRequest[]) {
      const fromMemory = await searchPassages(memory, request);
      expect(fromMemory.facets.speakers.filter((s) => s.name === 'Kim Lee').length).toBeGreaterThan(3);
      expect(fromMemory, JSON.stringify(request)).toEqual(await searchPassages(byStatement(), request));
    }
  });

  it('end quietly when their connection closes while they are read', async () => {
    const fresh = openReader(file);
    const errors = vi.spyOn(console, 'error');
    try {
      const reading = startReadingFacetColumns(fresh);
      fresh.close();
      expect(await reading).toBeNull();
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('are not kept where the connection has no change stamp', async () => {
    const stampless = byStatement();
    facetColumnsFor(stampless);
    expect(facetColumnsFor(stampless)).toBeNull();
    expect(readingFacetColumns(stampless)).toBeNull();
  });
});
