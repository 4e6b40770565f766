// "More like this": the passages in other documents that share the most distinctive words with one passage.
import { isPublicDocument } from './public-documents';
import { Prisma } from '@/lib/generated/prisma/client';
import { isoAtPrecision, type DatePrecision } from '@/lib/dates';
import { passagePath } from '@/lib/urls';
import { num, type SearchDb } from './database';
import { SPEAKER_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT } from './filters';
import { wordsOf } from './query-parser';

const KEY_WORDS = 12;
const MIN_WORD_LENGTH = 3;

export interface SimilarPassage {
  passageId: number;
  documentSlug: string;
  documentTitle: string;
  anchor: number;
  kind: 'question' | 'answer' | 'paragraph';
  speaker: { slug: string; name: string } | null;
  date: string;
  excerpt: string;
  url: string;
}

export async function moreLikeThis(db: SearchDb, passageId: number, limit = 5): Promise<SimilarPassage[]> {
  const [passage] = await db.$queryRaw<{ text: string; documentId: number | bigint }[]>`
    SELECT text, documentId FROM Passage WHERE id = ${passageId}`;
  if (!passage) return [];

  // The passage's words, weighted by how often it uses them and how rare they are in the archive.
  const counts = new Map<string, number>();
  for (const word of wordsOf(passage.text)) if (word.length >= MIN_WORD_LENGTH) counts.set(word, (counts.get(word) ?? 0) + 1);
  if (counts.size === 0) return [];
  const [{ total }] = await db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM Passage`;
  const frequencies = await db.$queryRaw<{ term: string; doc: number | bigint }[]>`
    SELECT term, doc FROM passage_words_fts_vocab WHERE term IN (${Prisma.join([...counts.keys()])})`;
  const keyWords = frequencies
    .filter((f) => num(f.doc) > 1)
    .map((f) => ({ term: f.term, weight: (counts.get(f.term) ?? 1) * Math.log(num(total) / num(f.doc)) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, KEY_WORDS)
    .map((w) => `"${w.term}"`);
  if (keyWords.length === 0) return [];

  const rows = await db.$queryRaw<{
    id: number | bigint;
    anchor: number | bigint;
    kind: SimilarPassage['kind'];
    text: string;
    documentSlug: string;
    documentTitle: string;
    publishedOn: string;
    datePrecision: DatePrecision;
    speakerSlug: string | null;
    speakerName: string | null;
  }[]>`
    SELECT p.id AS id, p.anchor AS anchor, p.kind AS kind, p.text AS text, d.slug AS documentSlug, d.title AS documentTitle,
           d.publishedOn AS publishedOn, d.datePrecision AS datePrecision, s.slug AS speakerSlug, s.name AS speakerName
    FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
    LEFT JOIN Speaker s ON s.id = p.speakerId
    WHERE passage_fts MATCH ${keyWords.join(' OR ')} AND ${isPublicDocument} AND p.documentId <> ${passage.documentId}
    ORDER BY bm25(passage_fts, ${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT}), d.publishedOn DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    passageId: num(r.id),
    documentSlug: r.documentSlug,
    documentTitle: r.documentTitle,
    anchor: num(r.anchor),
    kind: r.kind,
    speaker: r.speakerSlug && r.speakerName ? { slug: r.speakerSlug, name: r.speakerName } : null,
    date: isoAtPrecision(r.publishedOn, r.datePrecision),
    excerpt: r.text.length > 280 ? `${r.text.slice(0, r.text.lastIndexOf(' ', 280))}…` : r.text,
    url: passagePath(r.documentSlug, num(r.anchor)),
  }));
}
