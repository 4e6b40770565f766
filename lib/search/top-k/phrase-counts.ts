// The ranked page of a phrase under a speaker or a topic, with BM25 computed here instead of by FTS5.
// FTS5's bm25() needs the phrase's number of matches for its idf, and counts them in a pass of its
// own over the whole index the first time a statement calls it: for a phrase, that pass reads both
// words' positions in every passage that has them. So ranking one speaker's matches of `"of the"`
// (1,000,000 passages, 1,693 of 331,000 matches) took 336 ms where reading them took 197, and the
// count's sample then read every match a third time. Here one pass counts the matches, takes the
// count's sample (as a listed word's count does) and reads, for the filtered matches only, what bm25()
// reads of a row: the phrase's count in each column and the row's length. BM25 is then computed
// exactly as FTS5 computes it (bm25.ts), so the page, its order, ties and scores are FTS5's. A prefix
// of more words than are searched one by one (`"bre"*`, prefixes.ts) is one phrase to FTS5 too, which
// it sets up again, merging the lists of every word it starts, for each statement that reads it.
//
// Only where the index head does not answer (a speaker or a topic: index-head.ts) and the plan has
// more than EXACT_COUNT_CAP matches (below that, ranking the old way costs little). Too few to sample,
// the pass keeps them all for the count, as a sample of every one (counting.ts): `"in a"` among one
// topic's paragraphs, 100,000 passages (2,600 matches, 75 kept), 34 -> 26 ms. Only a
// phrase whose terms all differ, or a prefix of one word: the counts come from highlight(), which marks
// overlapping instances once ("ha ha" in "ha ha ha" is two instances and one mark). And only when the
// filters checked on the index's row (a speaker's passages, when narrowed to them, and a topic) keep a
// small share of the matches: highlight() costs 15-25 µs a row kept, reading and cutting up its text.
// Measured at 1,000,000 passages: `"and of"` in a topic that keeps 5.8% of its matches, 418 -> 158 ms;
// `bre*` under a speaker keeping 0.4%, 305 -> 244 ms, and in that topic (5.6%), 346 -> 528 ms: a prefix's
// own passes read no positions, so it saves less. And only a phrase of common words (each in a fifth
// of the passages or more), whose passes read long lists of positions: `"human rights"` (7% each) in a
// topic went 50 -> 71 ms, its passes costing less than the highlighting.
import 'server-only';
import { fullText, lengthOf, num, readTotals, type QueryDb } from '@/lib/db';
import { EXACT_COUNT_CAP, keepFilteredCount, samplingOf, takeSample } from '../counting';
import { indexRowFilter } from '../filters';
import { isPlainMatch, type LexicalMatch } from '../lexical-match';
import { indexRowShare, narrowingFor } from '../narrowing';
import type { SearchRequest } from '../types';
import { idfOf, termPart, weightOf } from './bm25';
import { byRank, shownAmong, type PageWindow } from './candidates';
import type { TopKPassage } from './rank';
import { listedPassagesOf } from './stored-counts';

const ONE_PHRASE = /^"([^"*]+)"(\*?)$/;
/** The share of the matches the index-row filters may keep, at most (see above). */
const MOST_KEPT = { phrase: 0.1, prefix: 0.02 };
/** The share of the passages each word of a phrase must be in (see above). */
const COMMON_WORD = 0.2;

/** 'phrase': `expression` is one phrase of two terms or more, none of them twice (as the index stems them); 'prefix': a prefix of one term; else null. */
function shapeOf(db: QueryDb, expression: string): keyof typeof MOST_KEPT | null {
  const [, inner, star] = ONE_PHRASE.exec(expression) ?? [];
  if (!inner || !db.indexStems) return null;
  const terms = db.indexStems(inner.split(/\s+/).filter(Boolean)).flatMap((stems) => stems.split(' ').filter(Boolean));
  if (star) return terms.length === 1 ? 'prefix' : null;
  return terms.length >= 2 && new Set(terms).size === terms.length ? 'phrase' : null;
}

/**
 * Whether every word of the phrase is in COMMON_WORD of the `rows` passages or more: its stem's
 * passages as its list stores them (the stem's positions are what FTS5 reads), else the word's own
 * form's, counted in the text only that far (`that` and `in`, 1,000,000 passages: 14 ms each so). A
 * form's passages are at most its stem's: a word without a list is never taken for more common than it is.
 */
async function allCommon(db: QueryDb, expression: string, rows: number): Promise<boolean> {
  const words = [...new Set(ONE_PHRASE.exec(expression)![1].split(/\s+/).filter(Boolean))];
  const least = Math.ceil(COMMON_WORD * rows);
  for (const word of words) {
    const listed = await listedPassagesOf(db, word);
    const passages = listed ?? num((await db.$queryRaw<{ n: number | bigint }[]>(fullText.vocabulary.passagesUpTo!(word, least)))[0].n);
    if (passages < least) return false;
  }
  return true;
}

export async function rankPhraseFromCounts(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow): Promise<TopKPassage[] | null> {
  const statement = fullText.phraseCountsAndSample;
  if (!statement || !fullText.vocabulary.passagesUpTo || !isPlainMatch(match) || request.document || !(request.speaker || request.topic)) return null;
  const shape = shapeOf(db, match.expression);
  if (!shape) return null;
  const { all, every: stride } = await samplingOf(db, match, request);
  if (all.n <= EXACT_COUNT_CAP) return null;
  const every = stride ?? 1;
  const narrowing = await narrowingFor(db, match.expression, request);
  const totals = await readTotals(db);
  if (shape === 'phrase' && !(await allCommon(db, match.expression, totals.rows))) return null;
  if ((await indexRowShare(db, request, narrowing, totals.rows)) > MOST_KEPT[shape]) return null;

  const kept = indexRowFilter(request, { narrowing });
  const [row] = await db.$queryRaw<{ n: number | bigint; sample: string; kept: string }[]>(statement(match.expression, every, kept));
  takeSample(match, request, every, JSON.parse(row.sample) as number[]);
  const excluded = new Set(window.exclude ?? []);
  const counts = new Map(
    (JSON.parse(row.kept) as [number, number, number, number, string][]).filter(([id]) => !excluded.has(id)).map(([id, ...rest]) => [id, rest] as const),
  );
  // The other filters (kind, dates, the speaker's own check) and the documents' visibility, on the passages' rows.
  const shown = await shownAmong(db, [...counts.keys()], request);
  if (excluded.size === 0) keepFilteredCount(match, request, shown.length);

  const idf = idfOf(totals.rows, num(row.n));
  const scored = shown.map((passage) => {
    const [c0, c1, c2, size] = counts.get(passage.id)!;
    return { ...passage, bm25: idf * termPart(weightOf([c0, c1, c2]), lengthOf(Buffer.from(size, 'hex')), totals.averageLength) };
  });
  return scored
    .sort(byRank)
    .slice(window.offset, window.offset + window.limit)
    .map(({ id, bm25 }) => ({ id, bm25 }));
}
