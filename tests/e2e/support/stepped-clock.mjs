// Preloaded into a test's own server (tests/e2e/stepped-clock.spec.ts): the wall clock as Date.now()
// reads it is WALL_CLOCK_STEP_MS ahead of the monotonic clock performance.now() runs on, as when a
// virtual machine's clock is set again after a pause once a process has started. Only Date.now()
// moves: the page cache's stamps are read with it, and replacing the Date class itself would make
// dates from native code (SQLite's driver) fail `instanceof Date`.
const step = Number(process.env.WALL_CLOCK_STEP_MS);
if (!Number.isFinite(step)) throw new Error('stepped-clock.mjs needs WALL_CLOCK_STEP_MS');
const wallClock = Date.now;
Date.now = () => wallClock() + step;
