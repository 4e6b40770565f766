// A paragraph of very many lines (found by tests/e2e/fuzz-admin.spec.ts on PostgreSQL: the import
// form answered a 500, "Maximum call stack size exceeded"): the hard-wrap check took the longest and
// shortest line with Math.max(...lines), one argument per line. It is read now, every word kept.
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '@/lib/import';
import { largest, smallest } from '@/lib/extremes';

/** Past what a spread of arguments takes (about 125,000 on Node's default stack). */
const LINES = 150_000;

describe('a paragraph of very many lines', () => {
  it('is imported, with every word, instead of overflowing the stack', () => {
    // A hard-wrapped paragraph: every line five words or more, none ending a sentence.
    const lines = Array.from({ length: LINES }, (_, i) => `the river froze at night ${i}`);
    const result = parseDocumentText(`A Long Essay\n\n${lines.join('\n')}`, { speakers: [{ name: 'Pat Moss', role: 'author' }] });
    const imported = result.passages.flatMap((p) => p.text.split(/\s+/));
    expect(imported).toEqual(lines.flatMap((line) => line.split(' ')));
  });

  it('the extremes of a list that long', () => {
    const values = Array.from({ length: LINES }, (_, i) => (i * 7919) % LINES);
    expect(largest(values)).toBe(LINES - 1);
    expect(smallest(values)).toBe(0);
    expect(largest([])).toBe(-Infinity);
    expect(smallest([])).toBe(Infinity);
  });
});
