// The web import's save on a real SQLite copy: new speakers and their document are one write, so a
// save refused after the speakers were made (a forged passage kind, a second speaker's name that
// makes no address, a taken document address) leaves the archive exactly as it was.
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { saveImport } from '@/lib/admin/import-save';
import { EditorialError, getDocumentForEditing, openWriter, ValidationError, type Writer } from '@/lib/editorial';
import { previewedImportForm } from '@/tests/support/import-form';
import { copyTemplateTarget } from '@/tests/support/per-file-database';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };

const TRANSCRIPT = ['Markets After the Famine', 'MH: Where did you grow up?', 'PO: In Hyesan, near the river.', 'MH: Were you afraid?', 'PO: Always.'].join(
  '\n\n',
);

const writers: Writer[] = [];
function fresh() {
  const writer = openWriter(copyTemplateTarget('seededTemplate'));
  writers.push(writer);
  const db = writer.db;
  /** Every row the archive's editorial tables hold, so "nothing written" is checked, not assumed. */
  const fingerprint = () =>
    ['Speaker', 'SpeakerAlias', 'Document', 'Participant', 'Passage', 'Revision', 'AuditEvent'].map((table) => {
      // In primary-key order (PostgreSQL has no rowid): the same order on both engines, row for row.
      const key = table === 'Participant' ? 'documentId, speakerId, role' : 'id';
      const rows = db.prepare(`SELECT * FROM "${table}" ORDER BY ${key}`).all();
      return `${table}: ${rows.length} rows, ${createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16)}`;
    });
  return { options: { writer }, db, fingerprint, speakers: () => (db.prepare('SELECT COUNT(*) AS n FROM Speaker').get() as { n: number }).n };
}

afterEach(() => {
  for (const writer of writers.splice(0)) writer.close();
});

/** Saving the form with these fields changed is refused with the given error, and not one row of the archive changes. */
async function expectRefusedUnchanged(t: ReturnType<typeof fresh>, fields: Record<string, string>, error: abstract new (...args: never[]) => Error) {
  const before = t.fingerprint();
  await expect(saveImport(ada, form(fields), t.options)).rejects.toBeInstanceOf(error);
  expect(t.fingerprint()).toEqual(before);
}

/** The form as the preview hands it back: both speakers new, every passage kept. */
function form(extra: Record<string, string> = {}): Record<string, string> {
  return previewedImportForm(
    { speakers: 2, passages: 4 },
    { raw: TRANSCRIPT, speakers: 'MH = Min-ho Park\nPO = Pyong-ok Choi', documentTitle: 'Markets After the Famine', date: '2018-08', ...extra },
  );
}

describe('saving an import', () => {
  it('writes the new speakers and the draft together, each with its revision and audit entry', async () => {
    const t = fresh();
    const before = t.speakers();
    const saved = await saveImport(ada, form(), t.options);
    expect(t.speakers()).toBe(before + 2);
    const document = getDocumentForEditing(saved.id, t.options)!;
    expect(document.passages.map((p) => p.kind)).toEqual(['question', 'answer', 'question', 'answer']);
    const speakers = t.db.prepare("SELECT id, name FROM Speaker WHERE name IN ('Min-ho Park', 'Pyong-ok Choi') ORDER BY name").all() as {
      id: number;
      name: string;
    }[];
    expect(speakers).toHaveLength(2);
    for (const s of speakers) {
      expect(t.db.prepare("SELECT version, message FROM Revision WHERE entityType = 'speaker' AND entityId = ?").all(s.id)).toEqual([
        { version: 1, message: 'Created' },
      ]);
      expect(t.db.prepare("SELECT action FROM AuditEvent WHERE entityType = 'speaker' AND entityId = ?").all(String(s.id))).toEqual([{ action: 'create' }]);
    }
    expect(t.db.prepare("SELECT message FROM Revision WHERE entityType = 'document' AND entityId = ?").all(saved.id)).toEqual([{ message: 'Imported' }]);
    // The answers are credited to the speaker who said them.
    const answerer = speakers.find((s) => s.name === 'Pyong-ok Choi')!.id;
    expect(document.passages.filter((p) => p.kind === 'answer').map((p) => p.speakerId)).toEqual([answerer, answerer]);
  });

  it('writes nothing when a passage kind is forged', async () => {
    const t = fresh();
    await expectRefusedUnchanged(t, { 'kind-1': 'sermon' }, ValidationError);
  });

  it('writes nothing when the second new speaker is refused after the first was made', async () => {
    const t = fresh();
    await expectRefusedUnchanged(t, { 'speaker-name-1': '!!!' }, ValidationError);
  });

  it('writes nothing when the document address is taken', async () => {
    const t = fresh();
    const taken = (t.db.prepare('SELECT slug FROM Document ORDER BY id LIMIT 1').get() as { slug: string }).slug;
    await expectRefusedUnchanged(t, { slug: taken }, EditorialError);
  });

  it('writes nothing when a chosen archive speaker does not exist', async () => {
    const t = fresh();
    await expectRefusedUnchanged(t, { 'speaker-0': '999999' }, EditorialError);
  });
});
