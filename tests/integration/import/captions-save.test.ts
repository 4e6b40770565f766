// Captions through both imports into real SQLite files: the back office's save (the file carried as
// base64 with its name, read again on save) and `npm run import` on a .vtt and an .srt file. What is
// stored is each kept passage's first cue start and last cue end; a damaged file writes nothing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stringifySync } from 'subtitle';
import { afterAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { saveImport } from '@/lib/admin/import-save';
import { ImportError } from '@/lib/import';
import { createPrismaClient } from '@/lib/db';
import { parseImportArguments, runImport } from '@/scripts/import-command';
import { carriedFile, previewedImportForm } from '@/tests/support/import-form';
import { copyTemplateUrl } from '@/tests/support/per-file-database';
import { scratchCounting } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };

/** One interview's cues; the .vtt names each cue's speaker in a voice tag, the .srt by a label where the speaker changes. */
const CUES = [
  { start: 1000, end: 3000, speaker: 'Min-ho Park', text: 'Where did you grow up?' },
  { start: 3500, end: 6000, speaker: 'Pyong-ok Choi', text: 'In Hyesan,' },
  { start: 6000, end: 9250, speaker: 'Pyong-ok Choi', text: 'near the river.' },
  { start: 10_000, end: 12_000, speaker: 'Min-ho Park', text: 'Were you afraid?' },
  { start: 3_600_000, end: 3_605_500, speaker: 'Pyong-ok Choi', text: 'Always.' },
];
const LABELS: Record<string, string> = { 'Min-ho Park': 'MH', 'Pyong-ok Choi': 'PO' };

const VTT = stringifySync(
  [
    { type: 'header', data: 'WEBVTT - Rice in Hyesan' },
    ...CUES.map(({ start, end, speaker, text }) => ({ type: 'cue' as const, data: { start, end, text: `<v ${speaker}>${text}` } })),
  ],
  { format: 'WebVTT' },
);
const SRT = stringifySync(
  CUES.map(({ start, end, speaker, text }, i) => ({
    type: 'cue' as const,
    data: { start, end, text: CUES[i - 1]?.speaker === speaker ? text : `${LABELS[speaker]}: ${text}` },
  })),
  { format: 'SRT' },
);

const fresh = () => scratchCounting(['Speaker', 'Document', 'Passage', 'Revision']);

const form = (extra: Record<string, string> = {}) =>
  previewedImportForm({ speakers: 2, passages: 4 }, { ...carriedFile('rice.vtt', VTT), documentTitle: 'Rice in Hyesan', date: '2019-05', ...extra });

describe('the back office saves a WebVTT import with its times', () => {
  it('stores each kept passage with its first cue’s start and its last cue’s end', async () => {
    const t = fresh();
    // Passage 3 ("Were you afraid?") is left out: the others keep their own times.
    const saved = await saveImport(ada, form({ 'keep-2': '' }), t.options);
    const passages = t.db
      .prepare(
        'SELECT p.kind, s.name, p.text, p.startMs, p.endMs FROM Passage p LEFT JOIN Speaker s ON s.id = p.speakerId WHERE p.documentId = ? ORDER BY p.position',
      )
      .all(saved.id);
    expect(passages).toEqual([
      { kind: 'question', name: 'Min-ho Park', text: 'Where did you grow up?', startMs: 1000, endMs: 3000 },
      { kind: 'answer', name: 'Pyong-ok Choi', text: 'In Hyesan, near the river.', startMs: 3500, endMs: 9250 },
      { kind: 'answer', name: 'Pyong-ok Choi', text: 'Always.', startMs: 3_600_000, endMs: 3_605_500 },
    ]);
    expect(t.db.prepare('SELECT title, status FROM Document WHERE id = ?').get(saved.id)).toEqual({ title: 'Rice in Hyesan', status: 'draft' });
  });

  it.each([
    ['a file that came back damaged', { fileData: '<script>' }, /came back damaged/],
    ['a file whose times go backwards', { fileData: Buffer.from(VTT.replace('00:00:10.000', '00:00:00.500')).toString('base64') }, /times go backwards/],
    ['a file over the size limit', { fileData: 'A'.repeat(1_500_000) }, /rice\.vtt is 1\.1 MB/],
  ])('refuses %s and writes nothing', async (_case, extra, message) => {
    const t = fresh();
    const before = t.rows();
    const refusal = saveImport(ada, form(extra), t.options);
    await expect(refusal).rejects.toBeInstanceOf(ImportError);
    await expect(refusal).rejects.toThrow(message);
    expect(t.rows()).toEqual(before);
  });
});

describe('`npm run import` reads captions', () => {
  const databaseUrl = copyTemplateUrl('migratedTemplate');
  const prisma = createPrismaClient(databaseUrl);
  afterAll(() => prisma.$disconnect());
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-captions-'));

  it.each([
    ['rice.vtt', VTT, []],
    ['rice.srt', SRT, ['--speaker', 'MH=Min-ho Park', '--speaker', 'PO=Pyong-ok Choi']],
  ])('%s becomes a draft with its times', async (name, text, flags) => {
    const file = path.join(dir, name);
    writeFileSync(file, text);
    const outcome = await runImport(parseImportArguments([file, '--title', `Rice ${name}`, '--date', '2019-05', ...flags]), databaseUrl);
    const passages = await prisma.passage.findMany({ where: { documentId: outcome.saved!.id }, orderBy: { position: 'asc' } });
    expect(passages.map((p) => [p.text, p.startMs, p.endMs])).toEqual([
      ['Where did you grow up?', 1000, 3000],
      ['In Hyesan, near the river.', 3500, 9250],
      ['Were you afraid?', 10_000, 12_000],
      ['Always.', 3_600_000, 3_605_500],
    ]);
    expect(outcome.report).toMatch(/answer +Pyong-ok Choi +\[0:03–0:09\] In Hyesan, near the river\./);
    expect(outcome.report).toContain('[1:00:00–1:00:05] Always.');
  });
});
