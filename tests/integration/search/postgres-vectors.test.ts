// Meaning-based search on PostgreSQL (lib/db/postgres/vectors.ts: bit_count pre-selection over the
// signs read as bit strings, JS cosine rescoring) against SQLite's (in-memory sign index, the same
// cosine) on the same seeded archive: the seeded SQLite file copied onto a real PostgreSQL server by
// archive:migrate's copy. Same passages, same order, same float32 distances, same count considered,
// whether the pre-selection keeps every chunk or only a few (ties then broken by passage and chunk on
// both), filtered after or first; the SQL reference agrees with the fast path; an edited passage
// loses its old meaning at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeVectorReaders, sql, vectorReaderFor, type NearestOptions, type NearestRow, type QueryDb } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { openPostgresReader, type PostgresReader } from '@/lib/db/postgres/reader';
import { postgresVectors } from '@/lib/db/postgres/vectors';
import { sqliteVectors } from '@/lib/db/sqlite/vectors';
import type { ChunkVector } from '@/lib/db/vectors';
import { filterSql } from '@/lib/search/filters';
import { isPublicDocument } from '@/lib/search/public-documents';
import type { SearchRequest } from '@/lib/search/types';
import { EMBEDDING_MODEL, embedTexts } from '@/lib/search/vectors/model';
import { quantize } from '@/lib/search/vectors/quantize';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const postgresServer = throwawayPostgres('vectors');
let pg: PostgresReader;
let lite: QueryDb;

beforeAll(async () => {
  pg = openPostgresReader(await postgresServer.seededDatabase());
  lite = (await vectorReaderFor(prisma))!;
  expect(lite).not.toBeNull();
}, 120_000);

afterAll(async () => {
  closeVectorReaders();
  await pg?.pool.end();
  await prisma.$disconnect();
});

const QUERIES = ['foreign movies', 'police raids', 'black market', 'leader worship', 'how can I help North Koreans', 'sanctions on the regime'];

async function queryVector(text: string): Promise<ChunkVector> {
  const [vector] = await embedTexts([text]);
  return quantize(vector);
}

/** nearest.ts's options, with the request's filters; `preselect` small enough to make the pre-selection choose. */
const optionsFor = (request: Partial<SearchRequest>, over: Partial<NearestOptions> = {}): NearestOptions => ({
  preselect: 400,
  preselectShare: 1 / 4,
  preselectMax: 4000,
  limit: 10,
  passageWhere: sql`${isPublicDocument}`,
  where: filterSql({ q: '', page: 1, pageSize: 10, ...request }),
  filterFirst: false,
  ...over,
});

/** A NearestRow in plain numbers (SQLite's driver and pg give ids and counts as bigint or number). */
interface Row {
  id: number;
  distance: number;
  considered: number;
}

const both = async (query: ChunkVector, options: NearestOptions): Promise<[Row[], Row[]]> => {
  const normal = (rows: NearestRow[]): Row[] => rows.map((r) => ({ id: Number(r.id), distance: r.distance, considered: Number(r.considered) }));
  return [
    normal(await sqliteVectors.nearestIndexed(lite, query, EMBEDDING_MODEL, options)),
    normal(await postgresVectors.nearestIndexed(pg, query, EMBEDDING_MODEL, options)),
  ];
};

describe('PostgreSQL finds the passages SQLite finds by meaning', () => {
  it('the copy holds every chunk, and the reader says it has vectors', async () => {
    const count = async (db: QueryDb) => Number((await db.$queryRaw<{ n: number }[]>`SELECT count(*) AS n FROM PassageEmbedding`)[0].n);
    expect(await count(pg)).toBe(await count(lite));
    expect(await count(pg)).toBeGreaterThan(30);
    expect(pg.hasVectors).toBe(true);
  });

  it.each(QUERIES)('“%s”: the same passages in the same order at the same float32 distances', async (text) => {
    const query = await queryVector(text);
    const [onSqlite, onPostgres] = await both(query, optionsFor({}));
    expect(onSqlite.length).toBe(10);
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres.every((r) => Math.fround(r.distance) === r.distance)).toBe(true);
  });

  it.each(QUERIES)('“%s”: a pre-selection of 12 chunks keeps the same ones (ties by passage and chunk)', async (text) => {
    const query = await queryVector(text);
    const options = optionsFor({}, { preselect: 12, preselectShare: 0, limit: 12 });
    const [onSqlite, onPostgres] = await both(query, options);
    expect(onPostgres).toEqual(onSqlite);
    expect(onPostgres[0]?.considered).toBe(12);
  });

  it.each([
    ['a kind', { kind: 'question' as const }],
    ['a period', { from: '2017', to: '2019' }],
  ])('%s: filtered after or first, the same passages, every one passing the filter', async (_, request) => {
    const query = await queryVector('life under the regime');
    for (const filterFirst of [false, true]) {
      const options = optionsFor(request, { preselect: 30, preselectShare: 0, filterFirst });
      const [onSqlite, onPostgres] = await both(query, options);
      expect(onPostgres).toEqual(onSqlite);
      const passing = await pg.$queryRaw<{ id: number }[]>`SELECT x.id AS id FROM (
        SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil
        FROM Passage p CROSS JOIN Document d WHERE d.id = p.documentId AND ${isPublicDocument}) x WHERE ${options.where}`;
      const ids = new Set(passing.map((r) => Number(r.id)));
      expect(onPostgres.every((r) => ids.has(r.id))).toBe(true);
      if (filterFirst) expect(onPostgres.length).toBeGreaterThan(0);
    }
  });

  it('filtering first finds passages an unfiltered pre-selection held none of', async () => {
    const query = await queryVector('foreign movies');
    const options = optionsFor({ kind: 'question' }, { preselect: 5, preselectShare: 0 });
    const [, after] = await both(query, options);
    const [, first] = await both(query, { ...options, filterFirst: true });
    expect(first.length).toBeGreaterThan(after.length);
    expect(first.every((r) => r.considered <= 5)).toBe(true);
  });

  it('the SQL reference (`nearest`, cosine in SQL) gives the rows of the fast path', async () => {
    for (const text of QUERIES.slice(0, 3)) {
      const query = await queryVector(text);
      for (const filterFirst of [false, true]) {
        const options = optionsFor({ kind: 'paragraph' }, { preselect: 40, preselectShare: 0, filterFirst });
        const slow = await pg.$queryRaw<NearestRow[]>(postgresVectors.nearest(query, EMBEDDING_MODEL, options));
        const [, fast] = await both(query, options);
        expect(slow.map((r) => ({ id: Number(r.id), distance: r.distance, considered: Number(r.considered) }))).toEqual(fast);
      }
    }
  });

  it('a passage whose text is edited loses its old meaning at once (its vectors go by trigger)', async () => {
    const query = await queryVector('black market');
    const options = optionsFor({});
    const [best] = await postgresVectors.nearestIndexed(pg, query, EMBEDDING_MODEL, options);
    await pg.pool.query(`UPDATE "Passage" SET text = 'We talked about the weather in spring.' WHERE id = $1`, [Number(best.id)]);
    const after = await postgresVectors.nearestIndexed(pg, query, EMBEDDING_MODEL, { ...options, limit: 1000 });
    expect(after.map((r) => Number(r.id))).not.toContain(Number(best.id));
    expect(after.length).toBeGreaterThan(0);
  });
});
