// `npm run archive:migrate` (issue 13): the seeded SQLite archive, with a few rows that test the edges
// (a topic whose parent is newer than itself, a passage waiting for vectors, a timestamp stored as
// milliseconds and one without an offset, a true boolean), copied to a fresh database on a real
// PostgreSQL server. Both Prisma clients must then read the same archive, ids included; the
// bookkeeping tables must be SQLite's, not what triggers would have made of the copy; the full-text
// indexes, built once after the rows, must be what the full-text triggers make of the same rows, and
// stay in step with them afterwards; new rows get fresh ids; a non-empty target and a copy failing
// in its rows or in its indexing leave the target as it was, triggers on; the verification catches a
// tampered copy; and the command itself works as a child process.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  copySqliteToPostgres,
  createPrismaClient,
  databaseFilePath,
  defaultPostgresMigrationsDir,
  openDatabase,
  TargetNotEmptyError,
  verifyCopy,
} from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { copyTemplate } from '@/tests/support/per-file-database';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const SESSION_EXPIRES_MS = Date.UTC(2027, 0, 15, 8, 30, 0, 123);

const postgres = throwawayPostgres('migrate');
const clients: PrismaClient[] = [];

/** A new, empty database on the test server; its address. */
const freshDatabase = () => postgres.freshDatabase();

function client(url: string): PrismaClient {
  const prisma = createPrismaClient(url);
  clients.push(prisma);
  return prisma;
}

/** The test file's seeded SQLite copy with the edge cases added, by SQL as an older app might have left them. */
function sourceArchive(): string {
  const file = databaseFilePath(process.env.DATABASE_URL!);
  const db = openDatabase(file);
  try {
    const now = `'2026-12-01T10:00:00.000+00:00'`;
    db.prepare(`INSERT INTO Topic (slug, name, version, createdAt, updatedAt) VALUES ('exile', 'Exile', 1, ${now}, ${now})`).run();
    db.prepare(`INSERT INTO Topic (slug, name, version, createdAt, updatedAt) VALUES ('migration', 'Migration', 1, ${now}, ${now})`).run();
    db.prepare(`UPDATE Topic SET parentId = (SELECT id FROM Topic WHERE slug = 'migration') WHERE slug = 'exile'`).run();
    // The last passage loses its vectors: SQLite's trigger marks it pending and logs the change.
    db.prepare(`DELETE FROM PassageEmbedding WHERE passageId = (SELECT max(id) FROM Passage)`).run();
    db.prepare(`UPDATE User SET emailVerified = 1, createdAt = '2026-01-02 03:04:05'`).run();
    db.prepare(
      `INSERT INTO Session (id, expiresAt, token, createdAt, updatedAt, userId) VALUES ('s1', ?, 't1', ${now}, ${now}, (SELECT id FROM User LIMIT 1))`,
    ).run(SESSION_EXPIRES_MS);
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
  return file;
}

/** What the app reads, through a Prisma client: the same calls on both engines. */
async function readArchive(prisma: PrismaClient) {
  return {
    documents: await prisma.document.findMany({ orderBy: { id: 'asc' }, include: { participants: { orderBy: [{ speakerId: 'asc' }, { role: 'asc' }] } } }),
    passages: await prisma.passage.findMany({ orderBy: [{ documentId: 'asc' }, { position: 'asc' }], include: { topics: { orderBy: { topicId: 'asc' } } } }),
    speakers: await prisma.speaker.findMany({ orderBy: { id: 'asc' }, include: { aliases: { orderBy: { id: 'asc' } } } }),
    topics: await prisma.topic.findMany({ orderBy: { id: 'asc' } }),
    revisions: await prisma.revision.findMany({ orderBy: { id: 'asc' } }),
    embeddings: await prisma.passageEmbedding.findMany({ orderBy: [{ passageId: 'asc' }, { chunk: 'asc' }] }),
    pending: await prisma.passageEmbeddingPending.findMany({ orderBy: { passageId: 'asc' } }),
    changes: await prisma.passageEmbeddingChange.findMany({ orderBy: { seq: 'asc' } }),
    synonyms: await prisma.searchSynonym.findMany({ orderBy: { id: 'asc' } }),
    audit: await prisma.auditEvent.findMany({ orderBy: { id: 'asc' } }),
  };
}

/**
 * The seeded archive with what every part of the full-text indexes reads: a section with a synopsis
 * and keywords, a speaker's alias, a passage without a speaker whose text has accents, punctuation
 * and a compound, and `extra` applied last (SQL on the SQLite file).
 */
function fullTextSource(extra = ''): string {
  const file = copyTemplate('seededTemplate');
  const db = openDatabase(file);
  try {
    db.exec(`
      INSERT INTO DocumentSection (documentId, position, title, synopsis, keywords, startAnchor)
        VALUES ((SELECT min(id) FROM Document), 1000, 'Crossing the Tumen', 'Winter, 1998: the river froze.', '["river","border crossing"]', 1);
      INSERT INTO SpeakerAlias (speakerId, alias) VALUES ((SELECT min(id) FROM Speaker), 'Grandmother Kim');
      INSERT INTO Passage (documentId, position, anchor, kind, text, createdAt, updatedAt)
        VALUES ((SELECT min(id) FROM Document), 100000, 100000, 'paragraph',
                'Ümlautland''s sánctions in the U.S. — “covid-19” hit Kim Jong-un''s régime; the defectors'' stories.',
                '2026-12-01T10:00:00.000+00:00', '2026-12-01T10:00:00.000+00:00');
      ${extra}`);
  } finally {
    db.close();
  }
  return file;
}

/** Everything the full-text triggers keep, in a fixed order, tsvectors as text. */
async function fullTextContents(prisma: PrismaClient) {
  return {
    passages: await prisma.$queryRawUnsafe<{ id: number; document: string }[]>(`SELECT id, document::text AS document FROM passage_fts ORDER BY id`),
    words: await prisma.$queryRawUnsafe<{ term: string; doc: number }[]>(`SELECT term, doc FROM passage_words_fts ORDER BY term`),
    entities: await prisma.$queryRawUnsafe<{ entry: string; name: string; detail: string; document: string }[]>(
      `SELECT entry::text AS entry, name, detail, document::text AS document FROM entity_fts ORDER BY entry`,
    ),
  };
}

/** The same edits, through Prisma, on two copies: each touches one of the full-text triggers. */
async function editThroughTheApp(prisma: PrismaClient) {
  const first = await prisma.passage.findFirstOrThrow({ orderBy: { id: 'asc' } });
  await prisma.passage.update({ where: { id: first.id }, data: { text: 'Rewritten: the zither played at the wedding.' } });
  const last = await prisma.passage.findFirstOrThrow({ orderBy: { id: 'desc' } });
  await prisma.passage.delete({ where: { id: last.id } });
  const speaker = await prisma.speaker.findFirstOrThrow({ orderBy: { id: 'asc' } });
  await prisma.speaker.update({ where: { id: speaker.id }, data: { name: `${speaker.name} Renamed` } });
  await prisma.speakerAlias.create({ data: { speakerId: speaker.id, alias: 'Halmeoni' } });
  const document = await prisma.document.findFirstOrThrow({ orderBy: { id: 'desc' } });
  await prisma.document.update({ where: { id: document.id }, data: { title: 'Retitled after the copy' } });
}

/** The target's full-text triggers that are not enabled, and its full-text indexes that are missing. */
async function fullTextMachinery(prisma: PrismaClient) {
  const disabled = await prisma.$queryRawUnsafe<{ tgname: string }[]>(
    `SELECT tgname FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'
     AND tgname ~ '^(passage_fts_|entity_fts_|archive_fts_|passage_embedding_|term_impact_)' ORDER BY tgname`,
  );
  const indexes = await prisma.$queryRawUnsafe<{ indexname: string }[]>(
    `SELECT indexname FROM pg_indexes WHERE tablename IN ('passage_fts', 'passage_words_fts', 'entity_fts') ORDER BY indexname`,
  );
  return { disabled: disabled.map((row) => row.tgname), indexes: indexes.map((row) => row.indexname) };
}

function runCommand(args: string[]) {
  const result = spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/archive-migrate.ts', ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

let source: string;
let target: string;

beforeAll(async () => {
  source = sourceArchive();
  target = freshDatabase();
  // One row a statement: the topic pointing at a newer parent must wait for it across statements.
  await copySqliteToPostgres(source, target, { batchSize: 1 });
});

afterAll(async () => {
  await Promise.all(clients.map((prisma) => prisma.$disconnect()));
});

describe('archive:migrate from SQLite to PostgreSQL', () => {
  it('copies every table: counts and sampled passages agree', async () => {
    const result = await verifyCopy(source, target);
    expect(result.mismatches).toEqual([]);
    const passages = result.counts.find((count) => count.table === 'Passage')!;
    expect(passages.source).toBeGreaterThan(10);
    expect(result.sampledPassages).toBe(passages.source);
    for (const table of ['Document', 'Speaker', 'Topic', 'Revision', 'PassageEmbedding', 'PassageEmbeddingPending', 'Session', 'User']) {
      const count = result.counts.find((c) => c.table === table)!;
      expect(count.target, table).toBe(count.source);
      expect(count.target, table).toBeGreaterThan(0);
    }
    expect(result.counts.map((count) => count.table)).not.toContain('TermImpact');
  });

  it('reads the same archive through Prisma on both engines, ids included', async () => {
    const fromSqlite = await readArchive(client(`file:${source}`));
    const fromPostgres = await readArchive(client(target));
    expect(fromPostgres).toEqual(fromSqlite);
    // The bookkeeping is SQLite's: one passage waiting for vectors, not every passage of the copy.
    expect(fromPostgres.pending).toHaveLength(1);
    expect(fromPostgres.topics.find((topic) => topic.slug === 'exile')!.parentId).toBe(fromPostgres.topics.find((topic) => topic.slug === 'migration')!.id);
  });

  it('converts timestamps stored as milliseconds or without an offset, and booleans', async () => {
    const prisma = client(target);
    const session = await prisma.session.findUniqueOrThrow({ where: { id: 's1' } });
    expect(session.expiresAt.getTime()).toBe(SESSION_EXPIRES_MS);
    const user = await prisma.user.findFirstOrThrow();
    expect(user.emailVerified).toBe(true);
    expect(user.createdAt.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });

  it('gives new rows fresh ids, and the triggers work again after the copy', async () => {
    const prisma = client(target);
    const maxTopic = (await prisma.topic.aggregate({ _max: { id: true } }))._max.id!;
    const topic = await prisma.topic.create({ data: { slug: 'fresh-after-copy', name: 'Fresh' } });
    expect(topic.id).toBe(maxTopic + 1);
    const document = await prisma.document.findFirstOrThrow({ orderBy: { id: 'asc' } });
    const maxPassage = (await prisma.passage.aggregate({ _max: { id: true } }))._max.id!;
    const passage = await prisma.passage.create({
      data: { documentId: document.id, position: 10_000, anchor: 10_000, kind: 'paragraph', text: 'Written after the copy.' },
    });
    expect(passage.id).toBe(maxPassage + 1);
    expect(await prisma.passageEmbeddingPending.findUnique({ where: { passageId: passage.id } })).not.toBeNull();
    await prisma.passage.delete({ where: { id: passage.id } });
    await prisma.topic.delete({ where: { id: topic.id } });
  });

  it('refuses a target that holds archive rows and leaves it unchanged', async () => {
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(TargetNotEmptyError);
    expect((await verifyCopy(source, target)).mismatches).toEqual([]);

    // One row anywhere is enough: a copy of an empty archive, then one synonym written by hand.
    const other = freshDatabase();
    await copySqliteToPostgres(copyTemplate('migratedTemplate'), other);
    const prisma = client(other);
    await prisma.searchSynonym.create({ data: { term: 'lonely', group: 1 } });
    const refusal = await copySqliteToPostgres(source, other).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TargetNotEmptyError);
    expect((refusal as Error).message).toMatch(/Nothing was written/);
    expect(await prisma.passage.count()).toBe(0);
    expect(await prisma.searchSynonym.findMany()).toEqual([expect.objectContaining({ term: 'lonely', group: 1 })]);
  });

  it('leaves the target empty when the copy fails part way', async () => {
    // PostgreSQL's text cannot hold a NUL character, SQLite's can: the last passage fails after
    // every table before Passage went in.
    const broken = copyTemplate('seededTemplate');
    const db = openDatabase(broken);
    db.prepare(`UPDATE Passage SET text = 'cut' || char(0) || 'off' WHERE id = (SELECT max(id) FROM Passage)`).run();
    db.close();
    const url = freshDatabase();
    await expect(copySqliteToPostgres(broken, url)).rejects.toThrow(/Copying Passage failed/);
    const prisma = client(url);
    expect(await prisma.document.count()).toBe(0);
    expect(await prisma.speaker.count()).toBe(0);
    expect(await prisma.passage.count()).toBe(0);
    expect((await fullTextMachinery(prisma)).disabled).toEqual([]);
    // Nothing holds: the same database takes a good copy afterwards.
    await copySqliteToPostgres(source, url);
    expect((await verifyCopy(source, url)).mismatches).toEqual([]);
  });

  it('indexes for full-text search exactly as the triggers do row by row, and stays in step with them', async () => {
    const file = fullTextSource();
    const bulk = freshDatabase();
    const byTriggers = freshDatabase();
    await copySqliteToPostgres(file, bulk);
    // The reference: the migration's triggers, one passage a statement, as the app's saves fire them.
    await copySqliteToPostgres(file, byTriggers, { indexBy: 'triggers', batchSize: 1 });
    const [fromBulk, fromTriggers] = [client(bulk), client(byTriggers)];

    const indexed = await fullTextContents(fromBulk);
    expect(indexed.passages).toHaveLength(await fromBulk.passage.count());
    expect(indexed.words.some((word) => word.term === 'umlautland' && word.doc === 1)).toBe(true);
    expect(indexed.words.some((word) => word.doc > 1)).toBe(true);
    const kinds = new Set(indexed.entities.map(({ entry }) => (BigInt(entry) < 0n ? 'section' : ['speaker', 'document', 'topic'][Number(BigInt(entry) % 3n)])));
    expect([...kinds].sort()).toEqual(['document', 'section', 'speaker', 'topic']);
    expect(indexed.entities.some((entity) => entity.name.includes('Grandmother Kim'))).toBe(true);
    expect(indexed).toEqual(await fullTextContents(fromTriggers));

    // The triggers are on again after the bulk copy, and the counts they adjust were right.
    await editThroughTheApp(fromBulk);
    await editThroughTheApp(fromTriggers);
    const edited = await fullTextContents(fromBulk);
    expect(edited.words.some((word) => word.term === 'zither')).toBe(true);
    expect(edited.words.some((word) => word.term === 'umlautland')).toBe(false);
    expect(edited).toEqual(await fullTextContents(fromTriggers));
    expect(await fullTextMachinery(fromBulk)).toEqual(await fullTextMachinery(fromTriggers));
    // What the searches ask of the GIN index gives the same passages on both.
    const search = `SELECT id FROM passage_fts WHERE document @@ to_tsquery('archive_fts', 'zither | sanction | river') ORDER BY id`;
    expect(await fromBulk.$queryRawUnsafe(search)).toEqual(await fromTriggers.$queryRawUnsafe(search));
  });

  it('leaves the target empty, triggers on, when indexing the copy fails', async () => {
    // A passage too big for one tsvector (1 MB of words): every row goes in, then its indexing fails.
    const file = fullTextSource(`UPDATE Passage SET text = (
        WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 150000) SELECT group_concat('w' || i, ' ') FROM n)
      WHERE id = (SELECT min(id) FROM Passage);`);
    const url = freshDatabase();
    await expect(copySqliteToPostgres(file, url)).rejects.toThrow(/Indexing the copy for full-text search failed.*too long for tsvector/);
    const prisma = client(url);
    expect(await prisma.passage.count()).toBe(0);
    expect(await prisma.document.count()).toBe(0);
    expect(await fullTextContents(prisma)).toEqual({ passages: [], words: [], entities: [] });
    const machinery = await fullTextMachinery(prisma);
    expect(machinery.disabled).toEqual([]);
    expect(machinery.indexes).toEqual(expect.arrayContaining(['passage_fts_document_idx', 'entity_fts_document_idx', 'passage_words_fts_second_idx']));
    // The same database takes a good copy afterwards, indexed.
    await copySqliteToPostgres(fullTextSource(), url);
    expect((await fullTextContents(prisma)).passages).toHaveLength(await prisma.passage.count());
  });

  it("leaves later migrations' triggers on, so indexes they keep are filled by the copy", async () => {
    // A stand-in for the full-text migration (20261202080100_full_text): a table kept by a trigger
    // on Passage, which only the copy's own inserts can fill.
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-migrate-migrations-'));
    cpSync(defaultPostgresMigrationsDir, dir, { recursive: true });
    mkdirSync(path.join(dir, '29991231000000_test_index'));
    writeFileSync(
      path.join(dir, '29991231000000_test_index', 'migration.sql'),
      `CREATE TABLE test_passage_index (id INTEGER PRIMARY KEY REFERENCES "Passage" ("id") ON DELETE CASCADE, words TEXT NOT NULL);
       CREATE FUNCTION test_passage_index_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN INSERT INTO test_passage_index (id, words) SELECT "id", lower("text") FROM new_rows; RETURN NULL; END $$;
       CREATE TRIGGER test_passage_index_after_insert AFTER INSERT ON "Passage" REFERENCING NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION test_passage_index_after_insert();`,
    );
    const url = freshDatabase();
    await copySqliteToPostgres(source, url, { migrationsDir: dir });
    const prisma = client(url);
    const indexed = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM test_passage_index i JOIN "Passage" p ON p."id" = i.id AND i.words = lower(p."text")`,
    );
    expect(indexed[0].n).toBe(await prisma.passage.count());
  });

  it('detects a copy that differs from its source', async () => {
    const url = freshDatabase();
    await copySqliteToPostgres(source, url);
    const prisma = client(url);
    const last = (await prisma.passage.aggregate({ _max: { id: true } }))._max.id!;
    await prisma.passage.update({ where: { id: last }, data: { text: 'Tampered with.' } });
    const synonym = await prisma.searchSynonym.findFirstOrThrow();
    await prisma.searchSynonym.delete({ where: { id: synonym.id } });
    const { mismatches } = await verifyCopy(source, url);
    expect(mismatches).toContain(`passage ${last} differs in text`);
    expect(mismatches.some((line) => line.startsWith('SearchSynonym: '))).toBe(true);
  });

  it('runs as a command: copies, prints the counts and exits 0', () => {
    const url = freshDatabase();
    const run = runCommand(['--from', `file:${source}`, '--to', url]);
    expect(run.stderr).toMatch(/Copying \d+\/\d+ rows \(100%\)/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Passage\s+\d+\s+\d+$/m);
    expect(run.stdout).toMatch(/counts and sampled passages match/);

    const again = runCommand(['--from', `file:${source}`, '--to', url]);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds archive rows/);
  });

  it('explains wrong arguments', () => {
    const missing = runCommand(['--from', `file:${source}`]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/give both --from/);
    const swapped = runCommand(['--from', postgres.server.url('x'), '--to', `file:${source}`]);
    expect(swapped.status).toBe(2);
    expect(swapped.stderr).toMatch(/--from must be a SQLite address/);
    expect(runCommand(['--help']).stdout).toMatch(/Usage: npm run archive:migrate/);
  });
});
