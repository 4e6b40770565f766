// Times in a recording as people write and read them: `1:05`, `1:05.250`, `01:02:03` or plain
// seconds (`65`, `65.5`), shown back one way (`1:05.250`, `1:02:03`; whole seconds on the player and
// in import previews; `00:01:05` in citations). Pure: the one clock of forms, diffs, the importer's
// reports, the reader's player, links to a moment and citations.

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

/** "0:05", "1:05", "1:02:03": whole seconds, as a player or an import preview shows them. */
export function formatWholeClock(ms: number): string {
  return formatClock(Math.floor(ms / 1000) * 1000);
}

/** "00:01:05": the fixed hours, minutes and seconds oral-history citations write (Baylor's style). */
export function formatTimestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  return `${two(Math.floor(total / 3600))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}
