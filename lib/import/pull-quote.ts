// Spots pull quotes: short paragraphs a page repeats from text that came before them.
import { sentencesOf, wordsOf } from './text';

const MAX_WORDS = 80;
const MIN_OVERLAP = 0.6;
const MIN_SENTENCE_WORDS = 6;

const EMPTY: ReadonlySet<number> = new Set();
const EMPTY_GRAMS: ReadonlySet<string> = new Set();

function trigrams(words: string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) out.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return out;
}

/** Passages seen so far, indexed by word 3-gram so long documents stay fast. */
export interface RepeatIndex {
  /** Adds a paragraph of passage number `passage` (a passage may get several). */
  add(passage: number, text: string): void;
  /**
   * The passage the candidate repeats (mostly the same word 3-grams, or one whole sentence word
   * for word, ignoring case and punctuation), or null. Long paragraphs are never pull quotes.
   */
  find(candidate: string): number | null;
}

export function createRepeatIndex(): RepeatIndex {
  const postings = new Map<string, Set<number>>();
  const wordStrings = new Map<number, string[]>();
  const gramsOf = new Map<number, Set<string>>();

  return {
    add(passage, text) {
      const words = wordsOf(text);
      const own = gramsOf.get(passage) ?? new Set<string>();
      for (const gram of trigrams(words)) {
        own.add(gram);
        const set = postings.get(gram) ?? new Set<number>();
        set.add(passage);
        postings.set(gram, set);
      }
      gramsOf.set(passage, own);
      wordStrings.set(passage, [...(wordStrings.get(passage) ?? []), ` ${words.join(' ')} `]);
    },
    find(candidate) {
      const words = wordsOf(candidate);
      if (words.length < 3 || words.length > MAX_WORDS) return null;
      const grams = [...trigrams(words)];
      const postingsOf = (gram: string) => postings.get(gram) ?? EMPTY;
      const hits = new Map<number, number>();
      const score = (p: number) => {
        const own = gramsOf.get(p) ?? EMPTY_GRAMS;
        return grams.filter((g) => own.has(g)).length / grams.length;
      };
      // Pigeonhole: a passage sharing 60% of the grams shares one of the rarest 40% + 1 of them.
      const needed = Math.ceil(MIN_OVERLAP * grams.length);
      const rarest = [...grams].sort((a, b) => postingsOf(a).size - postingsOf(b).size).slice(0, grams.length - needed + 1);
      for (const p of new Set(rarest.flatMap((g) => [...postingsOf(g)]))) {
        const s = score(p);
        if (s >= MIN_OVERLAP) hits.set(p, s);
      }
      for (const sentence of sentencesOf(candidate)) {
        const sw = wordsOf(sentence);
        if (sw.length < MIN_SENTENCE_WORDS) continue;
        const needle = ` ${sw.join(' ')} `;
        const rare = [...trigrams(sw)].sort((a, b) => postingsOf(a).size - postingsOf(b).size)[0] ?? '';
        for (const p of postingsOf(rare)) {
          if (!hits.has(p) && (wordStrings.get(p) ?? []).some((w) => w.includes(needle))) hits.set(p, score(p));
        }
      }
      let best: number | null = null;
      for (const [p, score] of hits) if (best === null || score > (hits.get(best) ?? 0)) best = p;
      return best;
    },
  };
}

/** One-off form of the index: which of `earlier` the candidate repeats, or null. */
export function repeatedTextIndex(candidate: string, earlier: readonly string[]): number | null {
  const index = createRepeatIndex();
  earlier.forEach((text, i) => index.add(i, text));
  return index.find(candidate);
}
