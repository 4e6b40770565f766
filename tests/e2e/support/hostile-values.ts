// fast-check arbitraries of what a hostile or careless client puts in a form field or a JSON body:
// any unicode, control characters and NUL, lone surrogates, invisible and bidirectional characters,
// numbers written every odd way, React's own reference syntax, and texts of a few hundred kilobytes.
import fc from 'fast-check';

/** Characters that have broken parsers, databases and renderers before. */
const NASTY_CHARACTERS = [
  '\u0000',
  '\u0001',
  '\u001f',
  '\u007f',
  '\u0085',
  '\uD800',
  '\uDBFF',
  '\uDC00',
  '\uDFFF',
  '\r',
  '\n',
  '\r\n',
  '\t',
  '\u000b',
  '\u000c',
  '\u2028',
  '\u2029',
  '\u202e',
  '\u200b',
  '\u200d',
  '\ufeff',
  '\ufffd',
  '\uffff',
  'a',
  ' ',
  '\u00a0',
  'é',
  'e\u0301',
  '𝕏',
  '👩‍👩‍👧',
  '조',
  '"',
  "'",
  '`',
  '<',
  '>',
  '&',
  '\\',
  '/',
  '%',
  '$',
  '@',
  '#',
  '?',
  '=',
  ';',
  ':',
  ',',
  '*',
  '-',
  '_',
];

/** Values that mean something to some layer: numbers in odd notations, JSON, React's "$" references, paths, markup, SQL. */
export const SPECIAL_STRINGS = [
  '',
  ' ',
  '  \n\t ',
  '\u0000',
  'null',
  'undefined',
  'true',
  'false',
  '[]',
  '{}',
  '[object Object]',
  '0',
  '-0',
  '-1',
  '1.5',
  '1e3',
  '1e400',
  '0x10',
  '0b11',
  '0o7',
  '010',
  '+1',
  ' 1 ',
  '1 2',
  'NaN',
  'Infinity',
  '-Infinity',
  '9007199254740993',
  '9'.repeat(40),
  '١٢',
  '１',
  '$K1',
  '$undefined',
  '$@0',
  '$Q1',
  '$n1',
  '$D2020-01-01',
  '$T',
  '__proto__',
  'constructor',
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  '<script>alert(1)</script>',
  "'; DROP TABLE Passage; --",
  '"',
  '\\',
  'javascript:alert(1)',
  'http://',
  'https://exa mple.org',
];

/** Short strings of arbitrary code points, lone surrogates included (fast-check's "binary" unit keeps them whole). */
const anyUnicode = fc.string({ unit: 'binary', maxLength: 40 });
const graphemes = fc.string({ unit: 'grapheme', maxLength: 40 });
const nasty = fc.string({ unit: fc.constantFrom(...NASTY_CHARACTERS), maxLength: 40 });
const loneSurrogates = fc
  .tuple(fc.string({ maxLength: 8 }), fc.integer({ min: 0xd800, max: 0xdfff }), fc.string({ maxLength: 8 }))
  .map(([a, code, b]) => `${a}${String.fromCharCode(code)}${b}`);

/** A text of `bytes` UTF-8 bytes or a little less, made of one repeated unit. */
export function hugeText(unit: string, bytes: number): string {
  return unit.repeat(Math.max(1, Math.floor(bytes / Buffer.byteLength(unit, 'utf8'))));
}

/** A few hundred kilobytes of one unit: plain, multi-byte, NUL, many short lines. */
export const huge = fc
  .record({ unit: fc.constantFrom('a', 'é', '𝕏', '\u0000', 'x\n', 'word ', '\uD800'), bytes: fc.integer({ min: 20_000, max: 300_000 }) })
  .map(({ unit, bytes }) => hugeText(unit, bytes));

/** Anything a field could hold. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: anyUnicode },
  { weight: 2, arbitrary: graphemes },
  { weight: 3, arbitrary: nasty },
  { weight: 2, arbitrary: loneSurrogates },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_STRINGS) },
  { weight: 1, arbitrary: huge },
);

/**
 * Whether some layer might read the text as the id of an entry that exists (" 1 ", "+1", "0b11" all
 * read as small numbers): such a text could reach the seed entries that the specs after this one need.
 */
export const mayNameAnEntry = (text: string) => {
  const n = Number(text.trim());
  return Number.isFinite(n) && n >= 0.5 && n < 100_000;
};

/** Ids that exist nowhere or are not ids at all. */
export const badId: fc.Arbitrary<string> = fc
  .oneof(
    fc.constantFrom(
      '0',
      '-1',
      '999999',
      '2147483648',
      '9007199254740991',
      '9007199254740993',
      '1e400',
      '100001.5',
      '0x186A1',
      '1e5',
      ' 100001 ',
      '+100001',
      '0b11000011010100001',
      ' ',
      '',
      'abc',
      '１',
    ),
    fc.integer({ min: 100_000, max: 2_000_000_000 }).map(String),
    hostileString,
  )
  .filter((text) => !mayNameAnEntry(text));

/** A JSON value of the wrong type for any field. */
export const wrongJson: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, [], {}, [1], { toString: 'x' }, { $ne: null }),
  fc.jsonValue({ maxDepth: 3 }),
  hostileString,
);
