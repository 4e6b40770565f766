// Builds (or reuses) the benchmark database: a fresh file migrated with the project's own
// migrations, so the real FTS5 tables index every passage. Rows go in through better-sqlite3
// prepared statements in batched transactions: the app's write path (Prisma, one statement per row)
// would take hours for a million passages. By default the passage indexes are built once at the end
// (lib/db bulkLoadPassages: triggers off, FTS5 'rebuild', triggers back, one transaction), which an
// import of an archive may use too; `indexBy: 'triggers'` builds them row by row as every save does
// (tests/integration/search/bulk-load.test.ts shows both give the same index).
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { bulkLoadPassages, migrateDatabase, openDatabase, openWriter, readMigrations, type SqliteDb } from '@/lib/db';
import { createHash } from 'node:crypto';
import { addSynonymGroups } from '@/lib/editorial/synonyms';
import { SYSTEM_EDITOR } from '@/lib/editorial/system-editor';
import { ensureTermImpacts } from '@/lib/search/top-k/ensure';
import { emptyStats, generateCorpus, planCorpus, type CorpusDocument, type CorpusPlan, type CorpusStats } from './corpus';
import { generateCorpusOnWorker } from './corpus-on-worker';
import { SYNONYM_GROUPS } from './vocabulary';

export interface CorpusInfo {
  file: string;
  n: number;
  seed: number;
  /** Seconds to generate and write every row, the FTS5 indexing included. */
  loadSeconds: number;
  passagesPerSecond: number;
  fileBytes: number;
  reused: boolean;
  /** The generator's version and the migrations' checksums: a cached file is reused only when both match. */
  fingerprint: string;
  stats: CorpusStats;
  sqliteVersion: string;
  /** How each part of the database is sized (dbstat), in bytes. */
  sizes: Record<string, number>;
  /** Where loadSeconds went, in seconds (files cached before this field have none). */
  phases?: LoadPhases;
}

export interface LoadPhases {
  /** Generating the rows and inserting them (a bulk load's with the passage triggers off). */
  rows: number;
  /**
   * Of `rows`, about the time the inserts waited for the synthetic documents (the benchmark's stand-in
   * for reading an archive's files): generating them on the same thread as the inserts, or, with
   * `generatedOnWorker`, taking a worker's batches (copied across threads) and waiting for them. Not the
   * archive's own work. About: a garbage collection of either side's objects may land in the other's
   * time. Files cached before this field have none.
   */
  generatingText?: number;
  /** Whether the documents were generated on a worker thread (corpus-on-worker.ts) while the inserts ran. */
  generatedOnWorker?: boolean;
  /** Both passage FTS5 indexes built in one pass each (bulkLoadPassages). */
  searchIndexes: number;
  synonyms: number;
  rankingLists: number;
}

export interface LoadOptions {
  n: number;
  seed: number;
  cacheDir: string;
  rebuild?: boolean;
  /** Progress lines on stderr; off in tests. */
  progress?: boolean;
  /** How the passage indexes are built: once at the end ('bulk', the default) or row by row by the triggers. */
  indexBy?: 'bulk' | 'triggers';
  /** A bulk load's plain word index on a worker thread (true), on the load's own (false), or as bulkLoadPassages chooses (unset). */
  wordIndexOnWorker?: boolean;
  /** The synthetic text generated on a worker thread while this one inserts (default: from GENERATE_ON_WORKER_MIN_PASSAGES passages on). */
  generateOnWorker?: boolean;
}

const BATCH_PASSAGES = 5000;
/** From this many passages on, the corpus is generated on a worker thread (corpus-on-worker.ts): starting one costs ~0.3 s. */
export const GENERATE_ON_WORKER_MIN_PASSAGES = 20_000;
/**
 * Bump when the generator changes what it writes (2: files made with 8 KiB pages, lib/db openDatabase;
 * 3: one ranking list per frequent stem, not per frequent form; 4: lists for frequent phrases of two words;
 * 5: lists four times as long for the words in a fifth of the passages or more; 6: lists for the phrases
 * of two words each in half the passages, in 1% of them; 7: the stemmed index merged into one segment).
 */
const CORPUS_VERSION = 7;

function fingerprint(): string {
  const hash = createHash('sha256').update(String(CORPUS_VERSION));
  for (const m of readMigrations()) hash.update(`${m.name}:${m.checksum}`);
  return `v${CORPUS_VERSION}-${hash.digest('hex').slice(0, 16)}`;
}
const TIMESTAMP = '2026-01-01T00:00:00.000+00:00';

export function corpusFile(cacheDir: string, n: number, seed: number): string {
  return path.join(cacheDir, `corpus-${n}-${seed}.db`);
}

export async function loadCorpus(options: LoadOptions): Promise<{ info: CorpusInfo; plan: CorpusPlan }> {
  const file = corpusFile(options.cacheDir, options.n, options.seed);
  const manifest = `${file.slice(0, -3)}.json`;
  const plan = planCorpus(options.n, options.seed);
  const print = fingerprint();
  if (!options.rebuild && existsSync(file) && existsSync(manifest)) {
    const info = JSON.parse(readFileSync(manifest, 'utf8')) as CorpusInfo;
    if (info.fingerprint === print) return { info: { ...info, file, reused: true }, plan };
  }

  const building = `${file}.building`;
  for (const f of [file, building, `${building}-wal`, `${building}-shm`, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  migrateDatabase(building);
  const started = performance.now();
  const stats = emptyStats();
  const db = openDatabase(building);
  const mark = { rowsDone: 0, indexesDone: 0, synonymsDone: 0, generating: 0, onWorker: false };
  try {
    // Bulk-load settings only: durability is irrelevant for a file rebuilt from a seed.
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const insert = () => {
      mark.onWorker = options.generateOnWorker ?? options.n >= GENERATE_ON_WORKER_MIN_PASSAGES;
      const documents = mark.onWorker ? generateCorpusOnWorker(plan.n, plan.seed, stats, BATCH_PASSAGES) : generateCorpus(plan, stats);
      mark.generating = insertCorpus(db, plan, documents, stats, options.progress ?? false, started);
      mark.rowsDone = performance.now();
    };
    if ((options.indexBy ?? 'bulk') === 'bulk') bulkLoadPassages(db, insert, { wordIndexOnWorker: options.wordIndexOnWorker });
    else insert();
    mark.indexesDone = performance.now();
  } finally {
    db.close();
  }
  // The synonym groups go in through the project's own writer, as the seed does.
  const writer = openWriter(building);
  try {
    addSynonymGroups(SYSTEM_EDITOR, SYNONYM_GROUPS, { writer });
  } finally {
    writer.close();
  }
  mark.synonymsDone = performance.now();
  await ensureTermImpacts(building, { progress: options.progress ?? false });
  const done = performance.now();
  const loadSeconds = (done - started) / 1000;
  const phases: LoadPhases = {
    rows: (mark.rowsDone - started) / 1000,
    generatingText: mark.generating / 1000,
    generatedOnWorker: mark.onWorker,
    searchIndexes: (mark.indexesDone - mark.rowsDone) / 1000,
    synonyms: (mark.synonymsDone - mark.indexesDone) / 1000,
    rankingLists: (done - mark.synonymsDone) / 1000,
  };

  const finish = openDatabase(building);
  finish.pragma('wal_checkpoint(TRUNCATE)');
  const sqliteVersion = (finish.prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
  const sizes = tableSizes(finish);
  finish.close();
  rmSync(`${building}-wal`, { force: true });
  rmSync(`${building}-shm`, { force: true });
  renameSync(building, file);

  const info: CorpusInfo = {
    file,
    n: options.n,
    seed: options.seed,
    loadSeconds,
    passagesPerSecond: options.n / loadSeconds,
    fileBytes: statSync(file).size,
    reused: false,
    fingerprint: print,
    stats,
    sqliteVersion,
    sizes,
    phases,
  };
  writeFileSync(manifest, JSON.stringify(info, null, 2));
  return { info, plan };
}

/**
 * Inserts the generated corpus (`documents`, which keep `stats` up to date); returns the milliseconds
 * spent waiting for the generator: generating itself on this thread, or for a worker's batches.
 */
function insertCorpus(db: SqliteDb, plan: CorpusPlan, documents: Iterator<CorpusDocument>, stats: CorpusStats, progress: boolean, started: number): number {
  const insertSpeaker = db.prepare('INSERT INTO Speaker (id, slug, name, updatedAt) VALUES (?, ?, ?, ?)');
  const insertTopic = db.prepare('INSERT INTO Topic (id, slug, name, updatedAt) VALUES (?, ?, ?, ?)');
  const insertDocument = db.prepare(
    `INSERT INTO Document (id, slug, kind, title, publishedOn, publishedUntil, datePrecision, status, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertParticipant = db.prepare('INSERT INTO Participant (documentId, speakerId, role, position) VALUES (?, ?, ?, ?)');
  const insertPassage = db.prepare(
    `INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, questionId, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPassageTopic = db.prepare('INSERT INTO PassageTopic (passageId, topicId) VALUES (?, ?)');

  db.transaction(() => {
    for (const s of plan.speakers) insertSpeaker.run(s.id, s.slug, s.name, TIMESTAMP);
    for (const t of plan.topics) insertTopic.run(t.id, t.slug, t.name, TIMESTAMP);
  })();

  let batch: CorpusDocument[] = [];
  let batchPassages = 0;
  let lastReport = 0;
  const writeBatch = db.transaction((docs: typeof batch) => {
    for (const d of docs) {
      insertDocument.run(d.id, d.slug, d.kind, d.title, d.publishedOn, d.publishedUntil, d.datePrecision, d.status, TIMESTAMP);
      d.participants.forEach((p, i) => insertParticipant.run(d.id, p.speakerId, p.role, i));
      for (const p of d.passages) {
        insertPassage.run(p.id, d.id, p.position, p.position, p.kind, p.speakerId, p.text, p.questionId, TIMESTAMP, TIMESTAMP);
        for (const t of p.topicIds) insertPassageTopic.run(p.id, t);
      }
    }
  });
  const report = (final: boolean) => {
    const now = performance.now();
    if (!progress || (!final && now - lastReport < 1000)) return;
    lastReport = now;
    const seconds = (now - started) / 1000;
    const rate = stats.passages / seconds;
    const pct = (100 * stats.passages) / plan.n;
    const eta = rate > 0 ? (plan.n - stats.passages) / rate : 0;
    process.stderr.write(
      `\r  loading: ${stats.passages.toLocaleString('en')} / ${plan.n.toLocaleString('en')} passages (${pct.toFixed(1)}%), ${Math.round(rate).toLocaleString('en')} passages/s, ${seconds.toFixed(0)} s, ETA ${eta.toFixed(0)} s   ${final ? '\n' : ''}`,
    );
  };
  let generating = 0;
  try {
    for (;;) {
      const asked = performance.now();
      const next = documents.next();
      generating += performance.now() - asked;
      if (next.done) break;
      const doc = next.value;
      batch.push(doc);
      batchPassages += doc.passages.length;
      if (batchPassages >= BATCH_PASSAGES) {
        writeBatch(batch);
        batch = [];
        batchPassages = 0;
        report(false);
      }
    }
    if (batch.length > 0) writeBatch(batch);
  } finally {
    // A failed insert leaves the documents unfinished: a worker generating them stops.
    documents.return?.(undefined);
  }
  report(true);
  return generating;
}

/** Bytes per table and index from dbstat, grouped: the passage FTS index, the words index, the rest. */
export function tableSizes(db: SqliteDb): Record<string, number> {
  try {
    const rows = db.prepare('SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name').all() as { name: string; bytes: number }[];
    const sizes: Record<string, number> = {};
    for (const r of rows) sizes[r.name] = r.bytes;
    const sum = (test: (name: string) => boolean) => rows.filter((r) => test(r.name)).reduce((a, r) => a + r.bytes, 0);
    sizes['=passage_fts (all shadow tables)'] = sum((n) => n.startsWith('passage_fts_'));
    sizes['=passage_fts index only (data+idx)'] = sum((n) => n === 'passage_fts_data' || n === 'passage_fts_idx');
    sizes['=passage_words_fts (all shadow tables)'] = sum((n) => n.startsWith('passage_words_fts_'));
    sizes['=total'] = sum(() => true);
    return sizes;
  } catch {
    return {};
  }
}
