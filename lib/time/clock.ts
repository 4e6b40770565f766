// Times in a recording as editors write and read them: `1:05`, `1:05.250`, `01:02:03` or plain
// seconds (`65`, `65.5`), always shown back one way (`1:05.250`, `1:02:03`). Pure, for forms and diffs.

const CLOCK = /^(?:(\d+):)?(?:(\d+):)?(\d+)(?:\.(\d{1,3}))?$/;

/**
 * Milliseconds from what an editor typed, or null when it is not a time. With two colons the first
 * part is hours; with one, minutes; minutes and seconds after a colon must be under 60.
 */
export function parseClock(text: string): number | null {
  const match = CLOCK.exec(text.trim());
  if (!match) return null;
  const [, first, second, last, fraction] = match;
  const hours = second !== undefined ? Number(first) : 0;
  const minutes = second !== undefined ? Number(second) : first !== undefined ? Number(first) : 0;
  const seconds = Number(last);
  const hasColon = first !== undefined;
  if (hasColon && seconds >= 60) return null;
  if (second !== undefined && minutes >= 60) return null;
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  const total = ((hours * 60 + minutes) * 60 + seconds) * 1000 + ms;
  return Number.isSafeInteger(total) ? total : null;
}

const two = (n: number) => String(n).padStart(2, '0');

/** `m:ss`, `h:mm:ss`, with `.mmm` only when there are milliseconds: what parseClock reads back to the same value. */
export function formatClock(ms: number): string {
  const whole = Math.floor(ms / 1000);
  const rest = ms % 1000;
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const seconds = whole % 60;
  const clock = hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
  return rest === 0 ? clock : `${clock}.${String(rest).padStart(3, '0')}`;
}

/** A passage's span for people: `1:05–1:10.500`, or null when untimed. */
export function formatSpan(startMs: number | null, endMs: number | null): string | null {
  return startMs === null || endMs === null ? null : `${formatClock(startMs)}–${formatClock(endMs)}`;
}
