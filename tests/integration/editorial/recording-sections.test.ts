// A document's recording and table of contents in the write path (issue 12), on a real seeded SQLite
// copy: each change is one document version with its revision and audit entry; refusals write
// nothing; restores bring both back; the archive file carries a timed document with sections whole.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import {
  addSection,
  compareVersions,
  ConflictError,
  deletePassage,
  deleteSection,
  getDocumentForEditing,
  mergePassages,
  moveSection,
  restoreRevision,
  setDocumentRecording,
  updatePassage,
  updateSection,
  ValidationError,
} from '@/lib/editorial';
import { exportArchive } from '@/lib/archive/export';
import { loadArchive, parseArchive } from '@/lib/archive/import';
import { scratch, scratchWriter } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const ESSAY = 2; // 12 paragraphs, anchors 1…12

function fresh() {
  const { options, db, writer } = scratch();
  const doc = () => getDocumentForEditing(ESSAY, options)!;
  const writes = () => db.prepare('SELECT (SELECT count(*) FROM Revision) AS revisions, (SELECT count(*) FROM AuditEvent) AS audit').get();
  const sectionIds = () => db.prepare('SELECT id FROM DocumentSection WHERE documentId = ? ORDER BY position').pluck().all(ESSAY) as number[];
  return { options, db, writer, doc, writes, sectionIds };
}

describe('setDocumentRecording', () => {
  it('links an address, attaches a stored file (naming the file it replaced), removes it, each a revision and an audit entry', async () => {
    const t = fresh();
    const linked = await setDocumentRecording(ada, { id: ESSAY, expectedVersion: t.doc().version, url: 'https://media.example.org/essay.mp3' }, t.options);
    expect(t.doc()).toMatchObject({ recordingUrl: 'https://media.example.org/essay.mp3', recordingFile: null, recordingType: null });
    const stored = await setDocumentRecording(
      ada,
      { id: ESSAY, expectedVersion: linked.version, file: '0123456789abcdef0123456789abcdef.mp3', type: 'audio/mpeg' },
      t.options,
    );
    expect(stored.replacedFile).toBeNull();
    expect(t.doc()).toMatchObject({ recordingUrl: null, recordingFile: '0123456789abcdef0123456789abcdef.mp3', recordingType: 'audio/mpeg' });
    const removed = await setDocumentRecording(ada, { id: ESSAY, expectedVersion: stored.version, none: true }, t.options);
    expect(removed.replacedFile).toBe('0123456789abcdef0123456789abcdef.mp3');
    expect(t.doc()).toMatchObject({ recordingUrl: null, recordingFile: null, recordingType: null });
    const summaries = t.db
      .prepare("SELECT summary FROM AuditEvent WHERE entityType = 'document' AND entityId = ? ORDER BY id DESC LIMIT 3")
      .pluck()
      .all(String(ESSAY));
    expect(summaries).toEqual([
      expect.stringMatching(/^Removed the recording/),
      expect.stringMatching(/^Attached an uploaded/),
      expect.stringMatching(/^Linked/),
    ]);
    const diff = compareVersions('document', ESSAY, linked.version, stored.version, t.options);
    expect(diff.fields.map((f) => f.field)).toEqual(['recordingUrl', 'recordingFile', 'recordingType']);
    // A restore brings the stored file back.
    await restoreRevision(ada, 'document', ESSAY, stored.version, removed.version, undefined, t.options);
    expect(t.doc()).toMatchObject({ recordingFile: '0123456789abcdef0123456789abcdef.mp3', recordingType: 'audio/mpeg' });
  });

  it.each([
    ['a javascript: address', { url: 'javascript:alert(1)' }, 'url'],
    ['an ftp address', { url: 'ftp://example.org/a.mp3' }, 'url'],
    ['a file that is a path', { file: '../app.db', type: 'audio/mpeg' }, 'file'],
    ['a file without its type', { file: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mp3' }, 'type'],
    ['a type that is not audio or video', { file: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.html', type: 'text/html' }, 'type'],
    ['a file name the store could not have given', { file: 'interview.mp3', type: 'audio/mpeg' }, 'file'],
    ['an address and a file at once', { url: 'https://example.org/a.mp3', file: 'a.mp3', type: 'audio/mpeg' }, 'url'],
    ['nothing at all', {}, 'url'],
  ])('refuses %s with a message on the field, and writes nothing', async (_case, recording, field) => {
    const t = fresh();
    const before = { doc: t.doc(), writes: t.writes() };
    const error = await setDocumentRecording(ada, { id: ESSAY, expectedVersion: before.doc.version, ...recording }, t.options).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toContain(field);
    expect(t.doc()).toEqual(before.doc);
    expect(t.writes()).toEqual(before.writes);
  });

  it('refuses a stale version with a conflict, and writes nothing', async () => {
    const t = fresh();
    const v = t.doc().version;
    await setDocumentRecording(ada, { id: ESSAY, expectedVersion: v, url: 'https://example.org/one.mp3' }, t.options);
    const writes = t.writes();
    await expect(setDocumentRecording(ada, { id: ESSAY, expectedVersion: v, url: 'https://example.org/two.mp3' }, t.options)).rejects.toBeInstanceOf(
      ConflictError,
    );
    expect(t.doc().recordingUrl).toBe('https://example.org/one.mp3');
    expect(t.writes()).toEqual(writes);
  });
});

describe('the table of contents', () => {
  it('adds sections in reading order, edits, moves and deletes them, each a revision', async () => {
    const t = fresh();
    let v = t.doc().version;
    v = (await addSection(ada, { documentId: ESSAY, expectedVersion: v, title: 'Later', startAnchor: 7 }, t.options)).version;
    v = (await addSection(ada, { documentId: ESSAY, expectedVersion: v, title: 'Opening', synopsis: 'How it began.', startAnchor: 1 }, t.options)).version;
    expect(t.doc().sections).toEqual([
      { title: 'Opening', synopsis: 'How it began.', keywords: [], startAnchor: 1 },
      { title: 'Later', synopsis: null, keywords: [], startAnchor: 7 },
    ]);
    const [opening, later] = t.sectionIds();
    v = (await updateSection(ada, { documentId: ESSAY, expectedVersion: v, sectionId: later, title: 'The end', synopsis: '', startAnchor: 10 }, t.options))
      .version;
    v = (await moveSection(ada, { documentId: ESSAY, expectedVersion: v, sectionId: later, direction: 'up' }, t.options)).version;
    expect(t.doc().sections.map((s) => [s.title, s.startAnchor])).toEqual([
      ['The end', 10],
      ['Opening', 1],
    ]);
    expect(t.sectionIds()).toEqual([later, opening]);
    const deleted = await deleteSection(ada, { documentId: ESSAY, expectedVersion: v, sectionId: opening }, t.options);
    expect(t.doc().sections.map((s) => s.title)).toEqual(['The end']);
    const summaries = t.db.prepare("SELECT summary FROM AuditEvent WHERE entityType = 'document' AND entityId = ? ORDER BY id").pluck().all(String(ESSAY));
    expect(summaries.slice(-5)).toEqual([
      expect.stringMatching(/^Added the section “Later”/),
      expect.stringMatching(/^Added the section “Opening”/),
      expect.stringMatching(/^Edited the section “The end”/),
      expect.stringMatching(/^Moved the section “The end” up/),
      expect.stringMatching(/^Deleted the section “Opening”/),
    ]);
    // The history shows the outline's change, and a restore brings the deleted section back.
    const diff = compareVersions('document', ESSAY, v, deleted.version, t.options);
    expect(diff.fields).toEqual([
      expect.objectContaining({ field: 'sections', before: '“The end” from passage 10\n“Opening” from passage 1 — How it began.' }),
    ]);
    await restoreRevision(ada, 'document', ESSAY, v, deleted.version, undefined, t.options);
    expect(t.doc().sections.map((s) => s.title)).toEqual(['The end', 'Opening']);
  });

  it.each([
    ['a start passage the document does not have', { title: 'Nowhere', startAnchor: 99 }, 'startAnchor'],
    ['an empty title', { title: '  ', startAnchor: 1 }, 'title'],
    ['a title of two lines', { title: 'One\nTwo', startAnchor: 1 }, 'title'],
  ])('refuses %s, and writes nothing', async (_case, section, field) => {
    const t = fresh();
    const before = { doc: t.doc(), writes: t.writes() };
    const error = await addSection(ada, { documentId: ESSAY, expectedVersion: before.doc.version, ...section }, t.options).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors)).toEqual([field]);
    expect(t.doc()).toEqual(before.doc);
    expect(t.writes()).toEqual(before.writes);
  });

  it('refuses moving the first section up, and writes nothing', async () => {
    const t = fresh();
    const added = await addSection(ada, { documentId: ESSAY, expectedVersion: t.doc().version, title: 'Only', startAnchor: 1 }, t.options);
    const writes = t.writes();
    const error = await moveSection(ada, { documentId: ESSAY, expectedVersion: added.version, sectionId: t.sectionIds()[0], direction: 'up' }, t.options).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toBe('The section is already the first.');
    expect(t.writes()).toEqual(writes);
  });

  it('a section never points at a passage that is gone: deleting or merging its passage moves it on', async () => {
    const t = fresh();
    let v = t.doc().version;
    v = (await addSection(ada, { documentId: ESSAY, expectedVersion: v, title: 'At three', startAnchor: 3 }, t.options)).version;
    v = (await addSection(ada, { documentId: ESSAY, expectedVersion: v, title: 'At five', startAnchor: 5 }, t.options)).version;
    v = (await deletePassage(ada, { documentId: ESSAY, expectedVersion: v, anchor: 3 }, t.options)).version;
    expect(t.doc().sections.map((s) => s.startAnchor)).toEqual([4, 5]);
    await mergePassages(ada, { documentId: ESSAY, expectedVersion: v, first: 4, second: 5 }, t.options);
    expect(t.doc().sections.map((s) => s.startAnchor)).toEqual([4, 4]);
  });
});

describe('the archive file', () => {
  it('export → import → export is identical for a timed document with a recording and sections', async () => {
    const t = fresh();
    let v = t.doc().version;
    v = (await updatePassage(ada, { documentId: ESSAY, expectedVersion: v, anchor: 1, startMs: 0, endMs: 4200 }, t.options)).version;
    v = (await setDocumentRecording(ada, { id: ESSAY, expectedVersion: v, file: '0123456789abcdef0123456789abcdef.mp3', type: 'audio/mpeg' }, t.options))
      .version;
    await addSection(ada, { documentId: ESSAY, expectedVersion: v, title: 'Opening', synopsis: 'The start.', startAnchor: 1 }, t.options);
    const first = [...exportArchive(t.writer.file, {})].join('');
    const target = scratchWriter({ template: 'migratedTemplate' });
    loadArchive(target, parseArchive(first));
    expect([...exportArchive(target.file, {})].join('')).toBe(first);
    const copy = getDocumentForEditing(ESSAY, { writer: target })!;
    expect(copy).toEqual(t.doc());
    expect(copy.passages[0]).toMatchObject({ startMs: 0, endMs: 4200 });
    expect(copy).toMatchObject({ recordingFile: '0123456789abcdef0123456789abcdef.mp3', sections: [{ title: 'Opening', startAnchor: 1 }] });
  });
});
