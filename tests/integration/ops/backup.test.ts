// Backup and restore on real files, through the real commands where the command is what a user
// runs: a backup taken while another process saves through the app's write path is a consistent
// snapshot (every save up to its moment, none after) and passes verification; old backups are
// pruned; bad input is refused with a message and changes nothing; a restore verifies first,
// refuses a database in use, keeps a safety copy and swaps the file whole.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { inject, describe, expect, it, afterEach } from 'vitest';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { applyMigrations, openDatabase, readMigrations } from '@/lib/db';
import { backupDatabase, BACKUP_NAME } from '@/lib/ops/backup';
import { integrityCheck } from '@/lib/ops/integrity';
import type { CrashAck } from '@/scripts/crash-writer';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const children: ReturnType<typeof spawn>[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** A folder of its own holding a copy of the seeded archive as archive.db. */
function workspace(): { dir: string; file: string } {
  const template = inject('seededTemplate');
  const dir = mkdtempSync(path.join(path.dirname(template), 'ops-'));
  const file = path.join(dir, 'archive.db');
  copyFileSync(template, file);
  return { dir, file };
}

function run(script: 'backup' | 'restore', args: string[], file: string) {
  const result = spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, `scripts/${script}.ts`, ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Every file of a folder with a hash of its bytes: equal before and after means nothing changed. */
function fingerprint(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map(
      (entry) =>
        `${entry.name}:${createHash('sha256')
          .update(readFileSync(path.join(dir, entry.name)))
          .digest('hex')}`,
    )
    .sort();
}

function query<T>(file: string, sql: string, ...params: unknown[]): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

describe('npm run backup', () => {
  it('writes a verified, self-contained copy and keeps only the newest N', () => {
    const { dir, file } = workspace();
    const backups = path.join(dir, 'backups', 'nested');
    const made: string[] = [];
    for (let i = 0; i < 3; i++) {
      const result = run('backup', [backups, '--keep', '2'], file);
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toMatch(
        /^Backed up .* to .*archive-\d{8}T\d{6}\.\d{3}Z\.db \(.*\)\.\nVerified: integrity check ok, search index ok, row counts equal .*Passage 18,/,
      );
      made.push(/ to (\S+archive-\S+\.db) /.exec(result.stdout)![1]);
    }
    expect(readdirSync(backups).sort()).toEqual(made.slice(1).map((f) => path.basename(f)));
    for (const backup of made.slice(1)) {
      const db = new Database(backup, { readonly: true });
      expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(integrityCheck(db).ok).toBe(true);
      expect(db.prepare('SELECT count(*) FROM Passage').pluck().get()).toBe(18);
      db.close();
    }
  });

  it('refuses a folder it cannot write, a missing database and a bad --keep, writing nothing', () => {
    const { dir, file } = workspace();
    const before = fingerprint(dir);
    const underAFile = run('backup', [path.join(file, 'backups')], file);
    expect(underAFile).toMatchObject({ status: 1, stdout: '' });
    expect(underAFile.stderr).toBe(`backup: cannot write backups to ${path.join(file, 'backups')} (ENOTDIR)\n`);

    const missing = run('backup', [path.join(dir, 'b')], path.join(dir, 'nothing.db'));
    expect(missing).toMatchObject({ status: 1, stderr: `backup: there is no database at ${path.join(dir, 'nothing.db')}\n` });

    for (const args of [[path.join(dir, 'b'), '--keep', '0'], [path.join(dir, 'b'), '--keep', 'seven'], []]) {
      const usage = run('backup', args, file);
      expect(usage.status).toBe(2);
      expect(usage.stderr).toMatch(/^backup: .*\n\nUsage: npm run backup -- <dir> \[--keep N\]/);
    }
    expect(fingerprint(dir)).toEqual(before);
    expect(existsSync(path.join(dir, 'b'))).toBe(false);
  });

  it('keeps no copy of a database that fails verification, and no partial file', () => {
    const { dir, file } = workspace();
    const db = new Database(file);
    db.unsafeMode(true);
    db.prepare('DELETE FROM passage_fts_data WHERE id = (SELECT max(id) FROM passage_fts_data)').run();
    db.close();
    const backups = path.join(dir, 'backups');
    const result = run('backup', [backups], file);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /^backup: the copy failed verification, so it was not kept: integrity check: fts5: corruption found reading blob \d+ from table "passage_fts"\n$/,
    );
    expect(readdirSync(backups)).toEqual([]);
  });

  it('takes a consistent snapshot while another process saves through the write path', { timeout: 120_000 }, async () => {
    const { dir, file } = workspace();
    const writer = spawn(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/crash-writer.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: `file:${file}`, CRASH_WRITER: 'backup-test' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(writer);
    const acks: CrashAck[] = [];
    let wanted = 0;
    let reached: () => void = () => {};
    createInterface({ input: writer.stdout! }).on('line', (line) => {
      if (!line.startsWith('ack ')) return;
      acks.push(JSON.parse(line.slice(4)));
      if (acks.length >= wanted) reached();
    });
    const waitForAcks = (n: number) => new Promise<void>((resolve) => ((wanted = n), (reached = resolve), acks.length >= n && resolve()));
    await waitForAcks(30);

    // An abandoned partial copy of a killed backup (no such process) is cleared away.
    const backups = path.join(dir, 'backups');
    mkdirSync(backups);
    writeFileSync(path.join(backups, '.archive-20200101T000000.000Z.db.partial-999999999'), 'left over');

    const acksAtStart = acks.length;
    const steps: number[] = [];
    const result = await backupDatabase({
      source: file,
      dir: backups,
      keep: 7,
      migrations: readMigrations(),
      pagesPerStep: 1,
      onProgress: (copied) => {
        steps.push(copied);
        // A slow disk, so that the writer's saves land between the copy's steps.
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3);
      },
    });
    const acksDuring = acks.length - acksAtStart;
    await waitForAcks(acks.length + 5);
    writer.kill('SIGKILL');

    expect(result.verification).toMatchObject({ ok: true, problems: [] });
    expect(readdirSync(backups)).toEqual([path.basename(result.file)]);
    expect(BACKUP_NAME.test(path.basename(result.file))).toBe(true);
    // Copied a page at a time, in order, to the end, while saves went on.
    expect(steps.length).toBeGreaterThan(50);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(acksDuring).toBeGreaterThan(0);

    // The copy is one moment of the archive: each document holds exactly the acknowledged saves up
    // to its version there, and the live database has gone on past it.
    for (const documentId of [1, 2]) {
      const version = query<{ version: number }>(result.file, 'SELECT version FROM Document WHERE id = ?', documentId).version;
      const revisions = query<{ n: number }>(result.file, "SELECT count(*) AS n FROM Revision WHERE entityType = 'document' AND entityId = ?", documentId).n;
      expect(revisions).toBe(version);
      for (const ack of acks.filter((a) => a.documentId === documentId && a.version <= version)) {
        const row = query<{ snapshot: string } | undefined>(
          result.file,
          "SELECT snapshot FROM Revision WHERE entityType = 'document' AND entityId = ? AND version = ?",
          documentId,
          ack.version,
        );
        expect(row?.snapshot).toContain(JSON.stringify(ack.value));
      }
    }
    expect(query<{ n: number }>(result.file, 'SELECT count(*) AS n FROM Revision').n).toBe(result.counts.Revision);
    expect(query<{ n: number }>(file, 'SELECT count(*) AS n FROM Revision').n).toBeGreaterThan(result.counts.Revision);
  });
});

describe('npm run restore', () => {
  it('verifies the backup, keeps the current database as a safety copy and puts the backup in its place', () => {
    const { dir, file } = workspace();
    const backups = path.join(dir, 'backups');
    expect(run('backup', [backups], file).status).toBe(0);
    const backup = path.join(backups, readdirSync(backups)[0]);
    // A change after the backup: the restore takes it away, the safety copy keeps it.
    const db = openDatabase(file);
    db.prepare("UPDATE Passage SET text = 'Changed after the backup.' WHERE id = 1").run();
    db.close();

    const backupsBefore = fingerprint(backups);
    const result = run('restore', [backup], file);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const safety = /kept at (\S+)\.$/m.exec(result.stdout)![1];
    expect(path.dirname(safety)).toBe(dir);
    expect(path.basename(safety)).toMatch(/^archive\.before-restore-\d{8}T\d{6}\.\d{3}Z\.db$/);
    expect(query<{ text: string }>(safety, 'SELECT text FROM Passage WHERE id = 1').text).toBe('Changed after the backup.');
    expect(query<{ text: string }>(file, 'SELECT text FROM Passage WHERE id = 1').text).not.toBe('Changed after the backup.');
    const restored = new Database(file);
    expect(restored.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(integrityCheck(restored).ok).toBe(true);
    restored.close();
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    // The backup itself was only read.
    expect(fingerprint(backups)).toEqual(backupsBefore);
  });

  it('restores an older backup, saying which migrations the next start applies', () => {
    const { dir } = workspace();
    const older = path.join(dir, 'older.db');
    const db = openDatabase(older);
    const migrations = readMigrations();
    applyMigrations(db, migrations.slice(0, -1));
    db.pragma('journal_mode = DELETE');
    db.close();
    const target = path.join(dir, 'fresh', 'archive.db');
    const result = run('restore', [older], target);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('There was no database before.');
    expect(result.stdout).toContain(`The next start applies 1 newer migration(s): ${migrations.at(-1)!.name}.`);
  });

  it('refuses a missing file, a text file, a corrupt database, a foreign database and a newer one, changing nothing', () => {
    const { dir, file } = workspace();
    const inputs = path.join(mkdtempSync(path.join(dir, '..', 'inputs-')));
    const make = (name: string, build: (db: Database.Database) => void) => {
      const target = path.join(inputs, name);
      copyFileSync(file, target);
      const db = new Database(target);
      db.unsafeMode(true);
      build(db);
      db.pragma('journal_mode = DELETE');
      db.close();
      return target;
    };
    writeFileSync(path.join(inputs, 'notes.db'), 'Dear editor, this is a letter.\n'.repeat(100));
    const foreign = path.join(inputs, 'foreign.db');
    const other = new Database(foreign);
    other.exec("CREATE TABLE Recipe (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO Recipe (name) VALUES ('kimchi');");
    other.close();
    const corruptIndex = make('corrupt-index.db', (db) => db.prepare('DELETE FROM passage_fts_data WHERE id = (SELECT max(id) FROM passage_fts_data)').run());
    const newer = make('newer.db', (db) =>
      db
        .prepare(
          "INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES ('n', 'c', '29990101000000_later', 1, 1)",
        )
        .run(),
    );
    const edited = make('edited-migration.db', (db) =>
      db.prepare("UPDATE _prisma_migrations SET checksum = 'different' WHERE migration_name = (SELECT min(migration_name) FROM _prisma_migrations)").run(),
    );
    // Bytes overwritten in the middle of the Passage table, as a failing disk would.
    const damaged = path.join(inputs, 'damaged.db');
    copyFileSync(file, damaged);
    const root = query<{ rootpage: number }>(file, "SELECT rootpage FROM sqlite_master WHERE name = 'Passage'").rootpage;
    const pageSize = query<{ page_size: number }>(file, 'SELECT page_size FROM pragma_page_size').page_size;
    const bytes = readFileSync(damaged);
    bytes.fill(0x5a, (root - 1) * pageSize + 8, root * pageSize - 100);
    writeFileSync(damaged, bytes);

    const cases: [string, RegExp][] = [
      [path.join(inputs, 'missing.db'), /^restore: there is no file at .*missing\.db\. Nothing was changed\.\n$/],
      [path.join(inputs, 'notes.db'), /^restore: .*notes\.db is not a SQLite database\. Nothing was changed\.\n$/],
      [foreign, /^restore: .*foreign\.db failed verification: no migrations are recorded .*not an archive database\. Nothing was changed\.\n$/],
      [
        corruptIndex,
        /^restore: .*corrupt-index\.db failed verification: integrity check: fts5: corruption found reading blob \d+ from table "passage_fts"\. Nothing was changed\.\n$/,
      ],
      [newer, /^restore: .*newer\.db failed verification: migration\(s\) newer than this code: 29990101000000_later\. Nothing was changed\.\n$/],
      [
        edited,
        /^restore: .*edited-migration\.db failed verification: migration\(s\) applied from a different file than this code has: .*\. Nothing was changed\.\n$/,
      ],
      // Which of the two SQLite reports depends on where the damaged pages fall in the file (it varies with
      // the layout): its integrity check lists the broken cells, or reading Passage through the search
      // index's view (external content) stops at the damage. Either way: refused, nothing changed.
      [
        damaged,
        /^restore: .*damaged\.db failed verification: (it cannot be read as a database \(SQLITE_CORRUPT\)|integrity check: Tree \d+ page \d+ cell \d+: .*; and \d+ more)\. Nothing was changed\.\n$/,
      ],
      [file, /^restore: that is the live database itself, not a backup\. Nothing was changed\.\n$/],
    ];
    const before = fingerprint(dir);
    const inputsBefore = fingerprint(inputs);
    for (const [input, message] of cases) {
      const result = run('restore', [input], file);
      expect(result.status, input).toBe(1);
      expect(result.stderr, input).toMatch(message);
      expect(result.stdout, input).toBe('');
    }
    expect(fingerprint(dir)).toEqual(before);
    expect(fingerprint(inputs)).toEqual(inputsBefore);
  });

  it('refuses while another process has the database open, changing nothing', { timeout: 60_000 }, async () => {
    const { dir, file } = workspace();
    const backups = path.join(dir, 'backups');
    expect(run('backup', [backups], file).status).toBe(0);
    const backup = path.join(backups, readdirSync(backups)[0]);
    // A stand-in for a running server: a connection in WAL mode that has read, left open.
    const server = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.pragma('journal_mode = WAL'); db.prepare('SELECT count(*) FROM Passage').get(); console.log('serving'); setInterval(() => {}, 1000);`,
        file,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    children.push(server);
    await new Promise((resolve) => server.stdout!.once('data', resolve));
    const before = fingerprint(dir);
    const result = run('restore', [backup], file);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('restore: the database is in use by another process (is the server running? stop it first). Nothing was changed.\n');
    expect(fingerprint(dir)).toEqual(before);
  });
});
