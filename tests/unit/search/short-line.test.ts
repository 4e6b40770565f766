// shortLine: one line of about 120 characters, cut after a whole word, never inside a character.
import { describe, expect, it } from 'vitest';
import { shortLine } from '@/lib/search/short-line';

describe('shortLine', () => {
  it('keeps a short text whole, with its white space folded and no ellipsis', () => {
    expect(shortLine('  Do you think\n\nwe can   trust them?  ')).toBe('Do you think we can trust them?');
    const exactly = 'x'.repeat(120);
    expect(shortLine(exactly)).toBe(exactly);
  });

  it('cuts a long text after the last whole word that fits, ellipsis included in the length', () => {
    const text =
      'Not long ago, we had the Trump-Kim summit, with talks about denuclearization and creating a relationship with North Korea. Do you think we can trust North Korea?';
    const line = shortLine(text);
    expect(line).toBe('Not long ago, we had the Trump-Kim summit, with talks about denuclearization and creating a relationship with North…');
    expect(line.length).toBeLessThanOrEqual(120);
    expect(shortLine(text, 30)).toBe('Not long ago, we had the…');
  });

  it('leaves no comma or space dangling before the ellipsis', () => {
    expect(shortLine('alpha beta, gamma delta epsilon', 13)).toBe('alpha beta…');
    expect(shortLine('alpha beta: gamma delta epsilon', 14)).toBe('alpha beta…');
  });

  it('cuts one overlong word at a character, never inside a surrogate pair or a combined character', () => {
    expect(shortLine('a'.repeat(200))).toBe(`${'a'.repeat(119)}…`);
    const emoji = shortLine('😀'.repeat(100));
    expect(emoji).toBe(`${'😀'.repeat(59)}…`);
    const accents = shortLine('e\u0301'.repeat(100), 10);
    expect(accents).toBe(`${'e\u0301'.repeat(4)}…`);
  });

  it('finds word boundaries in a script written without spaces', () => {
    const line = shortLine('北朝鮮の人々を助けるにはどうすればよいですか。'.repeat(10), 30);
    expect(line.endsWith('…')).toBe(true);
    expect(line.length).toBeLessThanOrEqual(30);
    expect(line.length).toBeGreaterThan(20);
  });
});
