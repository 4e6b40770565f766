// PostgreSQL's text cannot hold U+0000 (SQLite's can), and a value holding one makes the statement
// fail ("invalid byte sequence for encoding UTF8: 0x00") rather than match nothing. Nothing stored
// can hold one either (the write path refuses control characters), so a reader's lookup or search
// with a NUL in it (a hostile address, `?q=a%00b`) must simply find what it would find with the NUL
// read as an unknown character: U+FFFD. Applied to the values of reads only (the reader, Prisma's
// queries); writes keep refusing such text with a message.
import 'server-only';

const NUL = /\u0000/g;

/** `value` with every NUL of every string in it (deeply, for Prisma's arguments) read as U+FFFD. */
export function withoutNul<T>(value: T): T {
  if (typeof value === 'string') return (value.includes('\u0000') ? value.replace(NUL, '\uFFFD') : value) as T;
  if (Array.isArray(value)) return value.map(withoutNul) as T;
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withoutNul(inner)])) as T;
  }
  return value;
}
