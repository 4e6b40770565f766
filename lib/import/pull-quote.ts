// Spots pull quotes: short paragraphs a page repeats from text that came before them.
import { sentencesOf, wordsOf } from './text';

const MAX_WORDS = 80;
const MIN_OVERLAP = 0.6;
const MIN_SENTENCE_WORDS = 6;

function trigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

function overlap(candidate: Set<string>, earlier: Set<string>): number {
  if (candidate.size === 0) return 0;
  let shared = 0;
  for (const gram of candidate) if (earlier.has(gram)) shared++;
  return shared / candidate.size;
}

/** One whole sentence (of some length) found word for word, ignoring case and punctuation. */
function repeatsASentence(candidate: string, earlierWords: string): boolean {
  return sentencesOf(candidate).some((sentence) => {
    const words = wordsOf(sentence);
    return words.length >= MIN_SENTENCE_WORDS && ` ${earlierWords} `.includes(` ${words.join(' ')} `);
  });
}

/**
 * Index of the earlier text that the candidate repeats (mostly the same word 3-grams, or a whole
 * sentence verbatim), or null. Long paragraphs are never pull quotes: pages pull a line or two.
 */
export function repeatedTextIndex(candidate: string, earlier: readonly string[]): number | null {
  const words = wordsOf(candidate);
  if (words.length < 3 || words.length > MAX_WORDS) return null;
  const grams = trigrams(words);
  let best: { index: number; score: number } | null = null;
  earlier.forEach((text, index) => {
    const earlierWords = wordsOf(text);
    const score = overlap(grams, trigrams(earlierWords));
    const hit = score >= MIN_OVERLAP || repeatsASentence(candidate, earlierWords.join(' '));
    if (hit && (!best || score > best.score)) best = { index, score };
  });
  return (best as { index: number } | null)?.index ?? null;
}
