// Sizes the archive takes, as plain numbers: client forms check them before sending, without loading zod.

/** The longest passage text, in characters (after line breaks are folded and the ends trimmed). */
export const PASSAGE_TEXT_MAX = 50_000;
