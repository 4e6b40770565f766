// One clock for Next's page cache. The cache stamps a rendered page and a renewal (revalidatePath)
// with the wall clock, Date.now(), but asks whether a renewal has happened yet with
// performance.timeOrigin + performance.now(): the monotonic clock, tied to the wall clock once, when
// the process started (next/dist/server/lib/incremental-cache/tags-manifest.external.js). When the
// machine's wall clock is stepped after that, as a virtual machine's is when it is set again after a
// pause, the two disagree by the step:
// - a step forward of s seconds makes every renewal count only s seconds after it was made: a save
//   shows late, and at start the build's placeholders are served for s seconds. This project's CI
//   machine did that once, with a step of about 20 s (tests/e2e/stepped-clock.spec.ts replays it);
// - a step back makes a renewal older than the page it should renew, which is then never renewed.
// Reading the origin from the wall clock each time makes the sum the wall clock, whatever happened to
// it, while performance.now() alone, which durations are measured with, is left as it is.
import 'server-only';

export function tiePerformanceTimeToWallClock(): void {
  // The sum `performance.timeOrigin + performance.now()` reads the origin first, so it is never behind
  // the Date.now() of the moment it is read: a renewal made before then always counts.
  Object.defineProperty(performance, 'timeOrigin', { configurable: true, enumerable: true, get: () => Date.now() - performance.now() });
}
