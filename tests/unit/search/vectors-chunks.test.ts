// How passages are cut for the encoder and how vectors are stored: a long passage becomes runs of
// whole sentences within the word limit that together hold every sentence in order; a vector's stored
// signs and int8 values keep its direction.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunkPassage, MAX_WORDS, sentences } from '@/lib/search/vectors/chunks';
import { meaningOf } from '@/lib/search/vectors/nearest';
import { quantize } from '@/lib/search/vectors/quantize';

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;
const sentence = (n: number, i: number) => `Sentence ${i} ${Array.from({ length: n - 3 }, (_, k) => `w${k}`).join(' ')} end.`;

describe('chunkPassage', () => {
  it('keeps a short passage whole, trimmed, and gives nothing for blank text', () => {
    expect(chunkPassage('  One short answer.\n\nAnd a second paragraph.  ')).toEqual(['One short answer.\n\nAnd a second paragraph.']);
    expect(chunkPassage(' \n ')).toEqual([]);
  });

  it('cuts after a sentence’s end (its closing quote kept) and at blank lines, not before a lower-case word', () => {
    expect(sentences('He said “No.” Then he left. It was 2009! Why? because.\n\nNext')).toEqual([
      'He said “No.”',
      'Then he left.',
      'It was 2009!',
      'Why? because.',
      'Next',
    ]);
  });

  it('cuts a long passage into runs of whole sentences, in order, each within the limit, every sentence kept', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 4, max: 60 }), { minLength: 1, maxLength: 30 }), (lengths) => {
        const all = lengths.map((n, i) => sentence(n, i));
        const chunks = chunkPassage(all.join(' '));
        if (words(all.join(' ')) <= MAX_WORDS) {
          expect(chunks).toEqual([all.join(' ')]);
          return;
        }
        for (const chunk of chunks) expect(words(chunk)).toBeLessThanOrEqual(MAX_WORDS);
        // Each sentence is in some chunk, whole; and they come in reading order.
        const positions = all.map((s) => chunks.findIndex((c) => c.includes(s)));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      }),
    );
  });

  it('cuts a sentence longer than a chunk by words', () => {
    const long = Array.from({ length: 250 }, (_, i) => `w${i}`).join(' ');
    const chunks = chunkPassage(long);
    expect(chunks.map(words)).toEqual([100, 100, 50]);
    expect(chunks.join(' ')).toBe(long);
  });
});

describe('quantize', () => {
  it('stores one sign bit a dimension and int8 values scaled to ±127, keeping the direction', () => {
    const v = Float32Array.from({ length: 512 }, (_, i) => Math.sin(i * 1.7) * 0.05);
    const { bits, vector } = quantize(v);
    expect(bits).toHaveLength(64);
    for (let i = 0; i < 512; i++) expect(Boolean(bits[i >> 3] & (1 << (i & 7)))).toBe(v[i] > 0);
    expect(Math.max(...Array.from(vector, Math.abs))).toBe(127);
    let dot = 0,
      a = 0,
      b = 0;
    v.forEach((x, i) => ((dot += x * vector[i]), (a += x * x), (b += vector[i] * vector[i])));
    expect(dot / Math.sqrt(a * b)).toBeGreaterThan(0.999);
  });
});

describe('meaningOf', () => {
  it('keeps the words of a query and drops its syntax', () => {
    expect(meaningOf('"black market" OR smuggl* -china')).toBe('black market smuggl');
    expect(meaningOf('-only -excluded')).toBe('');
  });
});
