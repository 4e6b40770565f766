// Search within one document: which of its passages match, with the matches marked, for the reader.
import { isPublicDocument } from './public-documents';
import { num, type SearchDb } from './database';
import { MARK_CLOSE, MARK_OPEN } from './marks';
import { expressionFor } from './search-passages';

export interface DocumentMatches {
  /** Passage id → its text with matches between MARK_OPEN and MARK_CLOSE. */
  marked: Map<number, string>;
  /** Matching passages' anchors, in reading order. */
  anchors: number[];
}

export async function highlightDocument(db: SearchDb, documentSlug: string, q: string): Promise<DocumentMatches | null> {
  const expression = await expressionFor(db, q);
  if (!expression) return null;
  const rows = await db.$queryRaw<{ id: number | bigint; anchor: number | bigint; marked: string }[]>`
    SELECT p.id AS id, p.anchor AS anchor, highlight(passage_fts, 0, ${MARK_OPEN}, ${MARK_CLOSE}) AS marked
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} AND d.slug = ${documentSlug} AND ${isPublicDocument}
    ORDER BY p.position`;
  // A word of the title or the speaker's name matches every passage; only marks in the text count here.
  const inText = rows.filter((r) => r.marked.includes(MARK_OPEN));
  return {
    marked: new Map(inText.map((r) => [num(r.id), r.marked])),
    anchors: inText.map((r) => num(r.anchor)),
  };
}

