// Search within one document: which of its passages match, with the matches marked, for the reader.
import 'server-only';
import { fullText, num, type QueryDb } from '@/lib/db';
import { isPublicDocument } from './public-documents';
import { relaxedMatch } from './lexical-match';
import { MARK_CLOSE, MARK_OPEN } from './marks';
import { initialismsOf, isNaturalQuery, parseQuery } from './query-parser';
import { expressionFor } from './search-passages';

export interface DocumentMatches {
  /** Passage id → its text with matches between MARK_OPEN and MARK_CLOSE. */
  marked: Map<number, string>;
  /** Matching passages' anchors, in reading order. */
  anchors: number[];
}

export async function highlightDocument(db: QueryDb, documentSlug: string, q: string): Promise<DocumentMatches | null> {
  const parsed = parseQuery(q);
  const expression = await expressionFor(db, q);
  if (!expression) return null;
  const exact = await highlight(db, documentSlug, expression);
  // A hit found on some of a natural query's words leads here: mark those words, as search did.
  if (exact.anchors.length > 0 || !isNaturalQuery(q, parsed)) return exact;
  const relaxed = await relaxedMatch(db, parsed, initialismsOf(q));
  return relaxed ? highlight(db, documentSlug, relaxed.expression) : exact;
}

async function highlight(db: QueryDb, documentSlug: string, expression: string): Promise<DocumentMatches> {
  const rows = await db.$queryRaw<{ id: number | bigint; anchor: number | bigint; marked: string }[]>(
    fullText.highlights(expression, documentSlug, { open: MARK_OPEN, close: MARK_CLOSE }, isPublicDocument),
  );
  // A word of the title or the speaker's name matches every passage; only marks in the text count here.
  const inText = rows.filter((r) => r.marked.includes(MARK_OPEN));
  return {
    marked: new Map(inText.map((r) => [num(r.id), r.marked])),
    anchors: inText.map((r) => num(r.anchor)),
  };
}
