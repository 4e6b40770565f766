// The ranked page of a phrase under a speaker or a topic, with BM25 computed here instead of by FTS5.
// FTS5's bm25() needs the phrase's number of matches for its idf, and counts them in a pass of its
// own over the whole index the first time a statement calls it: for a phrase, that pass reads both
// words' positions in every passage that has them. So ranking one speaker's matches of `"of the"`
// (1,000,000 passages, 1,693 of 331,000 matches) took 336 ms where reading them took 197, and the
// count's sample then read every match a third time. Here one pass counts the matches and takes the
// count's sample (as a listed word's count does), and a second reads the filtered matches with what
// bm25() reads of a row: the phrase's count in each column and the row's length. BM25 is then
// computed exactly as FTS5 computes it (bm25.ts), so the page, its order, ties and scores are FTS5's.
//
// Only where the index head does not answer (a speaker or a topic: index-head.ts) and the plan samples
// its count (more than EXACT_COUNT_CAP matches; below that, ranking the old way costs little). Only a
// phrase whose terms all differ: the counts come from highlight(), which marks overlapping instances
// once ("ha ha" in "ha ha ha" is two instances and one mark).
import 'server-only';
import { fullText, lengthOf, num, readTotals, type QueryDb } from '@/lib/db';
import { keepFilteredCount, samplingOf, takeSample } from '../counting';
import { indexRowFilter } from '../filters';
import { isPlainMatch, type LexicalMatch } from '../lexical-match';
import { narrowingFor } from '../narrowing';
import type { SearchRequest } from '../types';
import { idfOf, termPart, weightOf } from './bm25';
import { byRank, shownAmong, type PageWindow, type ScoredCandidate } from './candidates';
import type { TopKPassage } from './rank';

const ONE_PHRASE = /^"([^"*]+)"$/;
/** The kept matches are looked up this many at a time (each id a bound value). */
const LOOKUP_BATCH = 5_000;

/** Whether `expression` is one phrase of two terms or more, none of them twice (as the index stems them). */
function isPhraseOfDistinctTerms(db: QueryDb, expression: string): boolean {
  const inner = ONE_PHRASE.exec(expression)?.[1];
  if (!inner || !db.indexStems) return false;
  const terms = db.indexStems(inner.split(/\s+/).filter(Boolean)).flatMap((stems) => stems.split(' ').filter(Boolean));
  return terms.length >= 2 && new Set(terms).size === terms.length;
}

export async function rankPhraseFromCounts(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow): Promise<TopKPassage[] | null> {
  const statement = fullText.phraseCountsAndSample;
  if (!statement || !isPlainMatch(match) || request.document || !(request.speaker || request.topic)) return null;
  if (!isPhraseOfDistinctTerms(db, match.expression)) return null;
  const { every } = await samplingOf(db, match, request);
  if (every === null) return null;

  const kept = indexRowFilter(request, { narrowing: await narrowingFor(db, match.expression, request) });
  const [row] = await db.$queryRaw<{ n: number | bigint; sample: string; kept: string }[]>(statement(match.expression, every, kept));
  takeSample(match, request, every, JSON.parse(row.sample) as number[]);
  const excluded = new Set(window.exclude ?? []);
  const counts = new Map(
    (JSON.parse(row.kept) as [number, number, number, number, string][]).filter(([id]) => !excluded.has(id)).map(([id, ...rest]) => [id, rest] as const),
  );
  // The other filters (kind, dates, the speaker's own check) and the documents' visibility, on the passages' rows.
  const ids = [...counts.keys()];
  const shown: Omit<ScoredCandidate, 'bm25'>[] = [];
  for (let start = 0; start < ids.length; start += LOOKUP_BATCH) shown.push(...(await shownAmong(db, ids.slice(start, start + LOOKUP_BATCH), request)));
  if (excluded.size === 0) keepFilteredCount(match, request, shown.length);

  const totals = await readTotals(db);
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
