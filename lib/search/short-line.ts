// A passage's text as one short line (an answer's question above the answer): cut at a word
// boundary, never inside a word, a surrogate pair or a combined character.

const SEGMENTER = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * The text with its white space folded to single spaces, cut to at most `max` characters (the
 * ellipsis included) after the last whole word that fits, with "…" when anything was cut (so no
 * comma or colon dangles before the ellipsis).
 */
export function shortLine(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  let end = 0;
  // Intl.Segmenter knows word boundaries in scripts without spaces too; its segments never split a
  // surrogate pair or a grapheme, so cutting at a segment's end is always safe.
  for (const { segment, index, isWordLike } of SEGMENTER.segment(flat)) {
    if (index + segment.length > max - 1) break;
    if (isWordLike) end = index + segment.length;
  }
  // One word longer than the whole line: cut it at a grapheme boundary rather than show nothing.
  if (end === 0) end = graphemeCut(flat, max - 1);
  return `${flat.slice(0, end)}…`;
}

function graphemeCut(text: string, limit: number): number {
  let end = 0;
  for (const { segment, index } of new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(text)) {
    if (index + segment.length > limit) break;
    end = index + segment.length;
  }
  return end;
}
