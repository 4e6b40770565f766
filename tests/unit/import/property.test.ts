import { describe, expect, it } from 'vitest';
import { ImportError, parseDocumentText, type ImportOptions } from '@/lib/import';
// Small deterministic PRNG (the benchmark's mulberry32), so a failure can be replayed from its seed.
import { mulberry32 as rng } from '@/bench/lib/prng';
import { lostWords } from '@/tests/support/import-checks';

const PIECES = [
  'JK: Where did you grow up?',
  'SL: In Hyesan, near the river.',
  '**JK:** And then?',
  '**SL**: We left.',
  'Jeff Kim: Why?',
  'Seongmin Lee: Because it was time.',
  'Q: Were you afraid?',
  'A: “Yes,” I said.',
  'JK:',
  'SL:\u00a0',
  'XY: unknown label',
  'Note: this was edited.',
  'Up Next:',
  'Related Articles:',
  'Read more',
  'Share this',
  'By Jeff Kim',
  'Article by Jeff Kim August 28, 2018 // 4 minute read',
  'Fill out the brief form below for access to the free report.',
  'Features | Politics | East Asia',
  'Seongmin Lee with friends at a conference in Seoul, May 2018.',
  'The river in winter. (AP Photo)',
  'Jeff Kim is a consultant.',
  'Seongmin Lee is a student.',
  'It was cold that night, and the guards were asleep in their hut by the frozen river.',
  'It was cold that night, and the guards were asleep.',
  'My brother carried our shoes.',
  '---',
  'title: x',
  '',
  '   ',
  '\t',
  'Crossing the River',
  '\uFFFD',
  '# Heading',
  '- a list item',
];
const BREAKS = ['\n', '\n\n', '\r\n', '\r\n\r\n', '\r', ' '];
const OPTIONS: (ImportOptions | undefined)[] = [
  undefined,
  { kind: 'interview' },
  { kind: 'essay' },
  {
    speakers: [
      { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer' },
      { name: 'Seongmin Lee', labels: ['SL'] },
    ],
  },
  {
    speakers: [
      { name: 'Jeff Kim', role: 'interviewer' },
      { name: 'Seongmin Lee', role: 'interviewee' },
    ],
    title: 'Crossing the River',
  },
  { speakers: [{ name: 'Seongmin Lee', role: 'author' }], subtitle: 'It was cold that night, and the guards were asleep.' },
];

const words = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

describe('random mixes of the forms', () => {
  it('never throw anything but ImportError, and results hold together', () => {
    const random = rng(20180828);
    const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]!;
    let parsed = 0;
    let rejected = 0;
    for (let run = 0; run < 600; run++) {
      const count = 1 + Math.floor(random() * 12);
      let text = '';
      for (let i = 0; i < count; i++) text += pick(PIECES) + pick(BREAKS);
      const options = pick(OPTIONS);
      let result;
      try {
        result = parseDocumentText(text, options);
      } catch (error) {
        if (!(error instanceof ImportError)) {
          throw new Error(`run ${run} threw ${String(error)} for ${JSON.stringify(text)} with ${JSON.stringify(options)}`);
        }
        expect(error.message.length).toBeGreaterThan(10);
        rejected++;
        continue;
      }
      parsed++;
      // A result with no passage is only possible while unknown labels block it from being saved.
      if (result.problems.length === 0) expect(result.passages.length).toBeGreaterThan(0);
      // Nothing disappears silently: every word of the input is somewhere in the result.
      const lost = lostWords(text, result, { words, meta: [result.meta.title, result.meta.subtitle, result.meta.summary] });
      if (lost.length > 0) throw new Error(`run ${run} lost the word "${lost[0]}" of ${JSON.stringify(text)}`);
      const names = new Set(result.speakers.map((s) => s.name));
      result.passages.forEach((p, i) => {
        expect(p.text.trim()).toBe(p.text);
        expect(p.text.length).toBeGreaterThan(0);
        expect(p.line).toBeGreaterThanOrEqual(1);
        if (p.speaker !== null) expect(names.has(p.speaker)).toBe(true);
        if (result.kind === 'essay') expect(p.kind).toBe('paragraph');
        if (p.answers !== null) {
          expect(p.kind).toBe('answer');
          expect(p.answers).toBeLessThan(i);
          expect(result.passages[p.answers]!.kind).toBe('question');
        }
      });
    }
    // Both outcomes must actually occur, or the generator is not exercising anything.
    expect(parsed).toBeGreaterThan(50);
    expect(rejected).toBeGreaterThan(20);
  });
});
