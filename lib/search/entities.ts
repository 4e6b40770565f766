// The speakers, documents and topics a query names or describes ("defector" is in a bio, "escapee"
// in a summary), for the compact list above the passages. Only what the public may see: speakers of
// published documents, published documents, topics.
import 'server-only';
import { fullText, join, num, sql, type QueryDb, type Sql } from '@/lib/db';
import { exactTerms, initialismCondition } from './lexical-match';
import { isoAtPrecision, type DatePrecision } from '@/lib/dates';
import { MARK_CLOSE, MARK_OPEN } from './marks';
import type { ParsedQuery } from './query-parser';
import { isPublicDocument } from './public-documents';
import type { EntityMatches } from './types';

/** Of each kind, at most this many: the list is a pointer, the passages are the results. */
export const MAX_ENTITIES_PER_KIND = 5;
const SNIPPET_TOKENS = 14;

type Row = {
  kind: 'speaker' | 'document' | 'topic' | 'section';
  entry: number | bigint;
  slug: string;
  label: string;
  docKind: string | null;
  publishedOn: string | null;
  datePrecision: DatePrecision | null;
  /** A section's document and start passage. */
  documentSlug: string | null;
  documentTitle: string | null;
  anchor: number | bigint | null;
};

export async function matchEntities(db: QueryDb, parsed: ParsedQuery, natural: boolean, initialisms: Set<string>): Promise<EntityMatches | undefined> {
  // A natural query's stop words are left out as in the passages' plan ("who is Seongmin Lee" names a
  // speaker); every other word must match, so a long question does not list every entity sharing one word.
  const { query: expanded, lookup, prefixes, expression } = await exactTerms(db, parsed, { natural, initialisms, index: 'entities' });
  if (!expression) return undefined;
  // "UN" names the United Nations, not a document about Kim Jong-un: as in passages (lexical-match.ts).
  const conditions = expanded.groups
    .map((group) => initialismCondition(group, lookup, initialisms, { prefixes }, sql`m.entry`, 'entities'))
    .filter((c): c is Sql => c !== null);
  const standalone = conditions.length > 0 ? join(conditions, ' AND ') : sql`1 = 1`;

  // The match runs once; each kind keeps its best few that the public may see. Each branch reads the
  // matches first and looks their rows up by id: CROSS JOIN keeps SQLite's planner to that order
  // (PostgreSQL plans it as the same inner join). Left to choose, SQLite walked every published
  // document and searched the matches for each: 2.9 s for `smugg*` at 1,000,000 passages, 10 ms so.
  const rows = await db.$queryRaw<Row[]>`
    WITH m AS MATERIALIZED (SELECT * FROM (${fullText.entityRows(expression)}) m WHERE ${standalone}),
    visible AS (
      SELECT m.kind, m.entry, m.rank, s.slug AS slug, s.name AS label, CAST(NULL AS TEXT) AS docKind, CAST(NULL AS TEXT) AS publishedOn, CAST(NULL AS TEXT) AS datePrecision,
             CAST(NULL AS TEXT) AS documentSlug, CAST(NULL AS TEXT) AS documentTitle, CAST(NULL AS INTEGER) AS anchor
      FROM m CROSS JOIN Speaker s
      WHERE m.kind = 'speaker' AND s.id = m.id AND EXISTS (SELECT 1 FROM Participant pa JOIN Document d ON d.id = pa.documentId WHERE pa.speakerId = s.id AND ${isPublicDocument})
      UNION ALL
      SELECT m.kind, m.entry, m.rank, d.slug, d.title, CAST(d.kind AS TEXT), d.publishedOn, CAST(d.datePrecision AS TEXT), NULL, NULL, NULL
      FROM m CROSS JOIN Document d WHERE m.kind = 'document' AND d.id = m.id AND ${isPublicDocument}
      UNION ALL
      SELECT m.kind, m.entry, m.rank, t.slug, t.name, NULL, NULL, NULL, NULL, NULL, NULL FROM m CROSS JOIN Topic t WHERE m.kind = 'topic' AND t.id = m.id
      UNION ALL
      SELECT m.kind, m.entry, m.rank, d.slug || '#' || ds.id, ds.title, NULL, NULL, NULL, d.slug, d.title, ds.startAnchor
      FROM m CROSS JOIN DocumentSection ds CROSS JOIN Document d
      WHERE m.kind = 'section' AND ds.id = m.id AND d.id = ds.documentId AND ${isPublicDocument} AND EXISTS (SELECT 1 FROM Passage p WHERE p.documentId = d.id AND p.anchor = ds.startAnchor)
    )
    SELECT kind, entry, slug, label, docKind, publishedOn, datePrecision, documentSlug, documentTitle, anchor FROM (
      SELECT *, ROW_NUMBER() OVER (PARTITION BY kind ORDER BY rank, label) AS n FROM visible
    ) ranked WHERE n <= ${MAX_ENTITIES_PER_KIND} ORDER BY kind, n`;
  if (rows.length === 0) return undefined;

  const snippets = await db.$queryRaw<{ entry: number | bigint; marked: string }[]>(
    fullText.entitySnippets(
      expression,
      rows.map((r) => num(r.entry)),
      { open: MARK_OPEN, close: MARK_CLOSE },
      SNIPPET_TOKENS,
    ),
  );
  const marked = new Map(snippets.map((s) => [num(s.entry), s.marked]));
  const of = (kind: Row['kind']) => rows.filter((r) => r.kind === kind);
  return {
    speakers: of('speaker').map((r) => ({ slug: r.slug, name: r.label, marked: marked.get(num(r.entry)) })),
    documents: of('document').map((r) => ({
      slug: r.slug,
      title: r.label,
      kind: r.docKind!,
      date: isoAtPrecision(r.publishedOn!, r.datePrecision!),
      marked: marked.get(num(r.entry)),
    })),
    topics: of('topic').map((r) => ({ slug: r.slug, name: r.label })),
    sections: of('section').map((r) => ({
      documentSlug: r.documentSlug!,
      documentTitle: r.documentTitle!,
      title: r.label,
      anchor: num(r.anchor!),
      marked: marked.get(num(r.entry)),
    })),
  };
}
