// Where to send someone after signing in: the `next` parameter only when it is a path on this site,
// else the back office's home. Pure, so every nasty input can be tested.

export const DEFAULT_RETURN_PATH = '/admin';

const PLACEHOLDER_ORIGIN = 'http://return-path.invalid';
const MAX_LENGTH = 2048;

export function safeReturnPath(input: unknown, fallback: string = DEFAULT_RETURN_PATH): string {
  if (typeof input !== 'string' || input.length === 0 || input.length > MAX_LENGTH) return fallback;
  // Judge every spelling a browser or server might decode it to, up to three layers of %-encoding.
  let decoded = input;
  for (let layer = 0; layer < 3 && isPlainPath(decoded); layer++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      // A stray "%" decodes no further, here or anywhere else.
      break;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (!isPlainPath(decoded)) return fallback;
  // Let the URL parser have the last word: what it makes of the input must stay on this origin and
  // still be a plain path ("/.//evil.com" normalises to "//evil.com").
  let url: URL;
  try {
    url = new URL(input, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  return url.origin === PLACEHOLDER_ORIGIN && isPlainPath(path) ? path : fallback;
}

/**
 * One leading slash, then no second slash or backslash straight after it (browsers read "//host"
 * and "/\host" as another site), no backslash anywhere, and no control or invisible characters,
 * which URL parsers strip ("/\t/evil.com" becomes "//evil.com").
 */
function isPlainPath(value: string): boolean {
  if (!value.startsWith('/') || value.startsWith('//')) return false;
  if (value.includes('\\')) return false;
  // C0 and C1 controls, DEL, Unicode spaces other than the plain one, and format characters
  // (zero-width, bidirectional marks).
  return !/[\u0000-\u001f\u007f-\u009f\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\p{Cf}]/u.test(value);
}
