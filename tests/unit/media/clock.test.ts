// Times as editors type them, and the one way they are shown back.
import { describe, expect, it } from 'vitest';
import { formatClock, formatSpan, parseClock } from '@/lib/time/clock';

describe('parseClock', () => {
  it.each([
    ['1:05', 65_000],
    ['1:05.250', 65_250],
    ['1:05.25', 65_250],
    ['01:02:03', 3_723_000],
    ['65', 65_000],
    ['65.5', 65_500],
    [' 0:00 ', 0],
    ['90:00', 5_400_000],
  ])('reads %s as %i ms', (text, ms) => expect(parseClock(text)).toBe(ms));

  it.each(['', 'abc', '1:60', '1:60:00', '-5', '1:05.2500', '1::05', '1:2:3:4', '1,5'])('refuses %j', (text) => expect(parseClock(text)).toBeNull());
});

describe('formatClock', () => {
  it.each([
    [0, '0:00'],
    [65_000, '1:05'],
    [65_250, '1:05.250'],
    [3_723_000, '1:02:03'],
    [3_723_004, '1:02:03.004'],
  ])('writes %i ms as %s, which reads back the same', (ms, text) => {
    expect(formatClock(ms)).toBe(text);
    expect(parseClock(formatClock(ms))).toBe(ms);
  });

  it('writes a span, or null when untimed', () => {
    expect(formatSpan(65_000, 70_500)).toBe('1:05–1:10.500');
    expect(formatSpan(null, null)).toBeNull();
  });
});
