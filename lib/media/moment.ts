// A moment of a recording as people write it in a link (`?t=65`, `?t=1:05`, `?t=1:05,1:20` for a
// clip) and read it on the page ("1:05", "1:02:03"). Pure: the reader's player (a client component),
// the passage page and the citations share it.

export interface Moment {
  startMs: number;
  /** The clip's end, after its start; null for a moment with no end. */
  endMs: number | null;
}

/** The longest time a link may name: a day, far past any interview. */
const MAX_MS = 24 * 3_600_000;

/** "65", "65.5", "1:05", "01:02:03": milliseconds, or null for anything else. */
export function parseTime(text: string): number | null {
  const match = /^(?:(?:(\d{1,2}):)?(\d{1,2}):)?(\d{1,5}(?:\.\d{1,3})?)$/.exec(text.trim());
  if (!match) return null;
  const [, hours, minutes, seconds] = match;
  // In "1:75" the seconds must be a clock's; alone, "75" is plain seconds.
  if (minutes !== undefined && Number(seconds) >= 60) return null;
  if (hours !== undefined && Number(minutes) >= 60) return null;
  const ms = Math.round(((Number(hours ?? 0) * 60 + Number(minutes ?? 0)) * 60 + Number(seconds)) * 1000);
  return ms <= MAX_MS ? ms : null;
}

/** A link's `t`: a start, or a start and an end after it; null when it is not one (the link still opens the page). */
export function parseMoment(value: string | null | undefined): Moment | null {
  if (!value) return null;
  const parts = value.split(',');
  if (parts.length > 2) return null;
  const startMs = parseTime(parts[0]);
  if (startMs === null) return null;
  if (parts.length === 1) return { startMs, endMs: null };
  const endMs = parseTime(parts[1]);
  return endMs !== null && endMs > startMs ? { startMs, endMs } : null;
}

/** "0:05", "1:05", "1:02:03": whole seconds, as a player shows them. */
export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const [h, m, s] = [Math.floor(total / 3600), Math.floor(total / 60) % 60, total % 60];
  const two = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** "1:05–1:20", or "1:05" for a moment without an end. */
export const momentLabel = ({ startMs, endMs }: Moment): string => (endMs === null ? clock(startMs) : `${clock(startMs)}–${clock(endMs)}`);

/** The `t` a link carries: whole seconds, "65" or "65,80". */
export function momentParam({ startMs, endMs }: Moment): string {
  const s = (ms: number) => String(Math.floor(ms / 1000));
  return endMs === null ? s(startMs) : `${s(startMs)},${s(Math.ceil(endMs / 1000) * 1000)}`;
}

/** "00:01:05": the fixed hours, minutes and seconds oral-history citations write (Baylor's style). */
export function timestamp(ms: number): string {
  const total = Math.floor(ms / 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(total / 3600))}:${two(Math.floor(total / 60) % 60)}:${two(total % 60)}`;
}

/** "00:01:05–00:01:20": a clip's begin and end as a citation gives them; a moment alone, its begin. */
export const citedMoment = ({ startMs, endMs }: Moment): string => (endMs === null ? timestamp(startMs) : `${timestamp(startMs)}–${timestamp(endMs)}`);
