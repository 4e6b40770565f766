// Backups on a real PostgreSQL server with Debian's pg_dump and pg_restore: the seeded archive backed
// up, then restored into an empty database (and into a migrated, empty one) holds the same rows and
// texts; a database holding data is refused unless --replace, which dumps it first; a backup with a
// migration newer than the code is refused before anything changes, and so is one older than the
// database it would go into (restored into a new database instead); old backups are pruned; the
// commands run with DATABASE_URL on PostgreSQL and print no password.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultPostgresMigrationsDir, migratePostgres, openWriter, readMigrations } from '@/lib/db';
import { OpsError } from '@/lib/ops/files';
import { backupPostgres, postgresRowCounts, restorePostgres } from '@/lib/ops/postgres-backup';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const migrations = readMigrations(defaultPostgresMigrationsDir);
const postgres = throwawayPostgres('backup');

const freshDatabase = () => postgres.freshDatabase();
const seededDatabase = () => postgres.seededDatabase();

/** Row counts and every passage's text, read on a connection of the test's own. */
function contents(url: string) {
  const writer = openWriter(url);
  try {
    const counts = postgresRowCounts(writer.db);
    const texts = writer.db.prepare('SELECT id, text FROM Passage ORDER BY id').all();
    return { counts, texts };
  } finally {
    writer.close();
  }
}

const folder = () => mkdtempSync(path.join(tmpdir(), 'pg-backup-'));

describe('PostgreSQL backup and restore', () => {
  it('backs up the archive and restores it into an empty database with the same rows and texts', async () => {
    const source = await seededDatabase();
    const result = await backupPostgres({ url: source, dir: folder(), keep: 3, migrations });
    expect(path.basename(result.file)).toMatch(/^archive-\d{8}T\d{6}\.\d{3}Z\.pgdump$/);
    expect(result.counts.Document).toBe(2);
    expect(result.migrations.applied).toHaveLength(migrations.length);

    const expected = contents(source);
    expect(expected.texts.length).toBeGreaterThan(5);
    const migratedEmpty = freshDatabase();
    await migratePostgres(migratedEmpty);
    for (const target of [freshDatabase(), migratedEmpty]) {
      const restored = await restorePostgres({ backup: result.file, url: target, migrations });
      expect(restored.safetyCopy).toBeNull();
      expect(restored.pending).toEqual([]);
      expect(contents(target)).toEqual(expected);
    }
  }, 120_000);

  it('refuses a database holding data unless told to replace it, and then dumps it first', async () => {
    const source = await seededDatabase();
    const dir = folder();
    const { file } = await backupPostgres({ url: source, dir, keep: 3, migrations });
    const target = await seededDatabase();
    const writer = openWriter(target);
    writer.write((db) => db.prepare("UPDATE Passage SET text = 'changed after the backup' WHERE id = 1").run());
    writer.close();
    await expect(restorePostgres({ backup: file, url: target, migrations })).rejects.toThrow(/not empty \(it holds .*2 Document.*--replace/);
    expect(contents(target).texts[0]).toMatchObject({ text: 'changed after the backup' });

    const replaced = await restorePostgres({ backup: file, url: target, migrations, replace: true });
    expect(contents(target)).toEqual(contents(source));
    expect(replaced.safetyCopy && existsSync(replaced.safetyCopy)).toBe(true);
    // The safety copy is a backup like any other: it brings the replaced text back.
    const again = freshDatabase();
    await restorePostgres({ backup: replaced.safetyCopy!, url: again, migrations });
    expect(contents(again).texts[0]).toMatchObject({ text: 'changed after the backup' });
  }, 120_000);

  it('refuses a backup with a migration newer than the code, and a file that is not a backup, changing nothing', async () => {
    const { file } = await backupPostgres({ url: await seededDatabase(), dir: folder(), keep: 3, migrations });
    const target = freshDatabase();
    const older = migrations.slice(0, -1);
    await expect(restorePostgres({ backup: file, url: target, migrations: older })).rejects.toThrow(/newer than this code/);
    await expect(restorePostgres({ backup: path.join(ROOT, 'package.json'), url: target, migrations })).rejects.toThrow(OpsError);
    const writer = openWriter(target);
    expect(postgresRowCounts(writer.db)).toEqual({});
    writer.close();
  }, 120_000);

  it('refuses a backup older than the database it would go into, and restores it into a new one, whose next start catches up', async () => {
    // An archive one migration behind this code, backed up as an earlier release would have.
    const olderDir = path.join(folder(), 'migrations');
    cpSync(defaultPostgresMigrationsDir, olderDir, { recursive: true });
    const last = migrations.at(-1)!.name;
    rmSync(path.join(olderDir, last), { recursive: true });
    const old = freshDatabase();
    await migratePostgres(old, olderDir);
    const { file } = await backupPostgres({ url: old, dir: folder(), keep: 3, migrations: readMigrations(olderDir) });

    const current = freshDatabase();
    await migratePostgres(current); // an app server started here: every migration applied
    await expect(restorePostgres({ backup: file, url: current, migrations })).rejects.toThrow(
      new RegExp(`predates migration\\(s\\) this database has applied \\(${last}\\).*new, empty database`),
    );
    const writer = openWriter(current);
    expect(writer.db.prepare('SELECT count(*) FROM "_prisma_migrations"').pluck().get()).toBe(migrations.length);
    writer.close();

    const fresh = freshDatabase();
    const restored = await restorePostgres({ backup: file, url: fresh, migrations });
    expect(restored.pending).toEqual([last]);
    await expect(migratePostgres(fresh)).resolves.toMatchObject({ applied: [last] });
  }, 120_000);

  it('keeps the newest backups only', async () => {
    const url = await seededDatabase();
    const dir = folder();
    for (const second of [1, 2, 3]) await backupPostgres({ url, dir, keep: 2, migrations, now: new Date(Date.UTC(2026, 11, 2, 12, 0, second)) });
    expect(readdirSync(dir).sort()).toEqual(['archive-20261202T120002.000Z.pgdump', 'archive-20261202T120003.000Z.pgdump']);
  }, 120_000);

  it('npm run backup and restore work with DATABASE_URL on PostgreSQL and print no password', async () => {
    const source = (await seededDatabase()).replace('archive@', 'archive:not-a-real-password@');
    const dir = folder();
    const run = (script: string, args: string[], url: string) =>
      spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, `scripts/${script}.ts`, ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, DATABASE_URL: url },
      });
    const backup = run('backup', [dir], source);
    expect(backup.status, backup.stderr).toBe(0);
    const [file] = readdirSync(dir);
    const target = freshDatabase();
    const restore = run('restore', [path.join(dir, file!)], target);
    expect(restore.status, restore.stderr).toBe(0);
    expect(contents(target)).toEqual(contents(source));
    for (const output of [backup, restore]) expect(output.stdout + output.stderr).not.toContain('not-a-real-password');
  }, 120_000);
});
