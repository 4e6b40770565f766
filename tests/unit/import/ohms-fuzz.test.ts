// Hostile OHMS files, property-based (fast-check): the synthetic OHMS 5.4 and 6 records cut short,
// spliced and sprinkled with XML's special characters and OHMS's own syntax; the reader either answers
// with its own ImportError or a result whose sync times run forward and whose sections point at
// passages it has. Never another exception, never a section at a passage that does not exist.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ImportError } from '@/lib/import';
import { parseOhms } from '@/lib/import/formats/ohms';

const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/ohms', name), 'utf8');
const FILES = [fixture('ohms-5.4-sync.xml'), fixture('ohms-6-vtt.xml')];
const PIECES = [
  '<',
  '>',
  '&',
  '&amp;',
  '&#0;',
  ']]>',
  '<![CDATA[',
  '<!DOCTYPE x>',
  '|',
  '(',
  ')',
  ':',
  '\n',
  '\n\n',
  '99(1)',
  '1:|',
  '-->',
  '<v X>',
  'ASKER: ',
  '<br>',
  '\u0000',
  '\uFFFD',
];

const mutated = fc
  .record({
    file: fc.constantFrom(...FILES),
    edits: fc.array(
      fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(40), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })) }),
      {
        minLength: 1,
        maxLength: 4,
      },
    ),
  })
  .map(({ file, edits }) =>
    edits.reduce((text, { at, cut, insert }) => {
      const i = Math.floor(at * text.length);
      return text.slice(0, i) + insert + text.slice(i + cut);
    }, file),
  );

/** Edits inside the transcript (escaped for XML, or kept clear of CDATA's end) and a random sync: files that still parse. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const contentEdits = fc.record({
  file: fc.constantFrom(...FILES),
  edits: fc.array(
    fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), cut: fc.nat(30), insert: fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 8 })) }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  sync: fc.array(
    fc.oneof(
      fc.constant(''),
      fc.tuple(fc.nat(16), fc.nat(15)).map(([line, word]) => `${line}(${word})`),
    ),
    { maxLength: 6 },
  ),
});
const withinContent = contentEdits.map(({ file, edits, sync }) => {
  const cdata = file.includes('<![CDATA[');
  const [open, close] = cdata ? ['<![CDATA[', ']]>'] : ['<transcript>', '</transcript>'];
  const from = file.indexOf(open) + open.length;
  const to = file.indexOf(close, from);
  const content = edits.reduce(
    (text, { at, cut, insert }) => {
      const i = Math.floor(at * text.length);
      return text.slice(0, i) + (cdata ? insert.replace(/]]>/g, '') : escape(insert)) + text.slice(i + cut);
    },
    file.slice(from, to),
  );
  return (file.slice(0, from) + content + file.slice(to)).replace(/<sync>.*<\/sync>/, `<sync>1:|${sync.join('|')}</sync>`);
});

describe('hostile OHMS files', () => {
  it('get an ImportError or a consistent result, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(mutated, withinContent), (raw) => {
        let result;
        try {
          result = parseOhms(raw);
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          return;
        }
        const starts = result.passages.map((p) => p.startMs).filter((ms): ms is number => typeof ms === 'number');
        expect(starts).toEqual([...starts].sort((a, b) => a - b));
        for (const section of result.sections ?? []) expect(section.passage).toBeLessThan(result.passages.length);
        for (const p of result.passages) if (p.endMs != null) expect(p.endMs).toBeGreaterThanOrEqual(p.startMs ?? 0);
      }),
      { numRuns: 400 },
    );
  });
});
