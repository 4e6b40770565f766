// SQLite's full text: FTS5 over passage_fts (text, speaker, title; Porter stems) and its word list
// passage_words_fts_vocab (words as written, folded), both kept up to date by the migrations' triggers.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { FullTextStatements } from '../full-text';
import { toFtsExpression } from './fts-expression';

// BM25 weights of the indexed columns: what was said counts most; who said it, then where, less.
export const TEXT_WEIGHT = 1.0;
export const SPEAKER_WEIGHT = 0.5;
export const TITLE_WEIGHT = 0.2;

const bm25 = Prisma.sql`bm25(passage_fts, ${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT})`;
const VOCABULARY = Prisma.raw('passage_words_fts_vocab');

export const sqliteFullText: FullTextStatements = {
  expression: toFtsExpression,

  matchedRows(expression, withRank) {
    const rank = withRank ? Prisma.sql`, ${bm25} AS rank, p.position AS position` : Prisma.empty;
    return Prisma.sql`
    SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil ${rank}
    FROM passage_fts
    JOIN Passage p ON p.id = passage_fts.rowid
    JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression}`;
  },

  snippets(expression, ids, marks, tokens) {
    return Prisma.sql`
      SELECT rowid AS id, snippet(passage_fts, 0, ${marks.open}, ${marks.close}, '…', ${tokens}) AS snippet
      FROM passage_fts WHERE passage_fts MATCH ${expression} AND rowid IN (${Prisma.join(ids)})`;
  },

  highlights(expression, documentSlug, marks, where) {
    return Prisma.sql`
    SELECT p.id AS id, p.anchor AS anchor, highlight(passage_fts, 0, ${marks.open}, ${marks.close}) AS marked
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} AND d.slug = ${documentSlug} AND ${where}
    ORDER BY p.position`;
  },

  similar(words, columns, where, limit) {
    const expression = words.map((word) => `"${word}"`).join(' OR ');
    return Prisma.sql`
    SELECT ${columns}
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    LEFT JOIN Speaker s ON s.id = p.speakerId
    WHERE passage_fts MATCH ${expression} AND ${where}
    ORDER BY ${bm25}, d.publishedOn DESC
    LIMIT ${limit}`;
  },

  vocabulary: {
    terms: (words) => Prisma.sql`SELECT term, doc FROM ${VOCABULARY} WHERE term IN (${Prisma.join(words)})`,
    range: (start, end, shortest, longest) => Prisma.sql`
      SELECT term, doc FROM ${VOCABULARY}
      WHERE term >= ${start} AND term < ${end} AND length(term) BETWEEN ${shortest} AND ${longest}`,
    secondLetter: (letter, shortest, longest) => Prisma.sql`
      SELECT term, doc FROM ${VOCABULARY}
      WHERE substr(term, 2, 1) = ${letter} AND length(term) BETWEEN ${shortest} AND ${longest}`,
    prefixed: (prefix, limit) => Prisma.sql`
      SELECT term FROM ${VOCABULARY} WHERE term >= ${prefix} AND term < ${`${prefix}\uffff`}
      ORDER BY doc DESC LIMIT ${limit}`,
  },
};
