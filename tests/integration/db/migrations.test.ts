// The hand-written migrations must build exactly the database prisma/schema/ describes, and the
// runner must record them as Prisma does and apply each one whole or not at all.
import Database from 'better-sqlite3';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMigrations, migrateDatabase, openDatabase, PAGE_SIZE, readMigrations } from '@/lib/db';
import { SQLITE_SCHEMA_DIR } from '@/scripts/schema-files.mjs';
import { schemaDifferences } from '@/tests/support/schema-diff';

const scratch = () => path.join(mkdtempSync(path.join(tmpdir(), 'archive-migrate-')), 'test.db');

describe('migrations', () => {
  it('build, from nothing, a database that matches the schema folder in every model, column, index and key', () => {
    const file = scratch();
    migrateDatabase(file);
    const db = new Database(file, { readonly: true });
    expect(schemaDifferences(db, SQLITE_SCHEMA_DIR)).toEqual([]);
    db.close();
  });

  it('are caught drifting: a dropped index, a changed column and an extra table are all reported', () => {
    const file = scratch();
    migrateDatabase(file);
    const db = openDatabase(file);
    db.exec('DROP INDEX "Passage_documentId_anchor_key"');
    db.exec('ALTER TABLE "Speaker" ADD COLUMN "nickname" TEXT');
    db.exec('CREATE TABLE "Stray" ("id" INTEGER PRIMARY KEY)');
    const problems = schemaDifferences(db, SQLITE_SCHEMA_DIR);
    db.close();
    expect(problems).toContain('Passage lacks unique index on (documentId,anchor)');
    expect(problems).toContain('Speaker.nickname is not in the schema');
    expect(problems).toContain('table Stray has no model');
  });

  it("are recorded in _prisma_migrations with Prisma's checksum, and a second run applies nothing", () => {
    const file = scratch();
    const first = migrateDatabase(file);
    expect(first.applied).toEqual(readMigrations().map((m) => m.name));
    const second = migrateDatabase(file);
    expect(second).toEqual({ applied: [], alreadyApplied: first.applied });

    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations').all() as {
      migration_name: string;
      checksum: string;
      finished_at: number;
      applied_steps_count: number;
    }[];
    db.close();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(readMigrations().map((m) => [m.name, m.checksum]));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });

  it('apply a failing migration not at all: no half-built table, no record', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-migrations-'));
    mkdirSync(path.join(dir, '20990101000000_broken'));
    writeFileSync(path.join(dir, '20990101000000_broken', 'migration.sql'), 'CREATE TABLE "Half" ("id" INTEGER);\nTHIS IS NOT SQL;');
    const db = openDatabase(scratch());
    expect(() => applyMigrations(db, readMigrations(dir))).toThrow(/syntax error/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'Half'").all();
    const records = db.prepare('SELECT * FROM _prisma_migrations').all();
    db.close();
    expect(tables).toEqual([]);
    expect(records).toEqual([]);
  });

  it('refuse a migration that was edited after it was applied', () => {
    const db = openDatabase(scratch());
    const migrations = readMigrations();
    applyMigrations(db, migrations);
    const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: 'different' } : m));
    expect(() => applyMigrations(db, edited)).toThrow(/was changed after it was applied/);
    db.close();
  });

  it('keep foreign keys enforced on every connection the app opens', () => {
    const db = openDatabase(scratch());
    applyMigrations(db, readMigrations());
    expect(() => db.prepare('INSERT INTO "SpeakerAlias" ("speakerId", "alias") VALUES (999, \'X\')').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('keep every passage’s topics when PassageTopic is rebuilt without a rowid, with its keys, index and cascades', () => {
    const db = openDatabase(scratch());
    const migrations = readMigrations();
    const rebuild = migrations.findIndex((m) => m.name.endsWith('_passage_topic_without_rowid'));
    applyMigrations(db, migrations.slice(0, rebuild));
    const now = '2026-12-06T00:00:00.000Z';
    db.prepare(
      `INSERT INTO "Document" ("id", "slug", "kind", "title", "publishedOn", "publishedUntil", "datePrecision", "updatedAt") VALUES (1, 'd', 'essay', 'D', '2016', '2016', 'year', ?)`,
    ).run(now);
    const passage = db.prepare(
      `INSERT INTO "Passage" ("id", "documentId", "position", "anchor", "kind", "text", "updatedAt") VALUES (?, 1, ?, ?, 'paragraph', 'Text.', ?)`,
    );
    for (const id of [1, 2, 3]) passage.run(id, id, id, now);
    const topic = db.prepare(`INSERT INTO "Topic" ("id", "slug", "name", "updatedAt") VALUES (?, ?, ?, ?)`);
    for (const id of [1, 2]) topic.run(id, `t${id}`, `T${id}`, now);
    const pairs = [
      [1, 1],
      [1, 2],
      [3, 2],
    ];
    for (const [passageId, topicId] of pairs) db.prepare('INSERT INTO "PassageTopic" ("passageId", "topicId") VALUES (?, ?)').run(passageId, topicId);

    applyMigrations(db, migrations);
    const read = () => db.prepare('SELECT "passageId", "topicId" FROM "PassageTopic" ORDER BY 1, 2').raw().all();
    expect(read()).toEqual(pairs);
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'PassageTopic'`).pluck().get()).toMatch(/WITHOUT ROWID$/);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE tbl_name = 'PassageTopic' AND type = 'index' AND sql IS NOT NULL`).pluck().all()).toEqual([
      'PassageTopic_topicId_idx',
    ]);
    expect(() => db.prepare('INSERT INTO "PassageTopic" ("passageId", "topicId") VALUES (1, 1)').run()).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => db.prepare('INSERT INTO "PassageTopic" ("passageId", "topicId") VALUES (9, 1)').run()).toThrow(/FOREIGN KEY/);
    db.prepare('DELETE FROM "Passage" WHERE id = 1').run();
    expect(read()).toEqual([[3, 2]]);
    db.prepare('DELETE FROM "Topic" WHERE id = 2').run();
    expect(read()).toEqual([]);
    db.close();
  });

  it('give a new database 8 KiB pages and leave an existing file at the page size it has', () => {
    const file = scratch();
    migrateDatabase(file);
    const created = new Database(file, { readonly: true });
    expect(created.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    created.close();

    const older = scratch();
    const made = new Database(older);
    made.pragma('page_size = 4096');
    made.exec('CREATE TABLE kept (x)');
    made.close();
    const reopened = openDatabase(older);
    expect(reopened.pragma('page_size', { simple: true })).toBe(4096);
    expect(reopened.prepare("SELECT name FROM sqlite_master WHERE name = 'kept'").pluck().get()).toBe('kept');
    reopened.close();
  });
});
