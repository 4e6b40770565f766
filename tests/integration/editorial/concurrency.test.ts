// The write path under contention. Prisma's better-sqlite3 adapter can lose an acknowledged write
// when a COMMIT meets a busy database (prisma/orm#29933); the editorial writer uses BEGIN IMMEDIATE
// on its own connection instead (on PostgreSQL: BEGIN and a transaction-scoped advisory lock). These
// tests prove, with real separate processes on one database (a SQLite file, a PostgreSQL database):
//  1. three processes saving the same passage and the same document 30 times each at once: every
//     save that was acknowledged is in the revision history, at its own version, and nothing else is;
//  2. a save meeting another connection's write lock waits for it and succeeds, losing neither write;
//  3. a save that cannot get the lock within its busy timeout fails with BusyError and writes nothing.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { BusyError, getDocumentForEditing, listRevisions, openWriter, updatePassage, type DocumentSnapshot, type Writer } from '@/lib/editorial';
import { getRevision } from '@/lib/editorial/revisions';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { databaseTarget } from '@/lib/db';
import { indexMatches } from '@/tests/support/full-text-probe';
import { copyTemplateTarget, copyTemplateUrl } from '@/tests/support/per-file-database';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const editor: Editor = { id: 'u-main', name: 'Main Process', email: 'main@example.org', role: 'editor' };

interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves with the first line (already received or to come) that satisfies `test`. */
  waitFor(test: (line: string) => boolean): Promise<string>;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const writers: Writer[] = [];
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill();
  for (const writer of writers.splice(0)) writer.close();
});

function run(code: string, env: Record<string, string>, withTsx: boolean): Child {
  const args = [...(withTsx ? SCRIPT_NODE_ARGS : []), '--input-type=module', '-e', code];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.push(child);
  const lines: string[] = [];
  const waiters: { test: (line: string) => boolean; resolve: (line: string) => void }[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    for (const waiter of waiters.splice(0)) {
      if (waiter.test(line)) waiter.resolve(line);
      else waiters.push(waiter);
    }
  });
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0) console.error(`child exited with ${code}:\n${stderr}`);
      resolve(code);
    }),
  );
  return {
    process: child,
    lines,
    exited,
    waitFor: (test) =>
      new Promise((resolve, reject) => {
        const seen = lines.find(test);
        if (seen) return resolve(seen);
        waiters.push({ test, resolve });
        exited.then(() => setTimeout(() => reject(new Error(`child exited before the line came; stderr:\n${stderr}`)), 50));
      }),
  };
}

// A worker: waits for "go" on stdin, then saves SAVES times, each time reading the current version
// outside the write transaction (as a form would) and retrying a ConflictError with the new version.
// Even workers edit passage 2's text, odd ones the document's summary: one entry, two kinds of save.
const WORKER = `
const { updatePassage, updateDocumentFields, getDocumentForEditing, ConflictError } = await import(${JSON.stringify(path.join(ROOT, 'lib/editorial/index.ts'))});
const id = Number(process.env.WORKER_ID);
const saves = Number(process.env.SAVES);
const editor = { id: 'worker-' + id, name: 'Worker ' + id, email: 'worker' + id + '@example.org', role: 'editor' };
console.log('ready');
await new Promise((resolve) => process.stdin.once('data', resolve));
process.stdin.destroy();
let conflicts = 0;
for (let i = 0; i < saves; i++) {
  const value = 'worker ' + id + ' save ' + i;
  for (;;) {
    const version = getDocumentForEditing(1).version;
    try {
      const result = id % 2 === 0
        ? await updatePassage(editor, { documentId: 1, expectedVersion: version, anchor: 2, text: value })
        : await updateDocumentFields(editor, { id: 1, expectedVersion: version, summary: value });
      console.log(JSON.stringify({ ack: true, worker: id, version: result.version, value, field: id % 2 === 0 ? 'text' : 'summary' }));
      break;
    } catch (error) {
      if (error instanceof ConflictError) { conflicts++; continue; }
      console.log(JSON.stringify({ failed: String(error) }));
      process.exit(1);
    }
  }
}
console.log(JSON.stringify({ done: true, worker: id, conflicts }));
`;

// Holds the write lock for HOLD_MS inside a write transaction of its own writer on DB_TARGET (SQLite:
// BEGIN IMMEDIATE; PostgreSQL: the advisory lock), with a write in it, then commits. The thread
// blocks, as a long write would: the lock is held by the transaction, not by a timer. (Standard
// output to a pipe is synchronous on Linux, so "locked" is out before the wait.)
const LOCK_HOLDER = `
const { openWriter } = await import(${JSON.stringify(path.join(ROOT, 'lib/db/writer.ts'))});
const writer = openWriter(process.env.DB_TARGET);
writer.write((db) => {
  db.prepare("UPDATE Topic SET description = 'written while holding the lock' WHERE id = 1").run();
  console.log('locked');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Number(process.env.HOLD_MS));
});
console.log('released');
writer.close();
`;

describe('concurrent saves from three processes', () => {
  it('keeps every acknowledged save in the revision history, each at its own version, and nothing unacknowledged', { timeout: 180_000 }, async () => {
    const url = copyTemplateUrl('seededTemplate');
    const WORKERS = 3;
    const SAVES = 30;
    const workers = Array.from({ length: WORKERS }, (_, id) => run(WORKER, { DATABASE_URL: url, WORKER_ID: String(id), SAVES: String(SAVES) }, true));
    await Promise.all(workers.map((w) => w.waitFor((line) => line === 'ready')));
    for (const w of workers) w.process.stdin!.end('go\n');
    const codes = await Promise.all(workers.map((w) => w.exited));
    expect(codes).toEqual([0, 0, 0]);

    const acks = workers.flatMap((w) =>
      w.lines.filter((l) => l.startsWith('{"ack"')).map((l) => JSON.parse(l) as { worker: number; version: number; value: string; field: 'text' | 'summary' }),
    );
    const done = workers.map((w) => JSON.parse(w.lines.find((l) => l.includes('"done"'))!) as { conflicts: number });
    expect(acks).toHaveLength(WORKERS * SAVES);

    // Each acknowledged save has its own version: 2…91 (version 1 is the seeded baseline).
    const versions = acks.map((a) => a.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: WORKERS * SAVES }, (_, i) => i + 2));

    const writer = openWriter(databaseTarget(url));
    writers.push(writer);
    const options = { writer };
    const history = listRevisions('document', 1, options);
    expect(history.map((r) => r.version)).toEqual(Array.from({ length: WORKERS * SAVES + 1 }, (_, i) => WORKERS * SAVES + 1 - i));

    // Every acknowledged save is in its revision, by its worker, with the value it saved.
    for (const ack of acks) {
      const revision = getRevision('document', 1, ack.version, options)!;
      expect(revision.editorId).toBe(`worker-${ack.worker}`);
      const snapshot = revision.snapshot as DocumentSnapshot;
      const saved = ack.field === 'text' ? snapshot.passages.find((p) => p.anchor === 2)!.text : snapshot.summary;
      expect(saved).toBe(ack.value);
    }
    // Nothing unacknowledged: every revision after the baseline is one of the acknowledged saves.
    const acked = new Set(acks.map((a) => `${a.version}:worker-${a.worker}`));
    expect(history.filter((r) => r.version > 1 && !acked.has(`${r.version}:${r.editorId}`))).toEqual([]);

    // The entry ends as the last save left it, and the search index agrees with the passage.
    const current = getDocumentForEditing(1, options)!;
    expect(current.version).toBe(WORKERS * SAVES + 1);
    expect(current).toEqual({ ...(getRevision('document', 1, WORKERS * SAVES + 1, options)!.snapshot as DocumentSnapshot) });
    const lastText = acks.filter((a) => a.field === 'text').sort((a, b) => b.version - a.version)[0];
    expect(current.passages.find((p) => p.anchor === 2)!.text).toBe(lastText.value);
    // The index has the passage under the last text, and under no earlier one.
    const { id: passageId } = writer.db.prepare('SELECT id FROM Passage WHERE documentId = 1 AND anchor = 2').get() as { id: number };
    const indexedUnder = acks.filter((a) => a.field === 'text' && indexMatches(writer.db, passageId, `"${a.value}"`)).map((a) => a.value);
    expect(indexedUnder).toEqual([lastText.value]);
    // The audit log has one update per acknowledged save.
    expect(
      (writer.db.prepare("SELECT COUNT(*) AS n FROM AuditEvent WHERE entityType = 'document' AND entityId = '1' AND action = 'update'").get() as { n: number })
        .n,
    ).toBe(WORKERS * SAVES);
    // The workers did race: stale versions were refused and retried rather than overwriting.
    expect(done.reduce((sum, d) => sum + d.conflicts, 0)).toBeGreaterThan(0);
  });
});

describe('a save meeting another connection’s write lock', () => {
  it('waits for the lock (busy timeout) and succeeds, and the other write is kept too', { timeout: 60_000 }, async () => {
    const target = copyTemplateTarget('seededTemplate');
    const writer = openWriter(target);
    writers.push(writer);
    const holder = run(LOCK_HOLDER, { DB_TARGET: target, HOLD_MS: '1500' }, true);
    await holder.waitFor((line) => line === 'locked');
    const started = Date.now();
    const result = await updatePassage(editor, { documentId: 1, expectedVersion: 1, anchor: 2, text: 'Saved after waiting for the lock.' }, { writer });
    const waited = Date.now() - started;
    expect(await holder.exited).toBe(0);
    expect(holder.lines).toEqual(['locked', 'released']);
    expect(waited).toBeGreaterThanOrEqual(1000);
    expect(waited).toBeLessThan(5000);
    expect(result).toMatchObject({ version: 2, changed: true });
    expect(getDocumentForEditing(1, { writer })!.passages[1].text).toBe('Saved after waiting for the lock.');
    expect(getRevision('document', 1, 2, { writer })!.snapshot).toMatchObject({ version: 2 });
    expect(writer.db.prepare('SELECT description FROM Topic WHERE id = 1').get()).toEqual({ description: 'written while holding the lock' });
  });

  it('fails with BusyError and writes nothing when the lock outlasts the busy timeout', { timeout: 60_000 }, async () => {
    const target = copyTemplateTarget('seededTemplate');
    const writer = openWriter(target, { busyTimeoutMs: 200 });
    writers.push(writer);
    const auditCount = () => (writer.db.prepare('SELECT COUNT(*) AS n FROM AuditEvent').get() as { n: number }).n;
    // The seed's own version 1 and audit entries, there before the refused save.
    const revisionsBefore = listRevisions('document', 1, { writer });
    const auditsBefore = auditCount();
    const holder = run(LOCK_HOLDER, { DB_TARGET: target, HOLD_MS: '1500' }, true);
    await holder.waitFor((line) => line === 'locked');
    const error = await updatePassage(editor, { documentId: 1, expectedVersion: 1, anchor: 2, text: 'Never saved.' }, { writer }).catch((e) => e);
    expect(error).toBeInstanceOf(BusyError);
    expect(error.message).toBe('The archive is busy with another change and nothing was saved. Please save again in a moment.');
    expect(await holder.exited).toBe(0);
    const doc = getDocumentForEditing(1, { writer })!;
    expect(doc.version).toBe(1);
    expect(doc.passages[1].text).not.toBe('Never saved.');
    expect(listRevisions('document', 1, { writer })).toEqual(revisionsBefore);
    expect(auditCount()).toBe(auditsBefore);
    // Once the lock is gone the same save goes through.
    const retried = await updatePassage(editor, { documentId: 1, expectedVersion: 1, anchor: 2, text: 'Saved on retry.' }, { writer });
    expect(retried.version).toBe(2);
  });
});
