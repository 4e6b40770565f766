// The health check on a real PostgreSQL server: the seeded archive copied there is ok on every check
// (a real count, every PostgreSQL migration recorded, no disk check), and each kind of trouble is
// reported by name: a migration the database lacks, a full-text table out of step with Passage, a
// database that cannot be reached, one that does not answer in time. No report carries the user, password, host or database name.
import { describe, expect, it } from 'vitest';
import { defaultPostgresMigrationsDir, openWriter, readMigrations } from '@/lib/db';
import { checkPostgresHealth } from '@/lib/ops/health';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const postgres = throwawayPostgres('health');

/** A new database on the test server holding a copy of the seeded SQLite archive; its address. */
const seededCopy = () => postgres.seededDatabase();

function run(url: string, sql: string): void {
  const writer = openWriter(url);
  try {
    writer.write((db) => db.exec(sql));
  } finally {
    writer.close();
  }
}

describe('checkPostgresHealth', () => {
  it('reports the seeded archive ok: documents counted, every migration applied, no disk check', async () => {
    const url = await seededCopy();
    const report = await checkPostgresHealth(url);
    expect(report.status).toBe('ok');
    expect(report.checks.database).toEqual({ status: 'ok', message: 'reachable', documents: 2 });
    expect(report.checks.migrations).toMatchObject({ status: 'ok', applied: readMigrations(defaultPostgresMigrationsDir).length });
    expect(report.checks.disk).toEqual({ status: 'ok', message: 'not applicable: a server' });
    expect(report.checks.searchIndex.status).toBe('ok');
  }, 60_000);

  it('fails on a migration of the code the database lacks, naming it', async () => {
    const url = await seededCopy();
    const migrations = [...readMigrations(defaultPostgresMigrationsDir), { name: '29990101000000_later', sql: 'SELECT 1', checksum: 'x' }];
    const report = await checkPostgresHealth(url, { migrations });
    expect(report.status).toBe('failing');
    expect(report.checks.migrations.message).toContain('29990101000000_later');
  }, 60_000);

  it('degrades when passage_fts does not hold one row per passage', async () => {
    const url = await seededCopy();
    // Another helper's migration may already make passage_fts; either way one row goes missing.
    run(url, 'CREATE TABLE IF NOT EXISTS passage_fts AS SELECT id FROM "Passage"');
    run(url, 'DELETE FROM passage_fts WHERE ctid IN (SELECT ctid FROM passage_fts LIMIT 1)');
    const report = await checkPostgresHealth(url);
    expect(report.status).toBe('degraded');
    expect(report.checks.searchIndex).toMatchObject({ status: 'degraded', message: 'the search index is inconsistent' });
  }, 60_000);

  it('fails when the database cannot be reached, and names no credential', async () => {
    const url = `postgresql://secretuser:hunter2secret@127.0.0.1:${postgres.server.port}/no_such_database`;
    const report = await checkPostgresHealth(url);
    expect(report.status).toBe('failing');
    expect(report.checks.database.message).toMatch(/^the database cannot be read \(/);
    expect(report.checks.migrations.status).toBe('failing');
    const text = JSON.stringify(report);
    for (const secret of ['secretuser', 'hunter2secret', 'no_such_database', '127.0.0.1', String(postgres.server.port)]) expect(text).not.toContain(secret);
  });

  it('fails within its time limit when the database does not answer, instead of holding the probe', async () => {
    const url = await seededCopy();
    const writer = openWriter(url);
    try {
      // Another session holds Document exclusively: the count waits on it.
      writer.db.exec('BEGIN');
      writer.db.exec('LOCK TABLE "Document" IN ACCESS EXCLUSIVE MODE');
      const started = Date.now();
      const report = await checkPostgresHealth(url, { timeoutMs: 1000 });
      expect(Date.now() - started).toBeLessThan(5000);
      expect(report.status).toBe('failing');
      expect(report.checks.database).toEqual({ status: 'failing', message: 'the database did not answer within 1 s' });
    } finally {
      writer.db.exec('ROLLBACK');
      writer.close();
    }
  }, 60_000);
});
