// A moment of a recording as people write it in a link (`?t=65`, `?t=1:05`, `?t=1:05,1:20` for a
// clip) and read it on the page ("1:05", "1:02:03"). Pure: the reader's player (a client component),
// the passage page and the citations share it. The clock itself is lib/time/clock.ts.
import { formatTimestamp, formatWholeClock, parseClock } from '@/lib/time/clock';

export interface Moment {
  startMs: number;
  /** The clip's end, after its start; null for a moment with no end. */
  endMs: number | null;
}

/** The longest time a link may name: a day, far past any interview. */
const MAX_MS = 24 * 3_600_000;

/** "65", "65.5", "1:05", "01:02:03": milliseconds up to a day, or null for anything else. */
export function parseTime(text: string): number | null {
  const ms = parseClock(text);
  return ms !== null && ms <= MAX_MS ? ms : null;
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

export const clock = formatWholeClock;

/** "1:05–1:20", or "1:05" for a moment without an end. */
export const momentLabel = ({ startMs, endMs }: Moment): string => (endMs === null ? clock(startMs) : `${clock(startMs)}–${clock(endMs)}`);

/** The `t` a link carries: whole seconds, "65" or "65,80". */
export function momentParam({ startMs, endMs }: Moment): string {
  const s = (ms: number) => String(Math.floor(ms / 1000));
  return endMs === null ? s(startMs) : `${s(startMs)},${s(Math.ceil(endMs / 1000) * 1000)}`;
}

export const timestamp = formatTimestamp;

/** "00:01:05–00:01:20": a clip's begin and end as a citation gives them; a moment alone, its begin. */
export const citedMoment = ({ startMs, endMs }: Moment): string => (endMs === null ? timestamp(startMs) : `${timestamp(startMs)}–${timestamp(endMs)}`);
