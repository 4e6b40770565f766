// Revision history: a baseline for seeded entries, one revision per saved change (documents,
// passages, speakers, topics), readable word-level diffs, and restores that bring back old versions
// — deleted passages with their old anchors — as NEW revisions, never rewriting history.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import {
  addPassage,
  compareVersions,
  ConflictError,
  deletePassage,
  diffRevisions,
  EditorialError,
  ensureBaselineRevision,
  getDocumentForEditing,
  getRevision,
  listRevisions,
  mergeSpeakers,
  NotFoundError,
  reorderPassages,
  restoreRevision,
  softDeleteDocument,
  tagPassage,
  updateDocumentFields,
  updatePassage,
  updateSpeaker,
  updateTopic,
  type DocumentSnapshot,
  type SpeakerSnapshot,
  type TopicSnapshot,
} from '@/lib/editorial';
import { createSpeaker } from '@/lib/editorial/speakers';
import { indexedIds } from '@/tests/support/full-text-probe';
import { scratchWriter } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const ben: Editor = { id: 'u-ben', name: 'Ben Editor', email: 'ben@example.org', role: 'editor' };

function fresh() {
  const writer = scratchWriter();
  const options = { writer };
  return {
    options,
    db: writer.db,
    doc: (id: number) => getDocumentForEditing(id, options)!,
    fts: (word: string) => indexedIds(writer.db, `"${word}"`),
    revisionRows: (type: string, id: number) =>
      writer.db.prepare('SELECT version, snapshot, message, editorId FROM Revision WHERE entityType = ? AND entityId = ? ORDER BY version').all(type, id) as {
        version: number;
        snapshot: string;
        message: string;
        editorId: string | null;
      }[],
  };
}

describe('revisions', () => {
  it('gives an entry written before revisions existed a baseline version 1, once', async () => {
    const t = fresh();
    // The seed writes version 1 itself now; an archive seeded before it did has entries without one.
    t.db.prepare("DELETE FROM Revision WHERE entityType = 'document' AND entityId = 1").run();
    expect(listRevisions('document', 1, t.options)).toEqual([]);
    await ensureBaselineRevision('document', 1, t.options);
    await ensureBaselineRevision('document', 1, t.options);
    const revisions = listRevisions('document', 1, t.options);
    expect(revisions.map((r) => [r.version, r.editorId, r.message])).toEqual([[1, null, 'Version 1, as created or imported']]);
    const baseline = getRevision('document', 1, 1, t.options)!.snapshot;
    expect(baseline).toEqual(t.doc(1));
    expect(baseline.passages.map((p) => p.anchor)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(baseline.nextAnchor).toBe(7);
    await expect(ensureBaselineRevision('speaker', 404, t.options)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('stores the entry after each change, with the new version, the editor and the time', async () => {
    const t = fresh();
    await updateDocumentFields(ada, { id: 1, expectedVersion: 1, title: 'Second title' }, t.options);
    await updatePassage(ben, { documentId: 1, expectedVersion: 2, anchor: 3, text: 'A rewritten question?' }, t.options);
    await tagPassage(ada, { documentId: 1, expectedVersion: 3, anchor: 3, topicId: 7 }, t.options);
    const rows = t.revisionRows('document', 1);
    expect(rows.map((r) => [r.version, r.editorId, r.message])).toEqual([
      [1, 'system', 'Seeded'],
      [2, 'u-ada', 'Edited title'],
      [3, 'u-ben', 'Edited passage 3'],
      [4, 'u-ada', 'Tagged passage 3 with china'],
    ]);
    const v3 = JSON.parse(rows[2].snapshot) as DocumentSnapshot;
    expect(v3).toMatchObject({ version: 3, title: 'Second title' });
    expect(v3.passages[2]).toMatchObject({ anchor: 3, text: 'A rewritten question?', topics: ['engagement-and-diplomacy', 'human-rights'] });
    expect(JSON.parse(rows[3].snapshot)).toEqual(t.doc(1));
    const listed = listRevisions('document', 1, t.options)[0];
    expect(listed).toMatchObject({ entityType: 'document', entityId: 1, version: 4, editorName: 'Ada Editor' });
    expect(Math.abs(Date.parse(listed.createdAt) - Date.now())).toBeLessThan(60_000);

    await updateSpeaker(ada, { id: 1, expectedVersion: 1, bio: 'Jeff Kim interviews.', aliases: ['JK', 'J. Kim'] }, t.options);
    const speakerRows = t.revisionRows('speaker', 1);
    expect(speakerRows.map((r) => [r.version, r.message])).toEqual([
      [1, 'Seeded'],
      [2, 'Edited bio, aliases'],
    ]);
    expect(JSON.parse(speakerRows[1].snapshot)).toEqual({
      type: 'speaker',
      id: 1,
      version: 2,
      slug: 'jeff-kim',
      name: 'Jeff Kim',
      bio: 'Jeff Kim interviews.',
      bioSource: 'Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea (George W. Bush Institute)',
      aliases: ['J. Kim', 'JK'],
    });

    await updateTopic(ada, { id: 3, expectedVersion: 1, name: 'Sanctions regimes', parentId: 4 }, t.options);
    expect(JSON.parse(t.revisionRows('topic', 3)[1].snapshot)).toMatchObject({
      type: 'topic',
      version: 2,
      name: 'Sanctions regimes',
      parentId: 4,
      parentSlug: 'engagement-and-diplomacy',
    });
  });
});

describe('diffRevisions', () => {
  it('gives field changes and per-passage word-level changes, matched by anchor', async () => {
    const t = fresh();
    await updateDocumentFields(ada, { id: 1, expectedVersion: 1, title: 'Seongmin Lee Q&A Part 2: On U.S. Relations' }, t.options);
    const original = t.doc(1).passages.find((p) => p.anchor === 5)!.text;
    await updatePassage(ada, { documentId: 1, expectedVersion: 2, anchor: 5, text: original.replace('More and more people', 'Fewer people') }, t.options);
    await deletePassage(ada, { documentId: 1, expectedVersion: 3, anchor: 1 }, t.options);
    await addPassage(ada, { documentId: 1, expectedVersion: 4, afterAnchor: 6, kind: 'paragraph', speakerId: 2, text: 'A closing word.' }, t.options);
    await reorderPassages(ada, { documentId: 1, expectedVersion: 5, order: [2, 5, 6, 3, 4, 7] }, t.options);

    const diff = compareVersions('document', 1, 1, 6, t.options);
    expect(diff).toMatchObject({ entityType: 'document', id: 1, fromVersion: 1, toVersion: 6, participants: null, aliases: null });
    expect(diff.fields).toHaveLength(1);
    expect(diff.fields[0]).toMatchObject({
      field: 'title',
      before: 'Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea',
      after: 'Seongmin Lee Q&A Part 2: On U.S. Relations',
    });
    expect(diff.fields[0].parts!.filter((p) => p.removed).map((p) => p.value.trim())).toEqual(['Thoughts on', 'with North Korea']);
    expect(diff.fields[0].parts!.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['On']);

    expect(diff.passages.map((p) => [p.anchor, p.change, p.moved])).toEqual([
      [1, 'removed', false],
      [2, 'changed', false],
      [5, 'changed', false],
      [3, 'moved', true],
      [4, 'moved', true],
      [7, 'added', false],
    ]);
    // Passage 2 answered passage 1, which is gone: its question changed, its text did not.
    expect(diff.passages[1]).toMatchObject({ text: null, fields: [{ field: 'questionAnchor', before: 1, after: null, parts: null }] });
    const changed = diff.passages.find((p) => p.anchor === 5)!;
    expect(changed.text!.filter((p) => p.removed).map((p) => p.value)).toEqual(['More and more']);
    expect(changed.text!.filter((p) => p.added).map((p) => p.value)).toEqual(['Fewer']);
    expect(
      changed
        .text!.filter((p) => !p.added && !p.removed)
        .map((p) => p.value)
        .join(''),
    ).toContain('people are starting to show interest');
    expect(changed.position).toEqual({ before: 5, after: 2 });
    const removed = diff.passages.find((p) => p.anchor === 1)!;
    expect(removed.text).toEqual([{ value: removed.before!.text, added: false, removed: true }]);
    const added = diff.passages.find((p) => p.anchor === 7)!;
    expect(added).toMatchObject({ after: { text: 'A closing word.' }, text: [{ value: 'A closing word.', added: true, removed: false }] });
    expect(diff.counts).toEqual({ added: 1, removed: 1, changed: 2, moved: 2, unchanged: 1 });
  });

  it('diffs speakers and topics: fields word by word, aliases added and removed', async () => {
    const t = fresh();
    await updateSpeaker(ada, { id: 2, expectedVersion: 1, bio: 'A defector and writer.', aliases: ['SL', 'Seongmin'] }, t.options);
    await updateSpeaker(ada, { id: 2, expectedVersion: 2, bio: 'A defector, artist and writer.' }, t.options);
    const diff = diffRevisions(getRevision('speaker', 2, 2, t.options)!, getRevision('speaker', 2, 3, t.options)!);
    expect(diff.fields.map((f) => f.field)).toEqual(['bio']);
    expect(diff.fields[0].parts).toEqual([
      { value: 'A defector', added: false, removed: false },
      { value: ', artist ', added: true, removed: false },
      { value: 'and writer.', added: false, removed: false },
    ]);
    const aliases = compareVersions('speaker', 2, 1, 2, t.options).aliases;
    expect(aliases).toEqual({ added: ['Seongmin'], removed: ['Lee Seongmin'] });
    await expect(async () => diffRevisions(getRevision('speaker', 2, 1, t.options)!, t.doc(1))).rejects.toBeInstanceOf(EditorialError);
  });
});

describe('restoreRevision', () => {
  it('brings back a version: fields, texts, topics, and a deleted passage with its old anchor, as a new revision', async () => {
    const t = fresh();
    const v1 = t.doc(1);
    const thirdId = (t.db.prepare('SELECT id FROM Passage WHERE documentId = 1 AND anchor = 3').get() as { id: number }).id;
    await updateDocumentFields(ada, { id: 1, expectedVersion: 1, title: 'A retitled interview', date: '2018' }, t.options);
    await updatePassage(ada, { documentId: 1, expectedVersion: 2, anchor: 2, text: 'Short answer.' }, t.options);
    await deletePassage(ada, { documentId: 1, expectedVersion: 3, anchor: 3 }, t.options);
    const added = await addPassage(
      ada,
      { documentId: 1, expectedVersion: 4, afterAnchor: 6, kind: 'paragraph', speakerId: 1, text: 'An afterword.' },
      t.options,
    );
    expect(added.anchor).toBe(7);
    expect(t.fts('table')).not.toContain(thirdId);
    const historyBefore = t.revisionRows('document', 1);

    const restored = await restoreRevision(ben, 'document', 1, 1, 5, undefined, t.options);
    expect(restored).toMatchObject({ version: 6, changed: true, restoredVersion: 1, warnings: [] });
    const now = t.doc(1);
    expect({ ...now, version: 1, nextAnchor: 0 }).toEqual({ ...v1, nextAnchor: 0 });
    expect(now.passages.map((p) => p.anchor)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(now.passages[2]).toEqual(v1.passages[2]);
    expect(now.passages[3].questionAnchor).toBe(3);
    expect(t.db.prepare('SELECT title, publishedOn, datePrecision, version FROM Document WHERE id = 1').get()).toEqual({
      title: v1.title,
      publishedOn: '2018-08-28',
      datePrecision: 'day',
      version: 6,
    });
    // The search index has the restored passage again (a new row id, the same anchor and words).
    const newThirdId = (t.db.prepare('SELECT id FROM Passage WHERE documentId = 1 AND anchor = 3').get() as { id: number }).id;
    expect(t.fts('table')).toContain(newThirdId);
    expect(t.fts('afterword')).toEqual([]);

    // History is only added to.
    const historyAfter = t.revisionRows('document', 1);
    expect(historyAfter.slice(0, 5)).toEqual(historyBefore);
    expect(historyAfter[5]).toMatchObject({ version: 6, message: 'Restored version 1', editorId: 'u-ben' });
    expect(t.db.prepare("SELECT action, actorId, summary FROM AuditEvent WHERE action = 'restore'").all()).toEqual([
      {
        action: 'restore',
        actorId: 'u-ben',
        summary: 'Restored version 1 of the document “Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea” (now version 6)',
      },
    ]);

    // Anchor 7 was given once; the restore removed its passage, but it is never given again.
    const next = await addPassage(ada, { documentId: 1, expectedVersion: 6, afterAnchor: 6, kind: 'paragraph', text: 'Another afterword.' }, t.options);
    expect(next.anchor).toBe(8);

    // Restoring version 5 brings anchor 7 back, with its text, and removes anchor 3 again.
    await restoreRevision(ada, 'document', 1, 5, 7, 'Back to the short answer', t.options);
    expect(t.doc(1).passages.map((p) => [p.anchor, p.text.slice(0, 13)])).toEqual([
      [1, v1.passages[0].text.slice(0, 13)],
      [2, 'Short answer.'],
      [4, v1.passages[3].text.slice(0, 13)],
      [5, v1.passages[4].text.slice(0, 13)],
      [6, v1.passages[5].text.slice(0, 13)],
      [7, 'An afterword.'],
    ]);
    expect(listRevisions('document', 1, t.options)[0]).toMatchObject({ version: 8, message: 'Back to the short answer' });
  });

  it('refuses a stale version and a missing revision, changing nothing; restoring the current content changes nothing', async () => {
    const t = fresh();
    await updatePassage(ada, { documentId: 1, expectedVersion: 1, anchor: 1, text: 'Changed.' }, t.options);
    const stale = await restoreRevision(ben, 'document', 1, 1, 1, undefined, t.options).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.current.passages[0].text).toBe('Changed.');
    expect(stale.currentVersion).toBe(2);
    expect(stale.attempted).toMatchObject({ entityType: 'document', revisionVersion: 1, action: 'restore' });
    await expect(restoreRevision(ben, 'document', 1, 9, 2, undefined, t.options)).rejects.toBeInstanceOf(NotFoundError);
    expect(t.doc(1)).toMatchObject({ version: 2 });
    expect(t.doc(1).passages[0].text).toBe('Changed.');
    const same = await restoreRevision(ben, 'document', 1, 2, 2, undefined, t.options);
    expect(same).toMatchObject({ version: 2, changed: false });
    expect(t.revisionRows('document', 1)).toHaveLength(2);
  });

  it('refuses to restore into a deleted document', async () => {
    const t = fresh();
    await softDeleteDocument(ada, { id: 2, expectedVersion: 1 }, t.options);
    const error = await restoreRevision(ada, 'document', 2, 1, 2, undefined, t.options).catch((e) => e);
    expect(error).toBeInstanceOf(EditorialError);
    expect(t.doc(2).deletedAt).not.toBeNull();
  });

  it('restores speakers and topics', async () => {
    const t = fresh();
    // The index has Seongmin Lee's passages under "S. Lee" while the rename lasts, and only then.
    const hers = (t.db.prepare('SELECT id FROM Passage WHERE speakerId = 2 ORDER BY id').all() as { id: number }[]).map((r) => r.id);
    expect(hers.length).toBeGreaterThan(1);
    expect(indexedIds(t.db, '"s lee"')).toEqual([]);
    await updateSpeaker(ada, { id: 2, expectedVersion: 1, name: 'S. Lee', slug: 's-lee', aliases: [] }, t.options);
    expect(indexedIds(t.db, '"s lee"')).toEqual(hers);
    const speaker = await restoreRevision(ben, 'speaker', 2, 1, 2, undefined, t.options);
    expect(speaker).toMatchObject({ version: 3, changed: true });
    expect(speaker.paths).toEqual(expect.arrayContaining(['/speakers/s-lee', '/speakers/seongmin-lee']));
    const now = getRevision('speaker', 2, 3, t.options)!.snapshot as SpeakerSnapshot;
    expect(now).toMatchObject({ name: 'Seongmin Lee', slug: 'seongmin-lee', aliases: ['Lee Seongmin', 'SL'], version: 3 });
    expect(indexedIds(t.db, '"s lee"')).toEqual([]);

    await updateTopic(ada, { id: 7, expectedVersion: 1, name: 'PRC', description: '', parentId: 4 }, t.options);
    await restoreRevision(ben, 'topic', 7, 1, 2, undefined, t.options);
    const topic = getRevision('topic', 7, 3, t.options)!.snapshot as TopicSnapshot;
    expect(topic).toMatchObject({ name: 'China', description: "China's role: trade across the border and the enforcement of sanctions.", parentId: null });
  });

  it('follows a speaker merged since to where it went', async () => {
    const t = fresh();
    const kim = await createSpeaker(ada, { name: 'J. Kim' }, t.options);
    await updatePassage(ada, { documentId: 1, expectedVersion: 1, anchor: 1, speakerId: kim.id }, t.options);
    await updatePassage(ada, { documentId: 1, expectedVersion: 2, anchor: 1, speakerId: 1 }, t.options);
    await mergeSpeakers(ada, { targetId: 2, expectedTargetVersion: 1, sourceId: kim.id, expectedSourceVersion: 1 }, t.options);
    const restored = await restoreRevision(ada, 'document', 1, 2, 3, undefined, t.options);
    expect(restored.warnings).toEqual([]);
    expect(t.doc(1).passages[0]).toMatchObject({ anchor: 1, speakerId: 2, speakerSlug: 'seongmin-lee' });
  });
});
