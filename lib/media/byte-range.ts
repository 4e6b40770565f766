// The one `Range` header a media player sends (RFC 9110 §14): a single byte range, read against the
// file's size. Pure, so every case is a unit test.

export type RangeOutcome =
  /** No range, or one this server does not serve as a part (several ranges, another unit, bad syntax): the whole file. */
  | { kind: 'whole' }
  /** A range inside the file: bytes start…end, both included. */
  | { kind: 'part'; start: number; end: number }
  /** A range that starts past the end of the file (or an empty suffix): 416. */
  | { kind: 'unsatisfiable' };

const WHOLE: RangeOutcome = { kind: 'whole' };
const SINGLE = /^bytes=(\d*)-(\d*)$/;

export function byteRange(header: string | null, size: number): RangeOutcome {
  if (header === null) return WHOLE;
  // RFC 9110 lets a server ignore a Range it does not like and send the whole: several ranges
  // (multipart answers no player needs) and malformed ones are answered that way.
  const match = SINGLE.exec(header.replace(/\s+/g, ''));
  if (!match || (match[1] === '' && match[2] === '')) return WHOLE;
  const [, first, last] = match;
  if (first === '') {
    // A suffix: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'part', start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  if (last !== '' && Number(last) < start) return WHOLE;
  if (start >= size) return { kind: 'unsatisfiable' };
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  return { kind: 'part', start, end };
}
