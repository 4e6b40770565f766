// A Word transcript through the back office's save into a real SQLite file: the .docx (written by the
// docx library) carried back as base64 with its name and read again on save; bold and capitals labels
// give each turn its speaker; a damaged file is refused and writes nothing.
import { Paragraph, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { speakerHints } from '@/lib/admin/import-preview';
import { saveImport } from '@/lib/admin/import-save';
import { ImportError } from '@/lib/import';
import { parseDocx } from '@/lib/import/formats';
import { docxOf } from '@/tests/unit/import/docx-files';
import { carriedFile, previewedImportForm } from '@/tests/support/import-form';
import { scratchCounting } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
// As an editor writes them in the import form's Speakers field: a label, then the speaker it stands for.
const SPEAKERS = 'MIN-HO PARK = Min-ho Park\nPYONG-OK CHOI = Pyong-ok Choi';

const fresh = () => scratchCounting(['Speaker', 'Document', 'Passage', 'Revision']);

const transcript = () =>
  docxOf([
    new Paragraph({ children: [new TextRun({ text: 'Min-ho Park:', bold: true }), new TextRun(' Where did you grow up?')] }),
    new Paragraph({ children: [new TextRun({ text: 'Pyong-ok Choi:', bold: true }), new TextRun(' In Hyesan, near the river.')] }),
    new Paragraph('The winters were long.'),
    new Paragraph('MIN-HO PARK'),
    new Paragraph('Were you afraid?'),
    new Paragraph('PYONG-OK CHOI'),
    new Paragraph('Always.'),
  ]);

async function form(bytes: Uint8Array): Promise<Record<string, string>> {
  const parsed = await parseDocx(bytes, { speakers: speakerHints(SPEAKERS) });
  return previewedImportForm(
    { speakers: parsed.speakers.length, passages: parsed.passages.length },
    { ...carriedFile('choi.docx', bytes), documentTitle: 'Rice in Hyesan', date: '2019-05', speakers: SPEAKERS },
  );
}

describe('the back office saves a Word transcript', () => {
  it('stores each turn with its speaker, bold and capitals labels alike, every word kept', async () => {
    const t = fresh();
    const saved = await saveImport(ada, await form(await transcript()), t.options);
    const passages = t.db
      .prepare('SELECT p.kind, s.name, p.text FROM Passage p LEFT JOIN Speaker s ON s.id = p.speakerId WHERE p.documentId = ? ORDER BY p.position')
      .all(saved.id);
    expect(passages).toEqual([
      { kind: 'question', name: 'Min-ho Park', text: 'Where did you grow up?' },
      { kind: 'answer', name: 'Pyong-ok Choi', text: 'In Hyesan, near the river.\n\nThe winters were long.' },
      { kind: 'question', name: 'Min-ho Park', text: 'Were you afraid?' },
      { kind: 'answer', name: 'Pyong-ok Choi', text: 'Always.' },
    ]);
  });

  it('refuses a damaged file, and writes nothing', async () => {
    const t = fresh();
    const bytes = await transcript();
    const values = await form(bytes);
    const damaged = Buffer.from(bytes);
    damaged[Math.floor(damaged.length / 2)] ^= 0xff;
    const before = t.rows();
    await expect(saveImport(ada, { ...values, fileData: damaged.toString('base64') }, t.options)).rejects.toBeInstanceOf(ImportError);
    expect(t.rows()).toEqual(before);
  });
});
