// The archive's version: every committed editorial write adds one in its own transaction, a write
// that changes nothing or is refused adds nothing, and the server's watcher tells its own writes
// from another process's. runWrite renews pages without a Next request around it without throwing.
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { bumpArchiveVersion, checkArchiveVersion, noteForeignRenewal, readArchiveVersion, resetArchiveVersionWatch } from '@/lib/cache/archive-version';
import { openWriter } from '@/lib/db';
import { ConflictError, updateSpeaker } from '@/lib/editorial';
import { scratch } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const JEFF = 1;

afterEach(() => resetArchiveVersionWatch());

describe('archive version', () => {
  it('a committed change adds one; an unchanged or refused one adds nothing', async () => {
    const t = scratch();
    const start = readArchiveVersion(t.db);
    const result = await updateSpeaker(ada, { id: JEFF, expectedVersion: 1, name: 'Jeffrey Kim' }, t.options);
    expect(result.changed).toBe(true);
    expect(readArchiveVersion(t.db)).toBe(start + 1);

    const same = await updateSpeaker(ada, { id: JEFF, expectedVersion: 2, name: 'Jeffrey Kim' }, t.options);
    expect(same.changed).toBe(false);
    expect(readArchiveVersion(t.db)).toBe(start + 1);

    await expect(updateSpeaker(ada, { id: JEFF, expectedVersion: 1, name: 'Stale' }, t.options)).rejects.toBeInstanceOf(ConflictError);
    expect(readArchiveVersion(t.db)).toBe(start + 1);
  });

  it('the watcher takes its own writes as accounted for, and sees another process’s', async () => {
    const t = scratch();
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('first');
    await updateSpeaker(ada, { id: JEFF, expectedVersion: 1, name: 'Jeffrey Kim' }, t.options);
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('same');

    // Another process: its own connection to the file, its runWrite's bump, and no word to this one.
    const other = openWriter(t.writer.file);
    try {
      other.write((db) => bumpArchiveVersion(db));
    } finally {
      other.close();
    }
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('foreign');
    noteForeignRenewal(); // the watcher renewed every page
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('same');
  });

  it('another process’s write stays foreign until its renewal succeeded, and our own writes meanwhile stay our own', async () => {
    const t = scratch();
    checkArchiveVersion(readArchiveVersion(t.db));
    const other = openWriter(t.writer.file);
    other.write((db) => bumpArchiveVersion(db));
    other.close();
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('foreign');
    // The renewal failed: nothing noted, so the next look asks for it again.
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('foreign');
    await updateSpeaker(ada, { id: JEFF, expectedVersion: 1, name: 'Jeffrey Kim' }, t.options);
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('foreign');
    noteForeignRenewal();
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('same');
  });

  it('a foreign write between two of our own is still seen', async () => {
    const t = scratch();
    checkArchiveVersion(readArchiveVersion(t.db));
    const other = openWriter(t.writer.file);
    other.write((db) => bumpArchiveVersion(db));
    other.close();
    await updateSpeaker(ada, { id: JEFF, expectedVersion: 1, name: 'Jeffrey Kim' }, t.options);
    expect(checkArchiveVersion(readArchiveVersion(t.db))).toBe('foreign');
  });
});
