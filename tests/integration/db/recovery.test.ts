// Crash safety of the write path: a writer process saving through lib/editorial is killed with
// SIGKILL at random moments, fifteen times, restarting each time; afterwards SQLite's integrity
// check and the FTS5 checks pass and every save acknowledged before a kill is in its revision.
// (`npm run test:crash` runs the same for hundreds of kills.) The second block proves that the
// verification notices a lost save, a gap in the history, and a damaged index.
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCrashTest, verifyAfterCrashes } from '@/scripts/crash-harness';
import type { CrashAck } from '@/scripts/crash-writer';
import { copyTemplate } from '@/tests/support/per-file-database';

describe('a writer killed with SIGKILL at random moments', () => {
  it('leaves an intact database holding every acknowledged save', { timeout: 300_000 }, async () => {
    const file = copyTemplate('seededTemplate');
    const report = await runCrashTest({ file, kills: 15, writers: 1 });
    expect(report.problems).toEqual([]);
    expect(report.kills).toBe(15);
    // It did save, between the kills, on both documents and both kinds of field.
    expect(report.acks.length).toBeGreaterThan(15);
    expect(new Set(report.acks.map((a) => a.documentId)).size).toBe(2);
    const db = new Database(file, { readonly: true });
    const editors = db.prepare("SELECT count(DISTINCT editorId) FROM Revision WHERE editorId LIKE 'crash-%'").pluck().get() as number;
    db.close();
    // Every restart is a new writer; most of the sixteen got to save.
    expect(editors).toBeGreaterThan(5);
  });
});

describe('the verification after the crashes', () => {
  it('notices an acknowledged save that is not there, a revision missing, and a broken index', async () => {
    const file = copyTemplate('seededTemplate');
    const { acks, problems } = await runCrashTest({ file, kills: 1, writers: 1, minDelayMs: 300, maxDelayMs: 600 });
    expect(problems).toEqual([]);
    expect(acks.length).toBeGreaterThan(2);

    const invented: CrashAck = { ...acks[0], value: 'A save that never happened.' };
    expect(verifyAfterCrashes(file, [...acks, invented])).toEqual([
      `acknowledged save lost: ${invented.writer} #${invented.seq}, document ${invented.documentId} version ${invented.version}`,
    ]);

    const last = acks.at(-1)!;
    const db = new Database(file);
    db.prepare("DELETE FROM Revision WHERE entityType = 'document' AND entityId = ? AND version = ?").run(last.documentId, last.version);
    db.prepare('DELETE FROM passage_words_fts WHERE rowid = (SELECT min(id) FROM Passage)').run();
    db.close();
    const found = verifyAfterCrashes(file, acks);
    expect(found).toContain('search index: passage_words_fts: 1 passage(s) not indexed');
    expect(found).toContain(`acknowledged save lost: ${last.writer} #${last.seq}, document ${last.documentId} version ${last.version}`);
    expect(found.some((p) => p.startsWith(`document ${last.documentId}: revisions `))).toBe(true);
  });
});
