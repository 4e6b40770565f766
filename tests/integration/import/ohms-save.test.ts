// An OHMS 5.4 record through the back office's save into a real SQLite file: the file carried back as
// base64 with its name and read again on save, its passages stored with the times its minute sync
// markers give, its index points as the draft's table of contents, its media address as the recording.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { saveImport } from '@/lib/admin/import-save';
import { ImportError } from '@/lib/import';
import { parseOhms, parseTranscriptFile } from '@/lib/import/formats';
import { carriedFile, previewedImportForm } from '@/tests/support/import-form';
import { scratchCounting } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const OHMS = readFileSync(path.join(import.meta.dirname, '../../fixtures/ohms/ohms-5.4-sync.xml'));

const fresh = () => scratchCounting(['Speaker', 'Document', 'Passage', 'DocumentSection', 'Revision']);

const parsed = parseOhms(OHMS.toString('utf8'));

function form(bytes: Buffer = OHMS): Record<string, string> {
  return previewedImportForm(
    { speakers: parsed.speakers.length, passages: parsed.passages.length },
    { ...carriedFile('sayer.xml', bytes), documentTitle: 'Interview with Ben Sayer', date: '2021-06' },
  );
}

describe('the back office saves an OHMS import with its times and table of contents', () => {
  it('stores the importer’s passages with their times, the index points as sections, and the recording address', async () => {
    const t = fresh();
    const saved = await saveImport(ada, form(), t.options);
    const passages = t.db.prepare('SELECT anchor, text, startMs, endMs FROM Passage WHERE documentId = ? ORDER BY position').all(saved.id) as {
      anchor: number;
      text: string;
      startMs: number | null;
      endMs: number | null;
    }[];
    expect(passages.map((p) => p.text)).toEqual(parsed.passages.map((p) => p.text));
    expect(passages.map((p) => [p.startMs, p.endMs])).toEqual(parsed.passages.map((p) => [p.startMs ?? null, p.endMs ?? null]));
    // Every passage of a synced record is timed, in reading order.
    expect(passages.every((p) => p.startMs !== null)).toBe(true);
    expect(passages.map((p) => p.startMs)).toEqual([...passages.map((p) => p.startMs)].sort((a, b) => a! - b!));

    const sections = t.db.prepare('SELECT title, synopsis, keywords, startAnchor FROM DocumentSection WHERE documentId = ? ORDER BY position').all(saved.id);
    expect(sections).toEqual(
      parsed.sections!.map((s) => ({ title: s.title, synopsis: s.synopsis, keywords: JSON.stringify(s.keywords), startAnchor: passages[s.passage].anchor })),
    );
    expect(sections.map((s) => (s as { title: string }).title)).toEqual(['Growing up on the farm', 'Moving to the city', 'Summers']);
    expect(t.db.prepare('SELECT recordingUrl FROM Document WHERE id = ?').get(saved.id)).toEqual({ recordingUrl: 'https://media.example.org/oh/sayer.mp3' });
  });

  it('saves a record without a stated duration: the last passage, whose end the file does not give, is left untimed and the editor told', async () => {
    const t = fresh();
    const undated = Buffer.from(OHMS.toString('utf8').replace('<duration>0:04:30</duration>', '<duration/>'));
    const preview = await parseTranscriptFile({ name: 'sayer.xml', bytes: undated });
    expect(preview.notes.join(' ')).toMatch(/one passage has no end after its start in the file: left untimed/);
    const saved = await saveImport(ada, form(undated), t.options);
    const times = t.db.prepare('SELECT startMs, endMs FROM Passage WHERE documentId = ? ORDER BY position').all(saved.id) as {
      startMs: number | null;
      endMs: number | null;
    }[];
    expect(times.at(-1)).toEqual({ startMs: null, endMs: null });
    expect(times.slice(0, -1).every((p) => p.startMs !== null && p.endMs! > p.startMs)).toBe(true);
  });

  it('refuses a record whose sync points past its transcript, and writes nothing', async () => {
    const t = fresh();
    const before = t.rows();
    const broken = Buffer.from(OHMS.toString('utf8').replace('<sync>1:|4(10)|10(2)||14(5)</sync>', '<sync>1:|4(10)|10(2)||90(5)</sync>'));
    await expect(saveImport(ada, form(broken), t.options)).rejects.toBeInstanceOf(ImportError);
    expect(t.rows()).toEqual(before);
  });
});
