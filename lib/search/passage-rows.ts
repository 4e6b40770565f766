// A found passage as both search and "more like this" read it: one column list, one mapping.
import 'server-only';
import { num, sql } from '@/lib/db';
import { isoAtPrecision, type DatePrecision } from '@/lib/dates';
import { passagePath } from '@/lib/urls';
import type { PassageKind } from '@/lib/vocabulary';
import { shortLine } from './short-line';

/** How much of a question's text is read: enough for its short line, and no more however long it is. */
const QUESTION_CHARS = 400;

/**
 * The columns of a passage `p`, its document `d` and its speaker `s` (left-joined) that a reference needs,
 * and for an answer the question it answers. The question comes by subqueries on the primary key, not a
 * join, so every caller's FROM clause stays as it is and a page of hits is still one statement; it must
 * be a question of the same document (the write path keeps it so; the check makes a stale link show nothing).
 */
export const passageColumns = sql`p.id AS id, p.anchor AS anchor, p.kind AS kind, d.slug AS documentSlug, d.title AS documentTitle,
             d.publishedOn AS publishedOn, d.datePrecision AS datePrecision, s.slug AS speakerSlug, s.name AS speakerName,
             (SELECT q.anchor FROM Passage q WHERE q.id = p.questionId AND q.documentId = p.documentId AND q.kind = 'question') AS questionAnchor,
             (SELECT substr(q.text, 1, ${QUESTION_CHARS}) FROM Passage q
                WHERE q.id = p.questionId AND q.documentId = p.documentId AND q.kind = 'question') AS questionText`;

export interface PassageRow {
  id: number | bigint;
  anchor: number | bigint;
  kind: PassageKind;
  documentSlug: string;
  documentTitle: string;
  publishedOn: string;
  datePrecision: DatePrecision;
  speakerSlug: string | null;
  speakerName: string | null;
  questionAnchor: number | bigint | null;
  questionText: string | null;
}

/** An answer's question as one short line, and its anchor in the same document. */
export interface QuestionLine {
  anchor: number;
  /** About 120 characters, cut at a word boundary with "…". */
  text: string;
}

export interface PassageRef {
  passageId: number;
  documentSlug: string;
  documentTitle: string;
  kind: PassageKind;
  speaker: { slug: string; name: string } | null;
  /** The document's date at its precision: "2016-12". */
  date: string;
  /** The passage's stable address in the reader (a path). */
  url: string;
  anchor: number;
  /** For an answer: the question it answers (absent for questions, paragraphs and unlinked answers). */
  question?: QuestionLine;
}

export function passageRef(row: PassageRow): PassageRef {
  const anchor = num(row.anchor);
  return {
    passageId: num(row.id),
    documentSlug: row.documentSlug,
    documentTitle: row.documentTitle,
    kind: row.kind,
    speaker: row.speakerSlug && row.speakerName ? { slug: row.speakerSlug, name: row.speakerName } : null,
    date: isoAtPrecision(row.publishedOn, row.datePrecision),
    url: passagePath(row.documentSlug, anchor),
    anchor,
    ...(row.kind === 'answer' && row.questionAnchor !== null && row.questionText !== null
      ? { question: { anchor: num(row.questionAnchor), text: shortLine(row.questionText) } }
      : {}),
  };
}
