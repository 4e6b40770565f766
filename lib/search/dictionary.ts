// An English dictionary (word-list: ~275,000 words, MIT), so that "did you mean" never turns a real
// word the archive happens not to use ("market", "border", "trade") into one it does ("make",
// "bother", "crane"). Read once, on the server (search runs there): 2.8 MB of text, ~150-200 ms.
// A search thread reads it before its first search (readEnglishDictionary): read on first use, it
// held up the first search that found nothing, and every search queued behind it (215 ms under load).
import 'server-only';
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';

let words: ReadonlySet<string> | null = null;

function dictionary(): ReadonlySet<string> {
  words ??= new Set(readFileSync(wordListPath, 'utf8').split('\n'));
  return words;
}

/** Reads the dictionary now, where a first use would wait for it. */
export const readEnglishDictionary = (): void => void dictionary();

/** Whether an English dictionary has the word (lower case, as the query parser gives it). */
export const isEnglishWord = (word: string) => dictionary().has(word);
