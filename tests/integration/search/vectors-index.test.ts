// The in-process pre-selection (lib/db/sqlite/vector-index.ts) gives the same nearest passages as the
// step it replaces, computed here from scratch in plain JS: every chunk ordered by the Hamming distance
// of its signs (ties by passage and chunk), the first min(4000, max(400, a quarter)) kept, rescored by
// the cosine of their int8 vectors, a passage by its best chunk, then the filters. On a real SQLite
// file with a corpus of synthetic vectors (random but deterministic, in clusters, as a sentence
// encoder's are), for many queries, the int8 vectors kept in memory or read from the table, with and without each filter, before and after a round of
// changes made by another connection (the index reloads what the change log names).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeVectorReaders,
  openDatabase,
  openReader,
  setVectorMemoryBudget,
  vectorIndexOf,
  vectors,
  type ChunkVector,
  type Reader,
  type SqliteDb,
} from '@/lib/db';
import { filterSql } from '@/lib/search/filters';
import { isPublicDocument } from '@/lib/search/public-documents';
import type { SearchRequest } from '@/lib/search/types';
import { MAX_PRESELECT, MIN_PRESELECT, PRESELECT_SHARE } from '@/lib/search/vectors/nearest';
import { quantize } from '@/lib/search/vectors/quantize';
import { empty, sql } from '@/lib/db';
import { copyTemplate } from '@/tests/support/per-file-database';

const MODEL = 'synthetic-512';
const LIMIT = 30;
const TS = '2026-01-01T00:00:00.000+00:00';

function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal, int: (n: number) => Math.floor(next() * n) };
}
const rand = prng(20261202);
const centers = Array.from({ length: 40 }, () => Float32Array.from({ length: 512 }, () => rand.normal()));
const near = (spread: number) => {
  const c = centers[rand.int(centers.length)];
  return Float32Array.from(c, (x) => x + spread * rand.normal());
};

interface Doc {
  id: number;
  slug: string;
  year: number;
  published: boolean;
  deleted: boolean;
}
interface PassageRow {
  id: number;
  doc: Doc;
  speaker: number;
  kind: string;
  topic: number | null;
}
const docs: Doc[] = [];
const passages = new Map<number, PassageRow>();
const chunks = new Map<string, { passageId: number; chunk: number; stored: ChunkVector }>();

let file: string;
let writer: SqliteDb;
let reader: Reader;

function putVectors(passageId: number, count: number) {
  writer.prepare('DELETE FROM PassageEmbedding WHERE passageId = ?').run(passageId);
  for (const key of [...chunks.keys()]) if (chunks.get(key)!.passageId === passageId) chunks.delete(key);
  for (let c = 0; c < count; c++) {
    const stored = quantize(near(0.9));
    writer
      .prepare('INSERT INTO PassageEmbedding (passageId, chunk, model, bits, vector) VALUES (?, ?, ?, ?, ?)')
      .run(passageId, c, MODEL, Buffer.from(stored.bits.buffer), Buffer.from(stored.vector.buffer));
    chunks.set(`${passageId}/${c}`, { passageId, chunk: c, stored });
  }
}

beforeAll(() => {
  file = copyTemplate('migratedTemplate');
  writer = openDatabase(file);
  writer.transaction(() => {
    for (let s = 1; s <= 12; s++) writer.prepare('INSERT INTO Speaker (id, slug, name, updatedAt) VALUES (?, ?, ?, ?)').run(s, `s-${s}`, `Speaker ${s}`, TS);
    for (let t = 1; t <= 5; t++) writer.prepare('INSERT INTO Topic (id, slug, name, updatedAt) VALUES (?, ?, ?, ?)').run(t, `t-${t}`, `Topic ${t}`, TS);
    let id = 1;
    for (let d = 1; d <= 48; d++) {
      const doc: Doc = { id: d, slug: `d-${d}`, year: 2000 + (d % 20), published: d % 8 !== 0, deleted: d % 15 === 0 };
      docs.push(doc);
      writer
        .prepare(
          `INSERT INTO Document (id, slug, kind, title, publishedOn, publishedUntil, datePrecision, status, deletedAt, updatedAt) VALUES (?, ?, 'interview', ?, ?, ?, 'year', ?, ?, ?)`,
        )
        .run(d, doc.slug, `Doc ${d}`, `${doc.year}-01-01`, `${doc.year}-12-31`, doc.published ? 'published' : 'draft', doc.deleted ? TS : null, TS);
      for (let p = 1; p <= 30; p++, id++) {
        const row: PassageRow = {
          id,
          doc,
          speaker: 1 + rand.int(12),
          kind: ['question', 'answer', 'paragraph'][rand.int(3)],
          topic: rand.next() < 0.3 ? 1 + rand.int(5) : null,
        };
        passages.set(id, row);
        writer
          .prepare(`INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(id, d, p, p, row.kind, row.speaker, `passage ${id}`, TS);
        if (row.topic) writer.prepare('INSERT INTO PassageTopic (passageId, topicId) VALUES (?, ?)').run(id, row.topic);
        putVectors(id, 1 + rand.int(3));
      }
    }
  })();
  reader = openReader(file);
});
afterAll(() => {
  reader.close();
  writer.close();
  closeVectorReaders();
});

// ---- the reference, in plain JS ----
const hamming = (a: Uint8Array, b: Uint8Array) => {
  let d = 0;
  for (let i = 0; i < a.length; i++) for (let x = a[i] ^ b[i]; x; x &= x - 1) d++;
  return d;
};
const cosineDistance = (a: Int8Array, b: Int8Array) => {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) [ab, aa, bb] = [ab + a[i] * b[i], aa + a[i] * a[i], bb + b[i] * b[i]];
  return 1 - ab / Math.sqrt(aa * bb);
};
type Filters = Partial<Pick<SearchRequest, 'speaker' | 'kind' | 'topic' | 'from' | 'to' | 'document'>>;
function passes(p: PassageRow, f: Filters): boolean {
  return (
    p.doc.published &&
    !p.doc.deleted &&
    (!f.document || p.doc.slug === f.document) &&
    (!f.speaker || `s-${p.speaker}` === f.speaker) &&
    (!f.kind || p.kind === f.kind) &&
    (!f.topic || `t-${p.topic}` === f.topic) &&
    (!f.from || p.doc.year >= Number(f.from)) &&
    (!f.to || p.doc.year <= Number(f.to))
  );
}
function reference(query: ChunkVector, f: Filters, filterFirst: boolean) {
  const all = [...chunks.values()];
  const keep = Math.min(MAX_PRESELECT, Math.max(MIN_PRESELECT, Math.trunc(all.length * PRESELECT_SHARE)));
  const pool = filterFirst ? all.filter((c) => passes(passages.get(c.passageId)!, f)) : all;
  const kept = pool
    .map((c) => ({ c, d: hamming(c.stored.bits, query.bits) }))
    .sort((a, b) => a.d - b.d || a.c.passageId - b.c.passageId || a.c.chunk - b.c.chunk)
    .slice(0, keep);
  const best = new Map<number, number>();
  for (const { c } of kept) best.set(c.passageId, Math.min(best.get(c.passageId) ?? Infinity, cosineDistance(c.stored.vector, query.vector)));
  return [...best]
    .filter(([id]) => passes(passages.get(id)!, f))
    .sort((a, b) => a[1] - b[1] || a[0] - b[0])
    .slice(0, LIMIT)
    .map(([id, distance]) => ({ id, distance }));
}

async function indexed(query: ChunkVector, f: Filters, filterFirst: boolean) {
  const rows = await vectors.nearestIndexed(reader, query, MODEL, {
    preselect: MIN_PRESELECT,
    preselectShare: PRESELECT_SHARE,
    preselectMax: MAX_PRESELECT,
    limit: LIMIT,
    passageWhere: sql`${isPublicDocument} ${f.document ? sql`AND d.slug = ${f.document}` : empty}`,
    where: filterSql({ q: '', page: 1, pageSize: 10, ...f }),
    filterFirst,
  });
  return rows.map((r) => ({ id: Number(r.id), distance: r.distance }));
}

const FILTERS: Filters[] = [
  {},
  { speaker: 's-3' },
  { kind: 'answer' },
  { topic: 't-2' },
  { from: '2010', to: '2014' },
  { document: 'd-5' },
  { speaker: 's-7', kind: 'question' },
  { document: 'd-8' },
];

/** Both ways of rescoring: the int8 vectors kept in the index's memory, and read from the table by rowid. */
async function compareAll(queries: number) {
  const inMemory = await compareQueries(queries);
  expect(vectorIndexOf(file, MODEL)!.stats.vectorsInMemory).toBe(true);
  setVectorMemoryBudget(0);
  try {
    const fromTable = await compareQueries(queries);
    expect(vectorIndexOf(file, MODEL)!.stats.vectorsInMemory).toBe(false);
    return inMemory + fromTable;
  } finally {
    setVectorMemoryBudget(128 * 2 ** 20);
  }
}

async function compareQueries(queries: number) {
  let compared = 0;
  for (let q = 0; q < queries; q++) {
    const query = quantize(near(1.0));
    for (const f of FILTERS) {
      for (const filterFirst of [false, true]) {
        const want = reference(query, f, filterFirst);
        const got = await indexed(query, f, filterFirst);
        expect(
          got.map((r) => r.id),
          `query ${q}, ${JSON.stringify(f)}, filterFirst ${filterFirst}`,
        ).toEqual(want.map((r) => r.id));
        got.forEach((r, i) => expect(r.distance).toBeCloseTo(want[i].distance, 5));
        compared += 1;
      }
    }
  }
  return compared;
}

describe('the in-process pre-selection against the exact step in plain JS', () => {
  it('the corpus is big enough that the pre-selection keeps only part of it', () => {
    expect(chunks.size).toBeGreaterThan(MIN_PRESELECT * 4);
  });

  it('gives the same passages, in the same order, for 25 queries with and without each filter, vectors in memory or read from the table', async () => {
    expect(await compareAll(25)).toBe(2 * 25 * FILTERS.length * 2);
  });

  it('still does after another connection adds, re-embeds and deletes passages and unpublishes a document', async () => {
    writer.transaction(() => {
      const ids = [...passages.keys()];
      for (let i = 0; i < 60; i++) putVectors(ids[rand.int(ids.length)], 1 + rand.int(3)); // re-embedded
      for (let i = 0; i < 20; i++) {
        const id = ids[rand.int(ids.length)];
        if (!passages.has(id)) continue;
        writer.prepare('DELETE FROM Passage WHERE id = ?').run(id); // its vectors go by the trigger
        passages.delete(id);
        for (const key of [...chunks.keys()]) if (chunks.get(key)!.passageId === id) chunks.delete(key);
      }
      const last = Math.max(...passages.keys());
      for (let i = 1; i <= 30; i++) {
        const row: PassageRow = { id: last + i, doc: docs[0], speaker: 3, kind: 'answer', topic: null };
        passages.set(row.id, row);
        writer
          .prepare(`INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, 1, ?, ?, 'answer', 3, 'new', ?)`)
          .run(row.id, 100 + i, 100 + i, TS);
        putVectors(row.id, 2);
      }
      writer.prepare(`UPDATE Document SET status = 'draft' WHERE id = 5`).run();
      docs[4].published = false;
    })();
    expect(await compareAll(10)).toBe(2 * 10 * FILTERS.length * 2);
  });
});
