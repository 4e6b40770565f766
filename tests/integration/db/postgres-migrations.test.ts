// PostgreSQL's migrations must build exactly the database prisma/postgresql/schema/ describes,
// with the triggers the app relies on, and the runner must record them as Prisma does, apply each
// one whole or not at all, and let two processes migrate at once. On a real server, no stand-ins.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient, defaultPostgresMigrationsDir, migratePostgres, readMigrations } from '@/lib/db';
import { POSTGRES_SCHEMA_DIR } from '@/scripts/schema-files.mjs';
import { postgresSchemaDifferences } from '@/tests/support/postgres-schema-diff';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const migrationNames = () => readMigrations(defaultPostgresMigrationsDir).map((m) => m.name);

const postgres = throwawayPostgres('migrations');

/** A new, empty database on the test server; its address. */
const freshDatabase = () => postgres.freshDatabase();

/** A copy of the migrations folder to add to or edit. */
function migrationsCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-pg-migrations-'));
  cpSync(defaultPostgresMigrationsDir, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string): void {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

const records = (url: string) =>
  withClient(
    url,
    async (client) =>
      (await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name')).rows,
  );

describe('PostgreSQL migrations', () => {
  it('build, from nothing, a database that matches the schema folder in every enum, model, column, index and key', async () => {
    const url = freshDatabase();
    const result = await migratePostgres(url);
    expect(result).toEqual({ applied: migrationNames(), alreadyApplied: [] });
    expect(await withClient(url, (client) => postgresSchemaDifferences(client, POSTGRES_SCHEMA_DIR))).toEqual([]);
  });

  it('are caught drifting: a dropped column, a lost index, a changed foreign key, a stray table and a wrong type are all reported', async () => {
    const url = freshDatabase();
    await migratePostgres(url);
    const problems = await withClient(url, async (client) => {
      await client.query('ALTER TABLE "Speaker" DROP COLUMN "bioSource"');
      await client.query('DROP INDEX "Passage_documentId_anchor_key"');
      await client.query('ALTER TABLE "Session" DROP CONSTRAINT "Session_userId_fkey"');
      await client.query(
        'ALTER TABLE "Session" ADD CONSTRAINT "Session_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE',
      );
      await client.query('CREATE TABLE "Stray" ("id" INTEGER PRIMARY KEY)');
      await client.query('ALTER TABLE "Document" ALTER COLUMN "deletedAt" TYPE TIMESTAMPTZ(3)');
      await client.query('ALTER TABLE "Document" ALTER COLUMN "language" SET DEFAULT \'fr\'');
      await client.query('ALTER TYPE "PassageKind" ADD VALUE \'aside\'');
      return postgresSchemaDifferences(client, POSTGRES_SCHEMA_DIR);
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        'Speaker.bioSource has no column',
        'Passage lacks unique index Passage_documentId_anchor_key on (documentId,anchor)',
        'Session lacks foreign key Session_userId_fkey (userId) → User(id) on delete CASCADE on update CASCADE',
        'Session has foreign key Session_userId_fkey (userId) → User(id) on delete RESTRICT on update CASCADE that the schema does not',
        'table Stray has no model',
        'Document.deletedAt is timestamp(3) with time zone, schema says timestamp(3) without time zone',
        "Document.language has default 'fr'::text, schema says 'en'::text",
        'enum PassageKind is (question,answer,paragraph,aside), schema says (question,answer,paragraph)',
      ]),
    );
    expect(problems).toHaveLength(8);
  });

  it("are recorded in _prisma_migrations in Prisma's shape with Prisma's checksum, and a second run applies nothing", async () => {
    const url = freshDatabase();
    const first = await migratePostgres(url);
    expect(await migratePostgres(url)).toEqual({ applied: [], alreadyApplied: first.applied });

    const rows = await records(url);
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations(defaultPostgresMigrationsDir).map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);

    // The table `prisma migrate` creates and reads, column for column.
    const columns = await withClient(url, async (client) =>
      (
        await client.query(
          `SELECT column_name, data_type, character_maximum_length AS length, is_nullable, column_default
           FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        )
      ).rows.map((c) => [c.column_name, c.data_type, c.length, c.is_nullable, c.column_default]),
    );
    expect(columns).toEqual([
      ['id', 'character varying', 36, 'NO', null],
      ['checksum', 'character varying', 64, 'NO', null],
      ['finished_at', 'timestamp with time zone', null, 'YES', null],
      ['migration_name', 'character varying', 255, 'NO', null],
      ['logs', 'text', null, 'YES', null],
      ['rolled_back_at', 'timestamp with time zone', null, 'YES', null],
      ['started_at', 'timestamp with time zone', null, 'NO', 'now()'],
      ['applied_steps_count', 'integer', null, 'NO', '0'],
    ]);
  });

  it('refuse a migration that was edited after it was applied, and change nothing', async () => {
    const url = freshDatabase();
    const dir = migrationsCopy();
    await migratePostgres(url, dir);
    const [first] = readMigrations(dir);
    appendFileSync(path.join(dir, first.name, 'migration.sql'), '\n-- an afterthought\n');
    addMigration(dir, '20990101000000_later', 'CREATE TABLE "Later" ("id" INTEGER);');
    await expect(migratePostgres(url, dir)).rejects.toThrow(`Migration ${first.name} was changed after it was applied; add a new migration instead.`);
    expect((await records(url)).map((r) => r.migration_name)).toEqual(migrationNames());
  });

  it('refuse a database with migrations this code does not know', async () => {
    const url = freshDatabase();
    const dir = migrationsCopy();
    addMigration(dir, '20990101000000_newer', 'CREATE TABLE "Newer" ("id" INTEGER);');
    await migratePostgres(url, dir);
    await expect(migratePostgres(url)).rejects.toThrow('The database has migrations this code does not know: 20990101000000_newer.');
  });

  it('apply a failing migration not at all: no half-built table, no record, and the ones before it stay', async () => {
    const url = freshDatabase();
    const dir = migrationsCopy();
    addMigration(dir, '20990101000000_broken', 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;');
    await expect(migratePostgres(url, dir)).rejects.toThrow(/syntax error/);
    const half = await withClient(url, async (client) => (await client.query(`SELECT to_regclass('"Half"') AS half`)).rows[0].half);
    expect(half).toBeNull();
    expect((await records(url)).map((r) => r.migration_name)).toEqual(migrationNames());
  });

  it('refuse to go on after a migration that failed and was not rolled back (as Prisma records one)', async () => {
    const url = freshDatabase();
    await migratePostgres(url);
    await withClient(url, (client) =>
      client.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name") VALUES ('00000000-0000-0000-0000-000000000000', 'x', '20990101000000_half_done')`,
      ),
    );
    await expect(migratePostgres(url)).rejects.toThrow('Migration 20990101000000_half_done failed earlier and was not rolled back; fix the database first.');
  });

  it('let two processes migrate a fresh database at once: both succeed, each migration applied once', async () => {
    const url = freshDatabase();
    const results = await Promise.all([migratePostgres(url), migratePostgres(url)]);
    const names = migrationNames();
    // The lock makes one wait for the other, which then finds everything applied.
    expect(results.map((r) => r.applied.length).sort()).toEqual([0, names.length]);
    expect(results.every((r) => [...r.applied, ...r.alreadyApplied].join() === names.join())).toBe(true);
    expect((await records(url)).map((r) => r.migration_name)).toEqual(names);
  });
});

describe("PostgreSQL's triggers and checks (ported from the SQLite migrations)", () => {
  let url: string;
  beforeAll(async () => {
    url = freshDatabase();
    await migratePostgres(url);
  });

  // The first column of every row, as numbers (ids and counts).
  const firstColumn = async (client: pg.Client, sql: string): Promise<number[]> => (await client.query(sql)).rows.map((row) => Number(Object.values(row)[0]));

  it('mark passages without vectors, log every vector change, and drop a passage’s vectors when its text changes', async () => {
    await withClient(url, async (client) => {
      await client.query(`INSERT INTO "Document" ("slug", "kind", "title", "publishedOn", "publishedUntil", "datePrecision", "updatedAt")
                          VALUES ('d', 'essay', 'D', '2016-01-01', '2016-12-31', 'year', now())`);
      const [passageId] = await firstColumn(
        client,
        `INSERT INTO "Passage" ("documentId", "position", "anchor", "kind", "text", "updatedAt")
         SELECT "id", 1, 1, 'paragraph', 'First words.', now() FROM "Document" RETURNING "id"`,
      );
      expect(await firstColumn(client, 'SELECT "passageId" FROM "PassageEmbeddingPending"')).toEqual([passageId]);

      await client.query(`INSERT INTO "PassageEmbedding" ("passageId", "chunk", "model", "bits", "vector") VALUES ($1, 0, 'm', '\\x00', '\\x00')`, [passageId]);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "PassageEmbeddingPending"')).toEqual([0]);
      expect(await firstColumn(client, 'SELECT "passageId" FROM "PassageEmbeddingChange"')).toEqual([passageId]);

      // Same text: nothing happens. Another text: the vectors go and the passage is pending again.
      await client.query(`UPDATE "Passage" SET "text" = 'First words.' WHERE "id" = $1`, [passageId]);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "PassageEmbedding"')).toEqual([1]);
      await client.query(`UPDATE "Passage" SET "text" = 'Other words.' WHERE "id" = $1`, [passageId]);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "PassageEmbedding"')).toEqual([0]);
      expect(await firstColumn(client, 'SELECT "passageId" FROM "PassageEmbeddingPending"')).toEqual([passageId]);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "PassageEmbeddingChange"')).toEqual([2]);

      // A deleted passage's vectors go with it (the cascade), and it is not left pending.
      await client.query(`INSERT INTO "PassageEmbedding" ("passageId", "chunk", "model", "bits", "vector") VALUES ($1, 0, 'm', '\\x00', '\\x00')`, [passageId]);
      await client.query(`DELETE FROM "Passage" WHERE "id" = $1`, [passageId]);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "PassageEmbedding"')).toEqual([0]);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "PassageEmbeddingPending"')).toEqual([0]);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "PassageEmbeddingChange"')).toEqual([4]);
    });
  });

  it('mark passages for the ranking lists to rescore only once lists exist, and keep one build row', async () => {
    await withClient(url, async (client) => {
      const [documentId] = await firstColumn(
        client,
        `INSERT INTO "Document" ("slug", "kind", "title", "publishedOn", "publishedUntil", "datePrecision", "updatedAt")
         VALUES ('lists', 'essay', 'Lists', '2016-01-01', '2016-12-31', 'year', now()) RETURNING "id"`,
      );
      const insertPassage = (position: number) =>
        firstColumn(
          client,
          `INSERT INTO "Passage" ("documentId", "position", "anchor", "kind", "text", "updatedAt") VALUES (${documentId}, ${position}, ${position}, 'paragraph', 'Words.', now()) RETURNING "id"`,
        );
      await insertPassage(1);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "TermImpactPending"')).toEqual([0]);

      await client.query(`INSERT INTO "TermImpactBuild" ("id", "averageLength", "listSize", "minPassages", "builtAt") VALUES (1, 10, 100, 5, 'now')`);
      const [second] = await insertPassage(2);
      expect(await firstColumn(client, 'SELECT "passageId" FROM "TermImpactPending"')).toEqual([second]);
      await client.query(`UPDATE "Document" SET "title" = 'Lists, retitled' WHERE "id" = ${documentId}`);
      expect(await firstColumn(client, 'SELECT count(*)::int FROM "TermImpactPending"')).toEqual([2]);

      await expect(
        client.query(`INSERT INTO "TermImpactBuild" ("id", "averageLength", "listSize", "minPassages", "builtAt") VALUES (2, 10, 100, 5, 'now')`),
      ).rejects.toThrow(/TermImpactBuild_id_check/);
    });
  });

  it('prune the vector change log past 100,000 changes, every 1,000', async () => {
    await withClient(url, async (client) => {
      await client.query('INSERT INTO "PassageEmbeddingChange" ("passageId") SELECT 0 FROM generate_series(1, 101000)');
      const [lowest] = await firstColumn(client, 'SELECT min("seq") FROM "PassageEmbeddingChange"');
      const [highest] = await firstColumn(client, 'SELECT max("seq") FROM "PassageEmbeddingChange"');
      expect(highest - lowest).toBeLessThan(101000);
      expect(highest - lowest).toBeGreaterThanOrEqual(100000);
    });
  });
});

describe('the migrated PostgreSQL schema', () => {
  it("is what Prisma's PostgreSQL client reads and writes: enums, defaults, relations, cascades, bytes and dates", async () => {
    const url = freshDatabase();
    await migratePostgres(url);
    const prisma = createPrismaClient(url);
    try {
      const speaker = await prisma.speaker.create({ data: { slug: 'kim', name: 'Kim', aliases: { create: [{ alias: 'K' }] } } });
      const document = await prisma.document.create({
        data: {
          slug: 'talk',
          kind: 'interview',
          title: 'A talk',
          publishedOn: '2016-12-01',
          publishedUntil: '2016-12-31',
          datePrecision: 'month',
          participants: { create: [{ speakerId: speaker.id, role: 'interviewee' }] },
          passages: { create: [{ position: 1, anchor: 1, kind: 'answer', text: 'Yes.', speakerId: speaker.id }] },
        },
        include: { passages: true },
      });
      expect(document).toMatchObject({ status: 'draft', language: 'en', version: 1, deletedAt: null });
      expect(document.createdAt).toBeInstanceOf(Date);
      const [passage] = document.passages;
      await prisma.passageEmbedding.create({
        data: { passageId: passage.id, chunk: 0, model: 'm', bits: new Uint8Array([1, 2]), vector: new Uint8Array([255]) },
      });
      const embedding = await prisma.passageEmbedding.findFirstOrThrow();
      expect([...embedding.bits]).toEqual([1, 2]);

      // A speaker cannot go while a document names it as a participant (Restrict); a document takes its passages with it.
      await expect(prisma.speaker.delete({ where: { id: speaker.id } })).rejects.toThrow(/Participant_speakerId_fkey/);
      await prisma.document.delete({ where: { id: document.id } });
      expect(await prisma.passage.count()).toBe(0);
      expect(await prisma.passageEmbedding.count()).toBe(0);
      await prisma.speaker.delete({ where: { id: speaker.id } });
      expect(await prisma.speakerAlias.count()).toBe(0);
    } finally {
      await prisma.$disconnect();
    }
  });
});
