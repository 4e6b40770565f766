// The only rewriting the importer allows itself: line endings, space characters and the BOM.
import { ImportError } from './errors';

// U+00A0 and the other characters Unicode calls spaces; zero-width ones are left alone because
// they are not visible spaces and may join emoji.
const UNICODE_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Control characters other than tab, LF, CR, vertical tab and form feed.
const CONTROLS = /[\u0001-\u0008\u000E-\u001F\u007F]/g;

/**
 * Rejects what is not text a person wrote: empty, whitespace only, or binary. Returns how many
 * U+FFFD characters (left by decoding with the wrong encoding) a readable text still contains.
 */
export function assertReadableText(raw: string): number {
  if (typeof raw !== 'string' || raw.trim().length === 0) {
    throw new ImportError('the text is empty: there is nothing to import');
  }
  const nul = raw.indexOf('\u0000');
  if (nul >= 0) {
    throw new ImportError(`the input looks binary (NUL byte at line ${lineAt(raw, nul)}), not text`, lineAt(raw, nul));
  }
  const controls = raw.match(CONTROLS)?.length ?? 0;
  const replacements = raw.match(/\uFFFD/g)?.length ?? 0;
  if (controls / raw.length > 0.01 || (controls + replacements) / raw.length > 0.02) {
    throw new ImportError(`the input looks binary (${controls + replacements} control or replacement characters), not text`);
  }
  return replacements;
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/** Raw lines with the BOM removed; front matter is read from these because YAML needs its indentation. */
export function splitRawLines(raw: string): string[] {
  return raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

/**
 * One raw line as the importer reads it: Unicode spaces and tabs made plain spaces, runs of spaces
 * collapsed, the ends trimmed. Line ends and the BOM are dealt with by splitRawLines.
 */
export function normalizeLine(line: string): string {
  return line
    .replace(UNICODE_SPACES, ' ')
    .replace(/[ \t\f\v]+/g, ' ')
    .trim();
}
