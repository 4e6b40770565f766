// The only rewriting the importer allows itself: line endings, space characters and the BOM.
import { ImportError } from './errors';

// U+00A0 and the other characters Unicode calls spaces; zero-width ones are left alone because
// they are not visible spaces and may join emoji.
const UNICODE_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
// Control characters other than tab, LF, CR and form feed, plus U+FFFD left by a failed decode.
const SUSPICIOUS = /[\u0001-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g;

/** Rejects what is not text a person wrote: empty, whitespace only, or binary. */
export function assertReadableText(raw: string): void {
  if (typeof raw !== 'string' || raw.trim().length === 0) {
    throw new ImportError('the text is empty: there is nothing to import');
  }
  const nul = raw.indexOf('\u0000');
  if (nul >= 0) {
    throw new ImportError(`the input looks binary (NUL byte at line ${lineAt(raw, nul)}), not text`, lineAt(raw, nul));
  }
  const suspicious = raw.match(SUSPICIOUS)?.length ?? 0;
  if (suspicious > 0 && (suspicious / raw.length > 0.02 || suspicious >= 50)) {
    throw new ImportError(`the input looks binary (${suspicious} control or replacement characters), not text`);
  }
}

function lineAt(text: string, offset: number): number {
  return text.slice(0, offset).split(/\r\n|\r|\n/).length;
}

/**
 * Splits the raw text into normalised lines, one per raw line so that line numbers stay true:
 * BOM removed, CRLF/CR read as line ends, Unicode spaces and tabs made plain spaces, runs of
 * spaces collapsed and each line trimmed.
 */
export function normalizeLines(raw: string): string[] {
  return splitRawLines(raw).map(normalizeLine);
}

/** Raw lines with the BOM removed; front matter is read from these because YAML needs its indentation. */
export function splitRawLines(raw: string): string[] {
  return raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}

export function normalizeLine(line: string): string {
  return line.replace(UNICODE_SPACES, ' ').replace(/[ \t\f\v]+/g, ' ').trim();
}
