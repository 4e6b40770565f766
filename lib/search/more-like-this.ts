// "More like this": the passages in other documents that share the most distinctive words with one passage.
import 'server-only';
import { fullText, num, sql, type QueryDb } from '@/lib/db';
import { isPublicDocument } from './public-documents';
import { passageColumns, passageRef, type PassageRef, type PassageRow } from './passage-rows';
import { wordsOf } from './query-parser';

const KEY_WORDS = 12;
const MIN_WORD_LENGTH = 3;

export interface SimilarPassage extends PassageRef {
  excerpt: string;
}

export async function moreLikeThis(db: QueryDb, passageId: number, limit = 5): Promise<SimilarPassage[]> {
  const [passage] = await db.$queryRaw<{ text: string; documentId: number | bigint }[]>`
    SELECT text, documentId FROM Passage WHERE id = ${passageId}`;
  if (!passage) return [];

  // The passage's words, weighted by how often it uses them and how rare they are in the archive.
  const counts = new Map<string, number>();
  for (const word of wordsOf(passage.text)) if (word.length >= MIN_WORD_LENGTH) counts.set(word, (counts.get(word) ?? 0) + 1);
  if (counts.size === 0) return [];
  const [{ total }] = await db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM Passage`;
  const frequencies = await db.$queryRaw<{ term: string; doc: number | bigint }[]>(fullText.vocabulary.terms([...counts.keys()]));
  const keyWords = frequencies
    .filter((f) => num(f.doc) > 1)
    .map((f) => ({ term: f.term, weight: (counts.get(f.term) ?? 1) * Math.log(num(total) / num(f.doc)) }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, KEY_WORDS)
    .map((w) => w.term);
  if (keyWords.length === 0) return [];

  const where = sql`${isPublicDocument} AND p.documentId <> ${passage.documentId}`;
  const rows = await db.$queryRaw<(PassageRow & { text: string })[]>(fullText.similar(keyWords, sql`${passageColumns}, p.text AS text`, where, limit));
  return rows.map((r) => ({
    ...passageRef(r),
    excerpt: r.text.length > 280 ? `${r.text.slice(0, r.text.lastIndexOf(' ', 280))}…` : r.text,
  }));
}
