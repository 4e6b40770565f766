// lib/server/one-clock.ts: after the wall clock is stepped, the performance clock's wall time
// (timeOrigin + now, which Next's page cache compares renewals with) follows it; durations do not jump.
import { afterEach, describe, expect, it } from 'vitest';
import { tiePerformanceTimeToWallClock } from '@/lib/server/one-clock';

const STEP_MS = 30_000;
const wallClock = Date.now;
const performanceWallTime = () => performance.timeOrigin + performance.now();

afterEach(() => {
  Date.now = wallClock;
  delete (performance as { timeOrigin?: number }).timeOrigin; // back to the prototype's getter
});

describe('one clock for the page cache', () => {
  it('without it, a step of the wall clock leaves the performance clock behind by the step', () => {
    Date.now = () => wallClock() + STEP_MS;
    expect(Date.now() - performanceWallTime()).toBeGreaterThan(STEP_MS - 1_000);
  });

  it('with it, the performance clock reads the wall clock after a step, never behind it', () => {
    tiePerformanceTimeToWallClock();
    Date.now = () => wallClock() + STEP_MS;
    const before = Date.now();
    const read = performanceWallTime();
    expect(read).toBeGreaterThanOrEqual(before);
    expect(read - Date.now()).toBeLessThan(5);
  });

  it('leaves performance.now() alone, so a duration measured across the step does not include it', () => {
    tiePerformanceTimeToWallClock();
    const start = performance.now();
    Date.now = () => wallClock() + STEP_MS;
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
