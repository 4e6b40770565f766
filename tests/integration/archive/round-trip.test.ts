// The whole archive out and back (lib/archive): export → import into a new database → export gives the
// same bytes, on the seed archive with editorial history (edits, a restore, a new topic and tag, a
// synonym group, an admin); and a refused import (a database that is not empty, a file cut short or
// with a bad record) writes nothing.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAccount } from '@/lib/auth/accounts';
import { migrateDatabase, type Writer } from '@/lib/db';
import { exportArchive } from '@/lib/archive/export';
import { ArchiveImportError, loadArchive, parseArchive } from '@/lib/archive/import';
import { ARCHIVE_TABLES } from '@/lib/archive/tables';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { archiveWithHistory } from '@/tests/support/archive-with-history';
import { scratchWriter } from '@/tests/support/scratch-writer';

const ROOT = path.resolve(import.meta.dirname, '../../..');

const exportOf = (writer: Writer, withAccounts = false) => [...exportArchive(writer.file, { withAccounts })].join('');

/** A new, migrated, empty database. */
const emptyDatabase = () => scratchWriter({ template: 'migratedTemplate' });

const counts = (writer: Writer) =>
  Object.fromEntries(ARCHIVE_TABLES.map((t) => [t.key, writer.db.prepare(`SELECT count(*) FROM "${t.table}"`).pluck().get() as number]));

describe('archive round trip', () => {
  it('export → import into a new database → export is byte-identical, history included', async () => {
    const source = await archiveWithHistory();
    const first = exportOf(source);
    const target = emptyDatabase();
    loadArchive(target, parseArchive(first));
    expect(exportOf(target)).toBe(first);
    // The same with the accounts.
    const withAccounts = exportOf(source, true);
    const target2 = emptyDatabase();
    loadArchive(target2, parseArchive(withAccounts));
    expect(exportOf(target2, true)).toBe(withAccounts);

    // What the file holds: the restore, the new topic and tag, the synonym, the admin without a hash.
    const file = JSON.parse(first);
    expect(file).toMatchObject({ format: 'interview-archive', version: 1, withAccounts: false });
    expect(file.revisions.filter((r: { entityType: string; entityId: number }) => r.entityType === 'document' && r.entityId === 1)).toHaveLength(3);
    expect(file.topics.map((t: { name: string }) => t.name)).toContain('Exile “abroad”');
    expect(file.synonyms.map((s: { term: string }) => s.term)).toEqual(expect.arrayContaining(['defector', 'escapee']));
    expect(file.users.map((u: { email: string; role: string }) => [u.email, u.role])).toContainEqual(['admin@example.org', 'admin']);
    expect(file.accounts).toBeUndefined();
    expect(first).not.toContain('$argon2');
    expect(JSON.parse(withAccounts).accounts[0].password).toMatch(/^\$argon2id\$/);
    // Ids kept: every passage at the id, anchor, speaker and text it had.
    const passages = (w: Writer) => w.db.prepare('SELECT id, documentId, position, anchor, speakerId, text FROM Passage ORDER BY id').all();
    expect(passages(target)).toEqual(passages(source));
  });

  it('rebuilds the passages’ full-text index from the loaded rows and leaves them to be embedded', async () => {
    const source = await archiveWithHistory();
    const target = emptyDatabase();
    loadArchive(target, parseArchive(exportOf(source)));
    const match = (w: Writer) => w.db.prepare(`SELECT rowid FROM passage_fts WHERE passage_fts MATCH '"korea"' ORDER BY rowid`).pluck().all();
    expect(match(target)).toEqual(match(source));
    expect(match(target).length).toBeGreaterThan(0);
    expect(target.db.prepare(`INSERT INTO passage_fts(passage_fts, rank) VALUES('integrity-check', 1)`).run()).toBeTruthy();
    expect(target.db.prepare('SELECT count(*) FROM PassageEmbeddingPending').pluck().get()).toBe(counts(target).passages);
  });

  it('keeps the ids a table has given, so a deleted row’s id is not given again', async () => {
    const source = await archiveWithHistory();
    source.db.prepare('DELETE FROM SearchSynonym WHERE id = (SELECT max(id) FROM SearchSynonym)').run();
    const highest = source.db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'SearchSynonym'").pluck().get() as number;
    const target = emptyDatabase();
    loadArchive(target, parseArchive(exportOf(source)));
    target.db.prepare('INSERT INTO SearchSynonym (term, "group") VALUES (\'new\', 99)').run();
    expect(target.db.prepare("SELECT id FROM SearchSynonym WHERE term = 'new'").pluck().get()).toBe(highest + 1);
  });
});

describe('a refused import writes nothing', () => {
  it('refuses a database that is not empty, and leaves it as it was', async () => {
    const source = await archiveWithHistory();
    const text = exportOf(source);
    const target = scratchWriter(); // the seeded archive
    const before = exportOf(target, true);
    expect(() => loadArchive(target, parseArchive(text))).toThrow(/not empty \(it holds 1 users, 2 speakers/);
    expect(exportOf(target, true)).toBe(before);
    // Even one user (an admin made first) is refused: ids would collide.
    const onlyUser = emptyDatabase();
    await createAccount(onlyUser, { email: 'first@example.org', name: 'First', role: 'admin', password: 'a long enough passphrase 1' });
    expect(() => loadArchive(onlyUser, parseArchive(text))).toThrow(/not empty \(it holds 1 users, 1 accounts, 1 auditEvents\)/);
  });

  it('refuses a file cut short, of another kind, or with a bad record, naming the first problem', async () => {
    const text = exportOf(await archiveWithHistory());
    const file = JSON.parse(text);
    const edited = (change: (f: typeof file) => void) => {
      const copy = structuredClone(file);
      change(copy);
      return JSON.stringify(copy);
    };
    const cases: [string, RegExp][] = [
      [text.slice(0, Math.floor(text.length / 2)), /not valid JSON \(is it cut short\?\)/],
      ['', /not valid JSON/],
      [edited((f) => (f.format = 'something-else')), /format: must be "interview-archive"/],
      [edited((f) => (f.version = 2)), /version: must be 1/],
      [edited((f) => (f.passages[4].kind = 'monologue')), /passages\[4\] \(id 5\), field kind: /],
      [edited((f) => (f.passages[2].text = null)), /passages\[2\] \(id 3\), field text: /],
      [edited((f) => (f.speakers[1].surprise = 1)), /speakers\[1\] \(id 2\).*surprise/],
      [edited((f) => delete f.revisions), /revisions: /],
      [edited((f) => (f.documents[0].createdAt = 'yesterday')), /documents\[0\] \(id 1\), field createdAt: must be a time/],
      [edited((f) => (f.sequences.Passage = 1)), /sequences\.Passage: 1 is below the highest id in passages/],
    ];
    for (const [bad, message] of cases) {
      expect(() => parseArchive(bad), String(message)).toThrow(message);
      expect(() => parseArchive(bad)).toThrow(ArchiveImportError);
    }
  });

  it('rolls back a load that meets a duplicate id or a reference to nothing, naming the record', async () => {
    const file = JSON.parse(exportOf(await archiveWithHistory()));
    const duplicate = structuredClone(file);
    duplicate.passages[7].id = duplicate.passages[6].id;
    const dangling = structuredClone(file);
    dangling.passages[9].speakerId = 77;
    for (const [bad, message] of [
      [duplicate, /passages\[7\] \(id 7\): UNIQUE constraint failed: Passage\.id/],
      [dangling, /passages\[9\] \(id 10\), field speakerId refers to a Speaker that is not in the archive/],
    ] as const) {
      const target = emptyDatabase();
      expect(() => loadArchive(target, parseArchive(JSON.stringify(bad)))).toThrow(message);
      expect(Object.values(counts(target)).every((n) => n === 0)).toBe(true);
      expect(target.db.prepare('SELECT count(*) FROM passage_fts').pluck().get()).toBe(0);
    }
  });
});

describe('the commands', () => {
  const run = (script: string, args: string[], file: string) =>
    spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}` },
      encoding: 'utf8',
    });

  it('archive:export writes the same bytes as the library, with a progress line; archive:import refuses and says nothing was written', async () => {
    const source = await archiveWithHistory();
    source.db.pragma('wal_checkpoint(TRUNCATE)');
    const out = path.join(path.dirname(source.file), `${path.basename(source.file)}.json`);
    const exported = run('archive-export', [out], source.file);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/Exporting \d+\/\d+ records \(100%\)/);
    expect(readFileSync(out, 'utf8')).toBe(exportOf(source));

    const notEmpty = scratchWriter();
    const before = exportOf(notEmpty, true);
    const refused = run('archive-import', [out], notEmpty.file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/The database is not empty.*\nNothing was written\./);
    expect(exportOf(notEmpty, true)).toBe(before);

    const fresh = emptyDatabase();
    const cut = `${out}.cut`;
    spawnSync('sh', ['-c', `head -c 2000 '${out}' > '${cut}'`]);
    const truncated = run('archive-import', [cut], fresh.file);
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toMatch(/not valid JSON \(is it cut short\?\).*\nNothing was written\./);
    migrateDatabase(fresh.file);
    expect(Object.values(counts(fresh)).every((n) => n === 0)).toBe(true);
  }, 120_000);
});

describe('the table list', () => {
  it('names every column of each exported table, so a new column cannot be left out of the file unseen', () => {
    const db = emptyDatabase().db;
    for (const table of ARCHIVE_TABLES) {
      const columns = (db.prepare(`PRAGMA table_info("${table.table}")`).all() as { name: string }[]).map((c) => c.name).sort();
      expect(table.columns.map((c) => c.name).sort(), table.table).toEqual(columns);
    }
  });
});
