// Long passages are embedded in chunks: a sentence encoder averages what it reads, so one vector for
// a 300-word answer blurs the one sentence a reader asks about. A chunk is a run of whole sentences of
// at most MAX_WORDS words; each next chunk repeats the last sentence of the one before (when short),
// so a thought across the cut is whole in one of them. A passage scores by its best chunk.

export const MAX_WORDS = 100;
const OVERLAP_MAX_WORDS = 30;

const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Sentences of a text: cut after . ! ? (and a closing quote or bracket) before a space, and at blank lines. */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n|(?<=[.!?]["'”’)\]]?)\s+(?=["'“‘(\[]?[A-Z0-9])/u)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The texts to embed for a passage: itself when short, else overlapping runs of sentences. */
export function chunkPassage(text: string): string[] {
  const trimmed = text.trim();
  if (words(trimmed) <= MAX_WORDS) return trimmed ? [trimmed] : [];
  const chunks: string[] = [];
  let current: string[] = [];
  let count = 0;
  for (const sentence of sentences(trimmed).flatMap(splitLong)) {
    const n = words(sentence);
    if (count + n > MAX_WORDS && current.length > 0) {
      chunks.push(current.join(' '));
      const last = current[current.length - 1];
      current = words(last) <= OVERLAP_MAX_WORDS && current.length > 1 ? [last] : [];
      count = current.length > 0 ? words(last) : 0;
    }
    if (count + n > MAX_WORDS) [current, count] = [[], 0]; // no room for the overlap beside this sentence
    current.push(sentence);
    count += n;
  }
  if (current.length > 0) chunks.push(current.join(' '));
  return chunks;
}

/** A sentence longer than a chunk is cut into runs of MAX_WORDS words. */
function splitLong(sentence: string): string[] {
  const all = sentence.split(/\s+/).filter(Boolean);
  if (all.length <= MAX_WORDS) return [sentence];
  const parts: string[] = [];
  for (let i = 0; i < all.length; i += MAX_WORDS) parts.push(all.slice(i, i + MAX_WORDS).join(' '));
  return parts;
}
