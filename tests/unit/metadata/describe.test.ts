// A page's description cut from a passage or a summary: whole words, at most 200 characters, "…" when cut.
import { describe, expect, it } from 'vitest';
import { shortDescription } from '@/lib/metadata/describe';

describe('shortDescription', () => {
  it('keeps a short text whole, with its white space made single', () => {
    expect(shortDescription('  Sanctions\n\ndon’t   scare him.  ')).toBe('Sanctions don’t scare him.');
  });

  it('gives nothing for no text', () => {
    expect(shortDescription(null)).toBeUndefined();
    expect(shortDescription(' \n ')).toBeUndefined();
  });

  it('cuts a long text at a word, within the limit, and says so', () => {
    const text = 'word '.repeat(100);
    const cut = shortDescription(text)!;
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut).toMatch(/^(word )*word…$/);
  });

  it('cuts a text without spaces (a long URL) at the limit rather than giving nothing', () => {
    const cut = shortDescription('x'.repeat(500))!;
    expect(cut).toBe(`${'x'.repeat(199)}…`);
  });
});
