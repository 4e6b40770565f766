// Sizes the archive takes, as plain numbers: client forms check them before sending, without loading zod.

/** The longest passage text, in characters (after line breaks are folded and the ends trimmed). */
export const PASSAGE_TEXT_MAX = 50_000;

/**
 * The most text one import takes, in UTF-8 bytes: the web form says so and checks it before
 * sending, the server action and the CLI enforce it. Next's server-action body limit is set a little
 * above it (next.config.js) so an over-long text meets this message rather than a 500.
 */
export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_LIMIT_LABEL = '1 MB';

/** "The text is 1.4 MB; the importer takes up to 1 MB of text…", or null when within the limit. */
export function importSizeProblem(bytes: number, what = 'The text'): string | null {
  if (bytes <= IMPORT_MAX_BYTES) return null;
  const size = bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  return `${what} is ${size}; the importer takes up to ${IMPORT_LIMIT_LABEL} of text at a time. Split it into parts and import each.`;
}
