// The throttle's numbers: the pair's wait doubles from one second after the free failures and stops
// at fifteen minutes; waits are said in the units a person reads.
import { describe, expect, it } from 'vitest';
import { PAIR_RULE, pairDelayMs, throttledMessage, waitText } from '@/lib/auth/throttle-rules';

describe('pairDelayMs', () => {
  it('is free for the first failures, then 1 s, 2 s, 4 s … doubling', () => {
    expect([1, 2, 3, 4].map(pairDelayMs)).toEqual([0, 0, 0, 0]);
    expect([5, 6, 7, 8, 9, 10].map(pairDelayMs)).toEqual([1000, 2000, 4000, 8000, 16000, 32000]);
  });

  it('stops growing at the cap, however many failures, and stays finite', () => {
    expect(pairDelayMs(14)).toBe(512_000);
    expect(pairDelayMs(15)).toBe(PAIR_RULE.maxDelayMs);
    expect(pairDelayMs(16)).toBe(15 * 60_000);
    expect(pairDelayMs(10_000)).toBe(15 * 60_000);
  });
});

describe('waitText', () => {
  it('says seconds under a minute and whole minutes, rounded up, above', () => {
    expect(waitText(1)).toBe('1 second');
    expect(waitText(1000)).toBe('1 second');
    expect(waitText(1001)).toBe('2 seconds');
    expect(waitText(59_000)).toBe('59 seconds');
    expect(waitText(60_000)).toBe('1 minute');
    expect(waitText(61_000)).toBe('2 minutes');
    expect(throttledMessage(15 * 60_000)).toBe('Too many failed sign-ins; try again in 15 minutes.');
  });
});
