// The write path on PostgreSQL (lib/db/postgres): a synchronous better-sqlite3-shaped connection over a
// worker thread, and a writer whose transactions hold one advisory lock. Against a real server:
//  - statements in the shared dialect are translated and answer as better-sqlite3 does (run's changes
//    and lastInsertRowid, get, all, pluck, raw, booleans, Buffers, int8 and timestamps);
//  - a write that throws leaves nothing behind; an async function is refused and rolled back;
//  - two OS processes writing read-check-write transactions at once lose no acknowledged write and
//    never interleave (without the lock, READ COMMITTED would let both read the same counter);
//  - the engine dispatch: openWriter, withWriter and sharedWriterFor pick PostgreSQL by URL.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeWriters,
  createPrismaClient,
  databaseFileOf,
  defaultPostgresMigrationsDir,
  isWriteBusy,
  openWriter,
  sharedWriterFor,
  withWriter,
  type Writer,
} from '@/lib/db';
import { isoTimestamp } from '@/lib/db/postgres/values';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const postgresServer = throwawayPostgres('writer');
let url: string;
let writer: Writer;

beforeAll(() => {
  url = postgresServer.freshDatabase();
  writer = openWriter(url);
  writer.db.exec(`
    CREATE TABLE "Note" (id serial PRIMARY KEY, "noteText" text NOT NULL, flagged boolean NOT NULL DEFAULT false,
                         body bytea, "createdAt" timestamp(3), big bigint);
    CREATE TABLE "NoteTag" ("noteId" integer NOT NULL, tag text NOT NULL, PRIMARY KEY ("noteId", tag));
    CREATE TABLE counter (id integer PRIMARY KEY, n integer NOT NULL);
    CREATE TABLE counted (n integer PRIMARY KEY, by text NOT NULL);
    INSERT INTO counter VALUES (1, 0);
  `);
});

afterAll(() => {
  writer?.close();
  closeWriters();
});

describe('PostgresWriteDb answers as better-sqlite3 does', () => {
  it('runs translated statements: changes, lastInsertRowid, get, all, pluck, raw', () => {
    const first = writer.write((db) => db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('one'));
    const second = writer.write((db) => db.prepare('INSERT INTO Note (noteText, flagged) VALUES (?, ?);').run('two', 1));
    expect(first).toEqual({ changes: 1, lastInsertRowid: expect.any(Number) });
    expect(second.lastInsertRowid).toBe(Number(first.lastInsertRowid) + 1);
    // A table without an integer id: no RETURNING id, lastInsertRowid says nothing (0).
    const tagged = writer.write((db) =>
      db.prepare('INSERT INTO NoteTag (noteId, tag) VALUES (?, ?), (?, ?)').run(first.lastInsertRowid, 'a', first.lastInsertRowid, 'b'),
    );
    expect(tagged).toEqual({ changes: 2, lastInsertRowid: 0 });

    // An insert that does nothing on a conflict changes nothing and names no row.
    const ignored = writer.write((db) =>
      db.prepare('INSERT INTO Note (id, noteText) VALUES (?, ?) ON CONFLICT DO NOTHING').run(first.lastInsertRowid, 'again'),
    );
    expect(ignored).toEqual({ changes: 0, lastInsertRowid: 0 });

    const updated = writer.write((db) => db.prepare('UPDATE Note SET noteText = noteText || ? WHERE id >= ?').run('!', first.lastInsertRowid));
    expect(updated.changes).toBe(2);
    expect(writer.db.prepare('SELECT id, noteText, flagged FROM Note WHERE id = ?').get(second.lastInsertRowid)).toEqual({
      id: second.lastInsertRowid,
      noteText: 'two!',
      flagged: 1,
    });
    expect(writer.db.prepare('SELECT noteText FROM Note WHERE id = ?').get(-1)).toBeUndefined();
    expect(writer.db.prepare('SELECT noteText FROM Note ORDER BY id').pluck().all()).toEqual(['one!', 'two!']);
    expect(writer.db.prepare('SELECT noteId, tag FROM NoteTag ORDER BY tag').raw().all()).toEqual([
      [first.lastInsertRowid, 'a'],
      [first.lastInsertRowid, 'b'],
    ]);
    expect([...writer.db.prepare('SELECT tag FROM NoteTag ORDER BY tag').pluck().iterate()]).toEqual(['a', 'b']);
    // count(*) is int8 on PostgreSQL: a number here, as SQLite gives it.
    expect(writer.db.prepare('SELECT count(*) FROM Note WHERE flagged = ?').pluck().get(true)).toBe(1);
  });

  it('takes booleans and Buffers as values, and gives back Buffers, numbers and ISO timestamps', () => {
    const body = Buffer.from([0, 1, 2, 250, 255]);
    const at = '2026-11-22T16:14:09.233+00:00';
    const { lastInsertRowid: id } = writer.write((db) =>
      db.prepare('INSERT INTO Note (noteText, flagged, body, createdAt, big) VALUES (?, ?, ?, ?, ?)').run('bytes', false, body, at, 2 ** 40),
    );
    const row = writer.db.prepare('SELECT flagged, body, createdAt, big FROM Note WHERE id = ?').get(id) as Record<string, unknown>;
    expect(Buffer.isBuffer(row.body)).toBe(true);
    expect(row).toEqual({ flagged: 0, body, createdAt: at, big: 2 ** 40 });
    // The worker's own parser (sync-types.mjs) agrees with the reader's (values.ts).
    expect(row.createdAt).toBe(isoTimestamp('2026-11-22 16:14:09.233'));
  });

  it('keeps user_version as SQLite does, inside write transactions, in the table its migration makes', () => {
    expect(writer.db.pragma('user_version', { simple: true })).toBe(0);
    expect(() => writer.write((db) => db.pragma('user_version = 7'))).toThrow(/archive_user_version is missing: the database is not migrated/);
    writer.db.exec(readFileSync(path.join(defaultPostgresMigrationsDir, '20261202090000_bookkeeping', 'migration.sql'), 'utf8'));
    expect(writer.db.pragma('user_version', { simple: true })).toBe(0);
    writer.write((db) => db.pragma('user_version = 7'));
    expect(writer.db.pragma('user_version', { simple: true })).toBe(7);
    expect(() => writer.db.pragma('journal_mode = WAL')).toThrow(/SQLite's/);
  });
});

describe('the PostgreSQL writer', () => {
  const notes = () => writer.db.prepare('SELECT count(*) FROM Note').pluck().get() as number;

  it('rolls back everything when the function throws, and rethrows', () => {
    const before = notes();
    expect(() =>
      writer.write((db) => {
        db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('lost');
        db.prepare('UPDATE counter SET n = n + 100').run();
        throw new Error('changed my mind');
      }),
    ).toThrow('changed my mind');
    expect(notes()).toBe(before);
    expect(writer.db.prepare('SELECT n FROM counter').pluck().get()).toBe(0);
    expect(writer.db.inTransaction).toBe(false);
  });

  it('rolls back a statement error with PostgreSQL’s code on the error', () => {
    const before = notes();
    let caught: unknown;
    try {
      writer.write((db) => {
        db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('first');
        db.prepare('INSERT INTO Note (id, noteText) VALUES (?, ?)').run(1, 'duplicate id');
      });
    } catch (error) {
      caught = error;
    }
    expect((caught as { code?: string }).code).toBe('23505');
    expect(notes()).toBe(before);
    // The connection is usable again after the rollback.
    expect(writer.write((db) => db.prepare('SELECT 1 AS one').get())).toEqual({ one: 1 });
  });

  it('never reports a write saved when PostgreSQL rolled it back: a caught statement error still fails the write', () => {
    const before = notes();
    expect(() =>
      writer.write((db) => {
        db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('kept?');
        try {
          db.prepare('INSERT INTO Note (id, noteText) VALUES (?, ?)').run(1, 'duplicate id');
        } catch {
          // Swallowed: on SQLite the first insert would commit; PostgreSQL has aborted the transaction.
        }
        return 'done';
      }),
    ).toThrow(/rolled back/);
    expect(notes()).toBe(before);
  });

  it('a lost connection fails the write with nothing saved, and the shared writer opens a new one', () => {
    const shared = withWriter(url);
    const before = notes();
    const backend = shared.db.prepare('SELECT pg_backend_pid()').pluck().get() as number;
    // An administrator (or a server restart) ends the shared writer's session from outside.
    writer.write((db) => db.prepare('SELECT pg_terminate_backend(?)').run(backend));
    expect(() => shared.write((db) => db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('into the void'))).toThrow();
    expect(shared.db.open).toBe(false);
    const renewed = withWriter(url);
    expect(renewed).not.toBe(shared);
    renewed.write((db) => db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('after the loss'));
    expect(notes()).toBe(before + 1);
    expect(renewed.db.prepare('SELECT noteText FROM Note ORDER BY id DESC LIMIT 1').pluck().get()).toBe('after the loss');
  });

  it('refuses an async function and writes nothing of it', () => {
    const before = notes();
    expect(() =>
      writer.write(async (db) => {
        db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('async');
      }),
    ).toThrow(TypeError);
    expect(notes()).toBe(before);
  });

  it('makes a nested write a savepoint of the outer one', () => {
    const before = notes();
    writer.write((db) => {
      db.prepare('INSERT INTO Note (noteText) VALUES (?)').run('outer');
      expect(() =>
        writer.write((inner) => {
          inner.prepare('INSERT INTO Note (noteText) VALUES (?)').run('inner');
          throw new Error('inner only');
        }),
      ).toThrow('inner only');
    });
    expect(notes()).toBe(before + 1);
  });

  it('waits for another writer’s lock, and fails as busy past its timeout', () => {
    const other = openWriter(url, { busyTimeoutMs: 200 });
    try {
      // This thread cannot hold one lock and wait on it at once: the outer write holds it on one
      // connection while the other connection (same process) asks for it and gives up after 200 ms.
      let caught: unknown;
      writer.write(() => {
        try {
          other.write((db) => db.prepare('UPDATE counter SET n = n').run());
        } catch (error) {
          caught = error;
        }
      });
      expect(isWriteBusy(caught)).toBe(true);
      expect((caught as { code?: string }).code).toBe('55P03');
      // Once the lock is free the same writer goes through.
      expect(other.write((db) => db.prepare('SELECT 2 AS two').get())).toEqual({ two: 2 });
    } finally {
      other.close();
    }
  });
});

// Each child: `count` read-check-write transactions: read the counter, wait a little (pg_sleep, so two
// unserialized transactions would overlap), write n+1 and record it with the child's name; one line
// "ack <n>" per write, printed only after write() returned (after COMMIT).
const CHILD = `
const { openWriter } = await import(${JSON.stringify(path.join(ROOT, 'lib/db/index.ts'))});
const writer = openWriter(process.env.PG_URL, { busyTimeoutMs: 60000 });
for (let i = 0; i < Number(process.env.COUNT); i++) {
  const n = writer.write((db) => {
    const n = db.prepare('SELECT n FROM counter WHERE id = 1').pluck().get() + 1;
    db.prepare('SELECT pg_sleep(0.002)').get();
    db.prepare('UPDATE counter SET n = ? WHERE id = 1').run(n);
    db.prepare('INSERT INTO counted (n, by) VALUES (?, ?)').run(n, process.env.NAME);
    return n;
  });
  console.log('ack ' + n);
}
writer.close();
`;

function child(name: string, count: number): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, [...SCRIPT_NODE_ARGS, '--input-type=module', '-e', CHILD], {
      cwd: ROOT,
      env: { ...process.env, PG_URL: url, COUNT: String(count), NAME: name },
    });
    let out = '';
    let err = '';
    process_.stdout.on('data', (chunk) => (out += chunk));
    process_.stderr.on('data', (chunk) => (err += chunk));
    process_.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${name} exited with ${code}: ${err}`));
      resolve(
        out
          .split('\n')
          .filter((line) => line.startsWith('ack '))
          .map((line) => Number(line.slice(4))),
      );
    });
  });
}

describe('two processes writing at once through the PostgreSQL writer', () => {
  it('lose no acknowledged write and never interleave a read-check-write', async () => {
    writer.write((db) => {
      db.prepare('UPDATE counter SET n = 0').run();
      db.prepare('DELETE FROM counted').run();
    });
    const count = 40;
    const [a, b] = await Promise.all([child('a', count), child('b', count)]);
    expect(a).toHaveLength(count);
    expect(b).toHaveLength(count);
    // Serialized: the acknowledged values are exactly 1..2·count, each once, and all are stored.
    const acknowledged = [...a, ...b].sort((x, y) => x - y);
    expect(acknowledged).toEqual(Array.from({ length: 2 * count }, (_, i) => i + 1));
    expect(writer.db.prepare('SELECT n FROM counter').pluck().get()).toBe(2 * count);
    const stored = writer.db.prepare('SELECT n, by FROM counted ORDER BY n').all() as { n: number; by: string }[];
    expect(stored.map((row) => row.n)).toEqual(acknowledged);
    expect(stored.filter((row) => row.by === 'a').map((row) => row.n)).toEqual(a);
  }, 120_000);
});

describe('the worker thread', () => {
  it('is found from the module’s own folder when the process runs elsewhere than the project folder', async () => {
    const code = `
      process.chdir(${JSON.stringify(tmpdir())});
      const { openWriter } = await import(${JSON.stringify(path.join(ROOT, 'lib/db/index.ts'))});
      const writer = openWriter(process.env.PG_URL);
      console.log('ack ' + writer.write((db) => db.prepare('SELECT count(*) FROM counter').pluck().get()));
      writer.close();
    `;
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...SCRIPT_NODE_ARGS, '--input-type=module', '-e', code], { cwd: ROOT, env: { ...process.env, PG_URL: url } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      child.on('exit', (status) => (status === 0 ? resolve(stdout) : reject(new Error(stderr))));
    });
    expect(out.trim()).toBe('ack 1');
  });
});

describe('engine dispatch', () => {
  it('picks the PostgreSQL writer by URL, for a URL and for a Prisma client made for it', async () => {
    const shared = withWriter(url);
    expect(shared.file).toBe(url);
    expect(withWriter(url)).toBe(shared);
    const client = createPrismaClient(url);
    try {
      expect(await databaseFileOf(client)).toBe(url);
      expect(await sharedWriterFor(client)).toBe(shared);
    } finally {
      await client.$disconnect();
    }
    expect(shared.write((db) => db.prepare('SELECT count(*) FROM counted').pluck().get())).toBe(80);
  });
});
