// The health check on real database files: a healthy archive is ok; each kind of damage (a corrupt
// or incomplete search index, a missing migration, one newer than the code, a missing database, a
// full disk) is reported by name; the JSON names no path; the route answers 200 or 503, never cached.
import Database from 'better-sqlite3';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseFilePath, defaultMigrationsDir, readMigrations } from '@/lib/db';
import { checkHealth } from '@/lib/ops/health';
import { GET } from '@/app/api/health/route';
import { copyTemplate } from '@/tests/support/per-file-database';

/** A connection that may write FTS5's shadow tables (SQLite's defensive mode forbids it), to damage an index as a disk fault would. */
function unsafe(file: string) {
  const db = new Database(file);
  db.unsafeMode(true);
  return db;
}

/** A copy of the seeded archive with these statements run on it; `shadow` opens it with the connection that may write FTS5's shadow tables. */
function seededCopyWith(statements: string[], { shadow = false } = {}) {
  const file = copyTemplate('seededTemplate');
  const db = shadow ? unsafe(file) : new Database(file);
  for (const sql of statements) db.exec(sql);
  db.close();
  return file;
}

describe('GET /api/health', () => {
  it('answers 200 with every check ok for the seeded archive, uncached, naming no path', async () => {
    const response = await GET();
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({
      status: 'ok',
      checks: {
        database: { status: 'ok', documents: 2 },
        migrations: { status: 'ok', applied: readMigrations().length },
        searchIndex: { status: 'ok', tables: 3 }, // passage_fts, passage_words_fts, entity_fts
        disk: { status: 'ok' },
      },
    });
    const text = JSON.stringify(body);
    const file = databaseFilePath(process.env.DATABASE_URL!);
    expect(text).not.toContain(path.dirname(file));
    expect(text).not.toContain(path.basename(file));
    expect(text).not.toMatch(/DATABASE_URL|SECRET|file:/i);
  });
});

describe('checkHealth', () => {
  it('reports a corrupt FTS5 index (caught by FTS5’s own integrity check) as degraded', () => {
    // A page of the inverted index lost.
    const file = seededCopyWith(['DELETE FROM passage_fts_data WHERE id = (SELECT max(id) FROM passage_fts_data)'], { shadow: true });
    const report = checkHealth(file);
    expect(report.status).toBe('degraded');
    expect(report.checks.searchIndex.status).toBe('degraded');
    expect((report.checks.searchIndex.problems as string[]).join('\n')).toMatch(/^passage_fts: .*(malformed|corrupt)/m);
    expect(report.checks.database.status).toBe('ok');
  });

  it('reports a damaged contentless index (passage_words_fts) too', () => {
    const file = seededCopyWith(['DELETE FROM passage_words_fts_data WHERE id = (SELECT max(id) FROM passage_words_fts_data)'], { shadow: true });
    const report = checkHealth(file);
    expect(report.checks.searchIndex.status).toBe('degraded');
    expect((report.checks.searchIndex.problems as string[]).join('\n')).toMatch(/^passage_words_fts: /m);
  });

  it('reports passages missing from the index, or indexed with other text', () => {
    const file = seededCopyWith([
      'DELETE FROM passage_fts WHERE rowid = (SELECT min(id) FROM Passage)',
      'DELETE FROM passage_words_fts WHERE rowid = (SELECT max(id) FROM Passage)',
    ]);
    const problems = checkHealth(file).checks.searchIndex.problems as string[];
    expect(problems).toEqual(['passage_fts: 1 passage(s) not indexed', 'passage_words_fts: 1 passage(s) not indexed']);
    // Text changed behind the index is caught by FTS5's content check, a write, which this read-only
    // probe does not run (tests/integration/search/external-content.test.ts runs it).
  });

  it('fails when a migration of the code is not applied, or the database has one the code does not know', () => {
    const file = copyTemplate('seededTemplate');
    const dir = mkdtempSync(path.join(path.dirname(file), 'migrations-'));
    cpSync(defaultMigrationsDir, dir, { recursive: true });
    mkdirSync(path.join(dir, '29991231000000_future'));
    writeFileSync(path.join(dir, '29991231000000_future', 'migration.sql'), 'CREATE TABLE "Future" ("id" INTEGER);\n');
    const pending = checkHealth(file, { migrations: readMigrations(dir) });
    expect(pending.status).toBe('failing');
    expect(pending.checks.migrations).toMatchObject({ status: 'failing', pending: 1, message: 'migration(s) not applied: 29991231000000_future' });

    const db = new Database(file);
    db.prepare(
      "INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('x', 'y', '29991231000000_from_the_future', 1, 1)",
    ).run();
    db.close();
    const newer = checkHealth(file);
    expect(newer.checks.migrations).toMatchObject({ status: 'failing', message: 'migration(s) newer than this code: 29991231000000_from_the_future' });
  });

  it('fails without creating anything when the database file is missing, and names no path', () => {
    const dir = mkdtempSync(path.join(path.dirname(copyTemplate('migratedTemplate')), 'missing-'));
    const file = path.join(dir, 'archive.db');
    const report = checkHealth(file);
    expect(report.status).toBe('failing');
    expect(report.checks.database).toEqual({ status: 'failing', message: 'the database cannot be read (SQLITE_CANTOPEN)' });
    expect(report.checks.migrations.message).toBe('not checked: the database cannot be read');
    expect(JSON.stringify(report)).not.toContain(dir);
    expect(() => new Database(file, { fileMustExist: true })).toThrow();
  });

  it('fails on a file that is not a database', () => {
    const dir = mkdtempSync(path.join(path.dirname(copyTemplate('migratedTemplate')), 'junk-'));
    const file = path.join(dir, 'archive.db');
    writeFileSync(file, 'This is a letter, not a database.\n'.repeat(200));
    expect(checkHealth(file).checks.database).toEqual({ status: 'failing', message: 'the database cannot be read (SQLITE_NOTADB)' });
  });

  it('grades free disk space against its thresholds', () => {
    const file = copyTemplate('seededTemplate');
    expect(checkHealth(file, { degradedBelowBytes: Number.MAX_SAFE_INTEGER }).checks.disk).toMatchObject({ status: 'degraded' });
    const full = checkHealth(file, { failingBelowBytes: Number.MAX_SAFE_INTEGER });
    expect(full.checks.disk).toMatchObject({ status: 'failing', message: expect.stringMatching(/free, saves may fail$/) });
    expect(full.status).toBe('failing');
    expect(checkHealth(file, { failingBelowBytes: 1, degradedBelowBytes: 1 }).checks.disk.status).toBe('ok');
  });
});
