// The archive file on PostgreSQL (issue 13): the seed archive with editorial history, accounts and a
// topic re-parented under a newer one, copied from SQLite to a real server (archive:migrate's copy),
// exports to the same bytes there as from SQLite; that file imported into an empty PostgreSQL
// database exports the same bytes again; ids given stay retired; a database that is not empty and a
// reference to nothing are refused, naming the record, and write nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeWriters, copySqliteToPostgres, migratePostgres, openWriter, type Writer } from '@/lib/db';
import { exportArchive } from '@/lib/archive/export';
import { ArchiveImportError, loadArchive, parseArchive } from '@/lib/archive/import';
import { ARCHIVE_TABLES } from '@/lib/archive/tables';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { archiveWithHistory } from '@/tests/support/archive-with-history';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const postgres = throwawayPostgres('archive');
const writers: Writer[] = [];

const exportOf = (target: string, withAccounts = false) => [...exportArchive(target, { withAccounts })].join('');

const freshDatabase = () => postgres.freshDatabase();

async function emptyPostgres(): Promise<Writer> {
  const url = freshDatabase();
  await migratePostgres(url);
  const writer = openWriter(url);
  writers.push(writer);
  return writer;
}

const counts = (writer: Writer) =>
  Object.fromEntries(ARCHIVE_TABLES.map((t) => [t.key, Number(writer.db.prepare(`SELECT count(*) FROM "${t.table}"`).pluck().get())]));

afterAll(() => {
  for (const writer of writers) writer.close();
  closeWriters();
});

describe('the archive file on PostgreSQL', () => {
  it('exports the same bytes from PostgreSQL as from SQLite, with and without accounts', async () => {
    const source = await archiveWithHistory({ parentNewerThanChild: true });
    const url = freshDatabase();
    await copySqliteToPostgres(source.file, url);
    // Every record, byte for byte, and the sequences line too: archive:migrate keeps the ids SQLite has
    // retired (rows deleted at the end of a table, such as replaced synonym groups) retired.
    expect(exportOf(url)).toBe(exportOf(source.file));
    expect(exportOf(url, true)).toBe(exportOf(source.file, true));
    // Read two rows a page: every page boundary of every key (composite ones too) gives the same bytes.
    expect([...exportArchive(url, { withAccounts: true, pageRows: 2 })].join('')).toBe(exportOf(url, true));
    expect(exportOf(url)).toMatch(/^"sequences":\{"Speaker":2,"SpeakerAlias":3,"Topic":12,"Document":2,"Passage":18,"DocumentSection":0,/m);
  }, 120_000);

  it('export → import into an empty PostgreSQL database → export is byte-identical', async () => {
    const source = await archiveWithHistory({ parentNewerThanChild: true });
    for (const withAccounts of [false, true]) {
      const text = exportOf(source.file, withAccounts);
      const target = await emptyPostgres();
      const report = loadArchive(target, parseArchive(text));
      expect(report.records).toBeGreaterThan(20);
      expect(exportOf(target.file, withAccounts)).toBe(text);
    }
  }, 120_000);

  it('keeps the ids a table has given, so a deleted row’s id is not given again', async () => {
    const source = await archiveWithHistory({ parentNewerThanChild: true });
    source.db.prepare('DELETE FROM SearchSynonym WHERE id = (SELECT max(id) FROM SearchSynonym)').run();
    const highest = source.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'SearchSynonym'").pluck().get() as number;
    const target = await emptyPostgres();
    loadArchive(target, parseArchive(exportOf(source.file)));
    target.write((db) => db.prepare('INSERT INTO SearchSynonym (term, "group") VALUES (\'new\', 99)').run());
    expect(target.db.prepare("SELECT id FROM SearchSynonym WHERE term = 'new'").pluck().get()).toBe(highest + 1);
  }, 120_000);

  it('refuses a database that is not empty, and a reference to nothing, naming the record; nothing is written', async () => {
    const text = exportOf((await archiveWithHistory({ parentNewerThanChild: true })).file);
    const full = await emptyPostgres();
    loadArchive(full, parseArchive(text));
    const before = exportOf(full.file, true);
    expect(() => loadArchive(full, parseArchive(text))).toThrow(/not empty \(it holds 2 users, 2 speakers/);
    expect(exportOf(full.file, true)).toBe(before);

    const dangling = JSON.parse(text);
    dangling.passages[9].speakerId = 77;
    const target = await emptyPostgres();
    const load = () => loadArchive(target, parseArchive(JSON.stringify(dangling)));
    expect(load).toThrow(ArchiveImportError);
    expect(load).toThrow(/passages\[9\] \(id 10\), field speakerId refers to a Speaker that is not in the archive/);
    expect(Object.values(counts(target)).every((n) => n === 0)).toBe(true);
  }, 120_000);

  it('archive:export writes the same bytes as the library from PostgreSQL, naming no password, and archive:import loads them', async () => {
    const source = await archiveWithHistory({ parentNewerThanChild: true });
    const url = freshDatabase();
    await copySqliteToPostgres(source.file, url);
    const withPassword = url.replace('archive@', 'archive:not-a-real-password@');
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pg-export-')), 'archive.json');
    const run = spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/archive-export.ts', file], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: withPassword },
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(exportOf(url));
    expect(run.stdout + run.stderr).not.toContain('not-a-real-password');

    // archive:import loads that file into a new PostgreSQL database (migrating it), which then exports the same bytes.
    const target = freshDatabase();
    const load = spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/archive-import.ts', file], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: target },
      encoding: 'utf8',
    });
    expect(load.status, load.stderr).toBe(0);
    expect(exportOf(target)).toBe(exportOf(url));
  }, 180_000);
});
