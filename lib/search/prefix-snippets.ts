// The snippets of a page found by a prefix the engine searches as one phrase: `"bre"*`, when the
// prefix starts more words than are searched one by one (prefixes.ts). FTS5 sets such a prefix up by
// merging the lists of every word it starts, for each statement that reads it, so a page's snippets
// were read in one walk over the page's span of ids (lib/db's snippets), and ten hits' span covers
// most of the archive: `bre*` at 1,000,000 passages, 55 ms. The page's passages hold only a few of
// those words. Read with the index's own tokenizer (IndexStems) from what the index read of each
// passage, the prefix is written as those words, and the snippets are looked up id by id, as any
// other expression's are.
//
// The same passages match, with the same words marked in the same places: a passage holds one of the
// written words wherever, and only where, it holds a word the prefix starts. What may differ is the
// fragment FTS5 picks from a long passage: it scores each distinct phrase in a fragment once, and the
// words are phrases of their own now, so a fragment holding two of them wins over one holding one
// twice, as for a prefix searched word by word (`was*`).
import 'server-only';
import { fullText, num, type QueryDb } from '@/lib/db';

/** A prefix of one word as the engine writes it (`"bre"*`); the word is group 1. */
const ONE_WORD_PREFIX = /"([^"\s]+)"\*/g;
/** Where the index's tokenizer (unicode61) cuts text into words; checked against its own terms below. */
const BETWEEN_WORDS = /[^\p{L}\p{N}]+/u;

export interface SnippetGroup {
  expression: string;
  ids: number[];
}

/**
 * The expression to mark each of the passages `ids` with: `expression` with each one-word prefix
 * written as the words the passage holds that the prefix starts, the passages that read the same
 * grouped. `expression` itself, for all, where that cannot be done exactly: no tokenizer at hand, a
 * NEAR group (which takes phrases only), a passage holding none of a prefix's words (one under NOT,
 * or in another alternative), or one whose words are not cut as the index cuts them.
 */
export async function snippetGroups(db: QueryDb, expression: string, ids: number[]): Promise<SnippetGroup[]> {
  const unchanged = [{ expression, ids }];
  const stemsOf = db.indexStems;
  const prefixes = [...new Set([...expression.matchAll(ONE_WORD_PREFIX)].map((found) => found[1]))];
  // A prefix of a phrase ("north ko"*) is not written as words: it would be set up again for each group.
  const phrasePrefix = /"[^"]*\s[^"]*"\*/.test(expression);
  if (!stemsOf || !fullText.indexedText || ids.length === 0 || prefixes.length === 0 || phrasePrefix || /\bNEAR\b/.test(expression)) return unchanged;
  const ownStems = stemsOf(prefixes);
  if (ownStems.some((own) => !own || own.includes(' '))) return unchanged;
  const rows = await db.$queryRaw<{ id: number | bigint; text: string; speaker: string; title: string }[]>(fullText.indexedText(ids));
  const texts = rows.flatMap((row) => [row.text, row.speaker, row.title]);
  // The index's terms of each text, in order, beside the words cut from it here: the i-th word gives
  // the i-th term where both cut the text alike (as many words as terms, each word read back as its
  // term). A word is written, not its term: written as a phrase, a word is stemmed as the text's
  // was, while a stem may be stemmed again and change ("bremtrios" -> "bremtrio" -> "bremtri").
  const termsOf = stemsOf(texts).map((stems) => stems.split(' ').filter(Boolean));
  const wordsOf = texts.map((text) => text.split(BETWEEN_WORDS).filter(Boolean));
  if (termsOf.some((terms, i) => terms.length !== wordsOf[i].length)) return unchanged;
  const started = (term: string) => ownStems.some((own) => term.startsWith(own));
  // Per passage, each of its terms a prefix starts and a word that gives it, by term.
  const chosen = rows.map((_, r) => {
    const wordFor = new Map<string, string>();
    for (let t = 3 * r; t < 3 * r + 3; t++) termsOf[t].forEach((term, j) => started(term) && !wordFor.has(term) && wordFor.set(term, wordsOf[t][j]));
    return [...wordFor].sort(([a], [b]) => (a < b ? -1 : 1));
  });
  const pairs = chosen.flat();
  const readBack = stemsOf(pairs.map(([, word]) => word));
  if (pairs.some(([term], i) => readBack[i] !== term)) return unchanged;
  const groups = new Map<string, number[]>();
  for (const [r, row] of rows.entries()) {
    let whole = true;
    const written = expression.replace(ONE_WORD_PREFIX, (_, prefix: string) => {
      const own = ownStems[prefixes.indexOf(prefix)];
      const words = chosen[r].filter(([term]) => term.startsWith(own)).map(([, word]) => `"${word}"`);
      if (words.length === 0) whole = false;
      return `(${words.join(' OR ')})`;
    });
    if (!whole) return unchanged;
    groups.set(written, [...(groups.get(written) ?? []), num(row.id)]);
  }
  return [...groups].map(([expression, ids]) => ({ expression, ids }));
}
