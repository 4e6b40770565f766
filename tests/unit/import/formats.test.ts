// The format registry: which format reads a file, by its name or (pasted) by how it starts; the
// upload field's accept list; and the helpers the saves share (sections for kept passages, clock times).
import { describe, expect, it } from 'vitest';
import { formatOf, parseTranscriptFile, srtFormat, textFormat, TRANSCRIPT_ACCEPT, vttFormat } from '@/lib/import/formats';
import { formatWholeClock as formatClock } from '@/lib/time/clock';
import { sectionsForKept } from '@/lib/import/formats/sections';

const file = (name: string, text: string) => ({ name, bytes: new TextEncoder().encode(text) });
const VTT = 'WEBVTT\n\n00:01.000 --> 00:02.000\n<v Jeff Kim>Where?\n\n00:02.000 --> 00:04.000\n<v Seongmin Lee>Hyesan.\n';
const SRT = [
  '1\n00:00:01,000 --> 00:00:02,000\nJEFF KIM: Where?',
  '2\n00:00:02,000 --> 00:00:04,000\nSEONGMIN LEE: Hyesan.',
  '3\n00:00:04,000 --> 00:00:05,000\nJEFF KIM: When?',
  '4\n00:00:05,000 --> 00:00:06,000\nSEONGMIN LEE: 1998.',
].join('\n\n');

describe('choosing the format', () => {
  it.each([
    ['interview.vtt', 'anything', vttFormat],
    ['INTERVIEW.SRT', 'anything', srtFormat],
    ['notes.txt', VTT, textFormat],
    ['notes.md', '# Title', textFormat],
    ['', VTT, vttFormat],
    ['', `\uFEFF\n${SRT}`, srtFormat],
    ['', 'JK: Hello.\n\nSL: Hi.', textFormat],
  ])('%s starting %j is read as %o', (name, text, format) => {
    expect(formatOf(file(name, text))).toBe(format);
  });

  it('reads a pasted SRT as captions, with times, and plain text as today', async () => {
    const captions = await parseTranscriptFile(file('', SRT), {});
    expect(captions.passages.map((p) => [p.speaker, p.text, p.startMs, p.endMs])).toEqual([
      ['Jeff Kim', 'Where?', 1000, 2000],
      ['Seongmin Lee', 'Hyesan.', 2000, 4000],
      ['Jeff Kim', 'When?', 4000, 5000],
      ['Seongmin Lee', '1998.', 5000, 6000],
    ]);
    const text = await parseTranscriptFile(
      file('t.txt', 'A Title\n\nJeff Kim: Where did you grow up?\n\nSeongmin Lee: In Hyesan.\n\nJeff Kim: When?\n\nSeongmin Lee: 1998.'),
      {},
    );
    expect(text.passages).toHaveLength(4);
    expect(text.passages[0]?.startMs).toBeUndefined();
  });

  it('lists every format for the upload field', () => {
    expect(TRANSCRIPT_ACCEPT.split(',')).toEqual(expect.arrayContaining(['.vtt', '.srt', '.txt', '.md']));
  });
});

describe('sections for the passages kept', () => {
  const section = (title: string, passage: number) => ({ title, synopsis: null, keywords: [], passage });
  it('re-maps each to its kept passage, moves one whose passage was left out to the next kept one, and reports one with none after it', () => {
    const { sections, dropped } = sectionsForKept([section('One', 0), section('Two', 2), section('Three', 4)], [0, 3]);
    expect(sections.map((s) => [s.title, s.passageIndex])).toEqual([
      ['One', 0],
      ['Two', 1],
    ]);
    expect(dropped).toEqual(['section "Three" was left out: no kept passage is at or after its start (passage 5)']);
  });
});

describe('times as people read them', () => {
  it.each([
    [0, '0:00'],
    [65_400, '1:05'],
    [3_599_999, '59:59'],
    [3_723_000, '1:02:03'],
  ])('%d ms is %s', (ms, shown) => expect(formatClock(ms)).toBe(shown));
});
