// Captions written by a subtitle library from random cues (fast-check): the importer answers with its
// own ImportError or a result in which every word of every cue is somewhere (a passage, or reported as
// unplaced), no cue number or timing is in any text, and each passage's times are its cues' times.
import fc from 'fast-check';
import { stringifySync, type NodeList } from 'subtitle';
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/lib/import';
import { parseCaptions } from '@/lib/import/formats/captions';

const LABELS = ['JK', 'SL', 'XY', 'Jeff Kim', 'JEFF KIM', 'Seongmin Lee', 'Note', 'Korea', 'Q'];
const SENTENCES = [
  'Where did you grow up?',
  'In Hyesan, near the river.',
  'We crossed at night.',
  '“Yes,” I said.',
  'nobody listened',
  '[music]',
  '<i>quietly</i>',
];

// Given, so that more of the runs get past "label JK cannot be tied" to a result to check.
const HINTS = [
  { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer' as const },
  { name: 'Seongmin Lee', labels: ['SL'] },
];

const cue = fc.record({
  gap: fc.integer({ min: 0, max: 5000 }),
  length: fc.integer({ min: 1, max: 8000 }),
  label: fc.option(fc.constantFrom(...LABELS), { nil: null }),
  voice: fc.boolean(),
  lines: fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 3 }),
});

const words = (text: string) => text.replace(/<[^>]*>/g, '').match(/[\p{L}\p{N}]+/gu) ?? [];

describe('random captions', () => {
  it('lose no word, leak no timing, and keep each turn within its cues’ times', () => {
    fc.assert(
      fc.property(fc.array(cue, { minLength: 1, maxLength: 12 }), fc.constantFrom('vtt' as const, 'srt' as const), (cues, format) => {
        let at = 0;
        const list: NodeList = cues.map((c) => {
          const start = (at += c.gap);
          at += c.length;
          const text = c.lines.join('\n');
          const labelled = c.label === null ? text : format === 'vtt' && c.voice ? `<v ${c.label}>${text}` : `${c.label}: ${text}`;
          return { type: 'cue', data: { start, end: at, text: labelled } };
        });
        const raw = stringifySync(format === 'vtt' ? [{ type: 'header', data: 'WEBVTT' }, ...list] : list, { format: format === 'vtt' ? 'WebVTT' : 'SRT' });
        let result;
        try {
          result = parseCaptions(raw, format, { speakers: HINTS });
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          return;
        }
        // The words spoken, without the labels and voices that name who speaks.
        const said = cues.flatMap((c) => c.lines.flatMap(words));
        const placed = [...result.passages.map((p) => p.text), ...result.unplaced.map((u) => u.text)].flatMap(words);
        for (const word of new Set(said)) expect(placed.filter((w) => w === word).length).toBeGreaterThanOrEqual(said.filter((w) => w === word).length);
        const starts = list.flatMap((n) => (n.type === 'cue' ? [n.data.start] : []));
        const ends = list.flatMap((n) => (n.type === 'cue' ? [n.data.end] : []));
        for (const p of result.passages) {
          expect(p.text).not.toMatch(/-->|\d\d:\d\d/);
          expect(starts).toContain(p.startMs);
          expect(ends).toContain(p.endMs);
          expect(p.endMs!).toBeGreaterThan(p.startMs!);
        }
      }),
      { numRuns: 400 },
    );
  });
});
