// Search requests the server has never answered: the figures for a search whose answer is not yet
// kept (lib/search/result-cache.ts keeps answers to requests asked again). Made from the archive's
// own text, so that every query finds something, in the mix SEARCH_QUERIES has: one word, two words
// of one passage, a phrase (two words that stand side by side), a prefix.
import { openReadOnlyDatabase } from '@/lib/db';
import { isStopWord } from '@/lib/search/stop-words';

/** Words worth searching for: four letters or more, not grammar. */
const subjectWords = (text: string) => (text.toLowerCase().match(/\p{L}{4,}/gu) ?? []).filter((w) => !isStopWord(w));

const PAIR_GAPS = [3, 2, 4, 5, 6];

/** The kinds of query, in the order they take turns. */
const MIX = ['word', 'two words', 'phrase', 'prefix', 'word', 'two words'] as const;

/** Every query each passage's text offers, by kind, distinct within its kind. */
function queriesOf(texts: string[]): Record<(typeof MIX)[number], string[]> {
  const kinds = { word: new Set<string>(), 'two words': new Set<string>(), phrase: new Set<string>(), prefix: new Set<string>() };
  for (const text of texts) {
    const words = subjectWords(text);
    words.forEach((word, i) => {
      kinds.word.add(word);
      // Pairs a few words apart (not side by side: that is the phrase's kind); several distances, so a
      // small archive (the seed's 18 passages) still offers a few thousand.
      for (const gap of PAIR_GAPS) {
        const later = words[i + gap];
        if (later && later !== word) kinds['two words'].add(`${word} ${later}`);
      }
      if (word.length >= 7) kinds.prefix.add(`${word.slice(0, 5)}*`);
    });
    // Side by side in the text itself, not merely in the list of subject words.
    for (const [, a, b] of text.toLowerCase().matchAll(/(\p{L}{4,})\s+(?=(\p{L}{4,}))/gu)) {
      if (!isStopWord(a!) && !isStopWord(b!)) kinds.phrase.add(`"${a} ${b}"`);
    }
  }
  return { word: [...kinds.word], 'two words': [...kinds['two words']], phrase: [...kinds.phrase], prefix: [...kinds.prefix] };
}

/**
 * Up to `count` distinct queries from the archive's passages (spread over it: every k-th passage by
 * id), the kinds taking turns until one runs out, then the others. Fewer when the archive's text has
 * fewer to give (the seed archive's 18 passages give a few thousand).
 */
export function freshQueries(databaseFile: string, count: number): string[] {
  const db = openReadOnlyDatabase(databaseFile);
  let texts: string[];
  try {
    const { n } = db.prepare('SELECT count(*) AS n FROM Passage').get() as { n: number };
    // About one passage for every two queries is plenty: each gives dozens.
    const every = Math.max(1, Math.floor(n / Math.max(1, count / 2)));
    texts = (db.prepare('SELECT text FROM Passage WHERE id % ? = 0 ORDER BY id').all(every) as { text: string }[]).map((r) => r.text);
  } finally {
    db.close();
  }
  const byKind = queriesOf(texts);
  const taken = new Map(MIX.map((kind) => [kind, 0]));
  const queries: string[] = [];
  while (queries.length < count) {
    let added = false;
    for (const kind of MIX) {
      const next = byKind[kind][taken.get(kind)!];
      if (next === undefined || queries.length >= count) continue;
      taken.set(kind, taken.get(kind)! + 1);
      queries.push(next);
      added = true;
    }
    if (!added) break;
  }
  return queries;
}
