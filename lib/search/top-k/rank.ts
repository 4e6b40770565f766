// The ranked page of a one-word search read from the word's impact-ordered list, instead of FTS5
// computing BM25 for every passage using the word. Exact: returns the very passages, in the very order,
// that `ORDER BY bm25, publishedOn DESC, id, position` would, or null when it cannot be sure (no list,
// passages pending a rescore, filters or a page deeper than the list reaches): the caller then ranks
// the old way.
//
// Why it is exact. For one phrase, BM25 is idf × termPart(weight, length, averageLength), and idf is
// the same for every passage, so the order is termPart's. The list holds each passage's weight and
// length, so termPart is computed exactly at today's average length; its stored `score` is termPart
// at the build's average length a0, and no passage outside the list scores above the list's floor
// there. termPart at average a is at most its value at a0 times max(1, a / a0) (only the length term
// of its denominator scales, by a0 / a), so every passage past a point of the walk scores at most
// (the next stored score, or the floor) × max(1, a / a0). Once the page's last passage scores above
// that bound, no passage not yet seen can enter the page, nor tie with it.
import 'server-only';
import { empty, join, num, sql, type QueryDb } from '@/lib/db';
import { termImpactReading as reading, totalsOf } from '@/lib/db';
import { filterSql } from '../filters';
import type { LexicalMatch } from '../lexical-match';
import { isPublicDocument } from '../public-documents';
import type { SearchRequest } from '../types';
import { idfOf, termPart } from './bm25';

export interface TopKPassage {
  id: number;
  /** BM25 with its sign flipped, as FTS5 computes it. */
  bm25: number;
}

const BATCH = 100;
const BOUND_MARGIN = 1e-9;
/** One quoted word: the only expression this path ranks (a list is one word's). */
const ONE_WORD = /^"([^"\s*]+)"$/;

/** Whether a plan's extra conditions are none at all (an initialism's are not: the old way handles them). */
const isTrue = (match: LexicalMatch) => match.where.sql.trim() === '1 = 1' && match.where.values.length === 0;

interface Candidate {
  id: number;
  part: number;
  publishedOn: string;
  position: number;
}

/** The order of the ranked-page statement: score, then newer documents, then id, then position. */
function byRank(a: Candidate, b: Candidate): number {
  if (a.part !== b.part) return b.part - a.part;
  if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? 1 : -1;
  return a.id - b.id || a.position - b.position;
}

export async function rankFromLists(
  db: QueryDb,
  match: LexicalMatch,
  request: SearchRequest,
  window: { limit: number; offset: number; exclude?: number[] },
): Promise<TopKPassage[] | null> {
  const word = ONE_WORD.exec(match.expression)?.[1];
  if (!word || match.coordination || !isTrue(match)) return null;
  const [list] = await db.$queryRaw<
    { id: number | bigint; floor: number; averageLength: number; size: number | bigint; pending: number | bigint; totals: Uint8Array | null }[]
  >(reading.list(word));
  if (!list || num(list.pending) !== 0) return null;
  const listId = num(list.id);
  const totals = totalsOf(list.totals);
  // Scores computed at today's average may exceed the stored ones by this factor at most.
  const drift = Math.max(1, totals.averageLength / list.averageLength) * (1 + BOUND_MARGIN);
  const excluded = new Set(window.exclude ?? []);
  const need = window.offset + window.limit;
  const inDocument = request.document ? sql`AND d.slug = ${request.document}` : empty;
  const kept: Candidate[] = [];
  let read = 0;
  // Each round reads twice as many entries as the last: a narrow filter reaches deep into a list in a few rounds.
  for (let round = 0; ; round++) {
    const size = Math.max(BATCH, need * 4) * 2 ** round;
    const entries = await db.$queryRaw<{ passageId: number | bigint; score: number; weight: number; length: number | bigint }[]>(
      reading.entries(listId, read, size),
    );
    read += entries.length;
    const ids = entries.map((e) => num(e.passageId)).filter((id) => !excluded.has(id));
    if (ids.length > 0) {
      // CROSS JOIN: look the few passages up by id first (the planner would rather scan the published documents).
      const passing = await db.$queryRaw<{ id: number | bigint; publishedOn: string; position: number | bigint }[]>`
        SELECT x.id AS id, x.publishedOn AS publishedOn, x.position AS position FROM (
          SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil, p.position AS position
          FROM Passage p CROSS JOIN Document d ON d.id = p.documentId
          WHERE p.id IN (${join(ids)}) AND ${isPublicDocument} ${inDocument}) x
        WHERE ${filterSql(request)}`;
      const byId = new Map(entries.map((e) => [num(e.passageId), e]));
      for (const row of passing) {
        const entry = byId.get(num(row.id))!;
        kept.push({
          id: num(row.id),
          part: termPart(entry.weight, num(entry.length), totals.averageLength),
          publishedOn: row.publishedOn,
          position: num(row.position),
        });
      }
      kept.sort(byRank);
    }
    const exhausted = entries.length < size;
    const next = exhausted ? list.floor : entries[entries.length - 1].score;
    const bound = next * drift;
    const page = () => kept.slice(window.offset, need);
    if (kept.length >= need && kept[need - 1].part > bound) return scored(db, word, totals.rows, page());
    if (exhausted) return list.floor === 0 ? scored(db, word, totals.rows, page()) : null;
    // A filter that keeps too few of the passages read so far will not fill the page from this list:
    // stop reading (the old way answers) rather than read the rest of it first.
    if (list.floor > 0 && (kept.length * num(list.size)) / read < need) return null;
  }
}

/** The page with its BM25 scores (idf × termPart): idf needs how many passages use the word. */
async function scored(db: QueryDb, word: string, rows: number, page: Candidate[]): Promise<TopKPassage[]> {
  if (page.length === 0) return [];
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>(reading.matchCount(`"${word}"`));
  const idf = idfOf(rows, num(n));
  return page.map((c) => ({ id: c.id, bm25: idf * c.part }));
}
