// Moments in links: what `?t=` accepts and how times are written on the page.
import { describe, expect, it } from 'vitest';
import { clock, momentLabel, momentParam, parseMoment, parseTime } from '@/lib/media/moment';

describe('parseTime', () => {
  it.each([
    ['65', 65_000],
    ['1:05', 65_000],
    ['01:02:03', 3_723_000],
    ['2.5', 2_500],
    [' 7 ', 7_000],
  ])('%s is %d ms', (text, ms) => expect(parseTime(text)).toBe(ms));

  it.each(['', 'abc', '1:75', '1:60:00', '-5', '1::5', '100000', '1e3'])('refuses %j', (text) => expect(parseTime(text)).toBeNull());
});

describe('parseMoment', () => {
  it('reads a start and a clip', () => {
    expect(parseMoment('65')).toEqual({ startMs: 65_000, endMs: null });
    expect(parseMoment('1:05,1:20')).toEqual({ startMs: 65_000, endMs: 80_000 });
    expect(parseMoment('65,80')).toEqual({ startMs: 65_000, endMs: 80_000 });
  });

  it.each([null, '', '80,65', '65,65', '1,2,3', 'x,5'])('refuses %j', (value) => expect(parseMoment(value)).toBeNull());
});

describe('writing times', () => {
  it('shows a clock', () => {
    expect(clock(5_400)).toBe('0:05');
    expect(clock(65_000)).toBe('1:05');
    expect(clock(3_723_000)).toBe('1:02:03');
    expect(momentLabel({ startMs: 65_000, endMs: 80_000 })).toBe('1:05–1:20');
  });

  it('writes the link’s t in whole seconds, the clip’s end rounded up so it is heard whole', () => {
    expect(momentParam({ startMs: 2_087, endMs: 5_932 })).toBe('2,6');
    expect(momentParam({ startMs: 65_000, endMs: null })).toBe('65');
  });
});
