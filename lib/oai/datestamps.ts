// UTCdatetime (OAI-PMH 2.0, section 3.3): datestamps given out at seconds granularity
// (YYYY-MM-DDThh:mm:ssZ); from and until read at day or seconds granularity, both the same.
import { oaiError, type OaiError } from './errors';

export const GRANULARITY = 'YYYY-MM-DDThh:mm:ssZ';

/** "2026-12-02T07:29:19Z": the time without its milliseconds. */
export function utcDatetime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** A datestamp compared at the granularity given out: milliseconds dropped. */
export const toSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

export interface DateBound {
  /** Seconds since the epoch: from's first second, or until's last. */
  seconds: number;
  granularity: 'day' | 'seconds';
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const SECONDS = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/;

/** Reads a from or until value; null when it is not a real UTCdatetime at either granularity. */
export function parseBound(value: string, end: 'from' | 'until'): DateBound | null {
  const seconds = SECONDS.exec(value);
  const day = seconds ? null : DAY.exec(value);
  const parts = (seconds ?? day)?.slice(1).map(Number);
  if (!parts) return null;
  const [year, month, date, hour = 0, minute = 0, second = 0] = parts;
  const time = Date.UTC(year, month - 1, date, hour, minute, second);
  const check = new Date(time);
  // Date.UTC rolls 2018-02-30 over into March and 24:00 into the next day: such a value is no date.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date || check.getUTCHours() !== hour) return null;
  if (minute > 59 || second > 59) return null;
  const first = Math.floor(time / 1000);
  if (seconds) return { seconds: first, granularity: 'seconds' };
  return { seconds: end === 'from' ? first : first + 86_399, granularity: 'day' };
}

/** from and until together: each a real date, the same granularity, from not after until. */
export function parseRange(from: string | undefined, until: string | undefined): { from?: DateBound; until?: DateBound } | OaiError {
  const start = from === undefined ? undefined : parseBound(from, 'from');
  const end = until === undefined ? undefined : parseBound(until, 'until');
  if (start === null) return oaiError('badArgument', `from is not a UTC date (YYYY-MM-DD) or time (${GRANULARITY}): "${from}".`);
  if (end === null) return oaiError('badArgument', `until is not a UTC date (YYYY-MM-DD) or time (${GRANULARITY}): "${until}".`);
  if (start && end && start.granularity !== end.granularity) return oaiError('badArgument', 'from and until must have the same granularity.');
  if (start && end && start.seconds > end.seconds) return oaiError('badArgument', 'from is later than until.');
  return { from: start, until: end };
}
