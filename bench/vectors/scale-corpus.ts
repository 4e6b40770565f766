// Part 2's archive: n passages in documents of 32 (10% drafts), each with floor(r) or ceil(r) chunks
// of random vectors quantized as the app stores them, in a fresh migrated file; with the time each
// load took and what the vectors cost on disk.
import { rmSync, statSync } from 'node:fs';
import { migrateDatabase, openDatabase } from '@/lib/db';
import { EMBEDDING_MODEL } from '@/lib/search/vectors/model';
import { quantize } from '@/lib/search/vectors/quantize';
import { log, ms } from './measure';
import { randomUnit } from './random-vectors';

/** The updatedAt of every row the benchmark writes. */
export const TS = '2026-01-01T00:00:00.000+00:00';

/** Loads the archive into file; rand is the run's stream (the queries and the refresh draw from it next). */
export function loadScaleCorpus(file: string, n: number, chunksPerPassage: number, rand: () => number) {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  migrateDatabase(file);
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  // Bench-only: no full-text index (its triggers dominate a load and the vector step never reads it).
  for (const t of ['passage_search_after_insert', 'passage_search_after_update', 'passage_search_after_delete']) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
  const PER_DOC = 32;
  const insertSpeaker = db.prepare('INSERT INTO Speaker (id, slug, name, updatedAt) VALUES (?, ?, ?, ?)');
  const insertDoc = db.prepare(
    `INSERT INTO Document (id, slug, kind, title, publishedOn, publishedUntil, datePrecision, status, updatedAt) VALUES (?, ?, 'essay', ?, ?, ?, 'day', ?, ?)`,
  );
  const insertPassage = db.prepare(
    `INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, ?, ?, ?, ?, ?, 'x', ?)`,
  );
  const insertVector = db.prepare('INSERT INTO PassageEmbedding (passageId, chunk, model, bits, vector) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let s = 1; s <= 200; s++) insertSpeaker.run(s, `s-${s}`, `Speaker ${s}`, TS);
  })();
  let t0 = performance.now();
  const passagesLoad = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const doc = Math.floor((id - 1) / PER_DOC) + 1;
      if ((id - 1) % PER_DOC === 0) {
        const year = 1990 + (doc % 36);
        insertDoc.run(doc, `d-${doc}`, `Document ${doc}`, `${year}-01-01`, `${year}-12-31`, doc % 10 === 0 ? 'draft' : 'published', TS);
      }
      insertPassage.run(id, doc, ((id - 1) % PER_DOC) + 1, ((id - 1) % PER_DOC) + 1, ['question', 'answer', 'paragraph'][id % 3], (id % 200) + 1, TS);
    }
  });
  for (let id = 1; id <= n; id += 10_000) passagesLoad(id, Math.min(n + 1, id + 10_000));
  const passagesSeconds = ms(t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const before = statSync(file).size;

  // Chunks: a passage gets floor(r) or ceil(r) chunks so the mean matches the sample's.
  t0 = performance.now();
  let rows = 0;
  const vectorsLoad = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const count = Math.floor(chunksPerPassage) + (rand() < chunksPerPassage % 1 ? 1 : 0);
      for (let c = 0; c < count; c++) {
        const { bits, vector } = quantize(randomUnit(rand));
        insertVector.run(id, c, EMBEDDING_MODEL, Buffer.from(bits.buffer), Buffer.from(vector.buffer));
        rows++;
      }
    }
  });
  for (let id = 1; id <= n; id += 10_000) {
    vectorsLoad(id, Math.min(n + 1, id + 10_000));
    if ((id - 1) % 100_000 === 0) log(`  ${n}: vectors for ${id - 1} passages`);
  }
  const insertSeconds = ms(t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const after = statSync(file).size;
  let parts: Record<string, number> = {};
  try {
    parts = Object.fromEntries(
      (
        db
          .prepare(
            `SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'PassageEmbedding%' OR name LIKE 'sqlite_autoindex_PassageEmbedding%' GROUP BY name`,
          )
          .all() as { name: string; bytes: number }[]
      ).map((r) => [r.name, r.bytes]),
    );
  } catch {
    // dbstat is not compiled in everywhere: the file sizes above still hold.
  }
  db.close();
  return { rows, passagesSeconds, insertSeconds, before, after, parts };
}
