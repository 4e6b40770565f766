// Topics: the index with counts over published documents, and every passage tagged with one topic.
import 'server-only';
import { isPublicDocument } from '@/lib/search/public-documents';
import { prisma } from '@/lib/db/client';
import type { PassageInContext } from './dto';
import { ENTRY_PAGE_PASSAGES, passageInContextOrder, passageInContextSelect, PUBLISHED, toPassageInContext } from './selections';

export interface TopicSummary {
  slug: string;
  name: string;
  description: string | null;
  passageCount: number;
  documentCount: number;
}

export interface TopicDetail extends TopicSummary {
  /** The first ENTRY_PAGE_PASSAGES of the passageCount, in reading order. */
  passages: PassageInContext[];
}

const publishedPassage = { passage: { document: PUBLISHED } };

export async function listTopics(): Promise<TopicSummary[]> {
  const [topics, documentCounts] = await Promise.all([
    prisma.topic.findMany({
      orderBy: { name: 'asc' },
      select: { id: true, slug: true, name: true, description: true, _count: { select: { passages: { where: publishedPassage } } } },
    }),
    prisma.$queryRaw<{ topicId: number | bigint; count: number | bigint }[]>`
      SELECT pt.topicId AS topicId, COUNT(DISTINCT p.documentId) AS count
      FROM PassageTopic pt JOIN Passage p ON p.id = pt.passageId JOIN Document d ON d.id = p.documentId
      WHERE ${isPublicDocument}
      GROUP BY pt.topicId`,
  ]);
  const documents = new Map(documentCounts.map((r) => [Number(r.topicId), Number(r.count)]));
  return topics.map((t) => ({
    slug: t.slug,
    name: t.name,
    description: t.description,
    passageCount: t._count.passages,
    documentCount: documents.get(t.id) ?? 0,
  }));
}

export async function getTopic(slug: string): Promise<TopicDetail | null> {
  const topic = await prisma.topic.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
  if (!topic) return null;
  const where = { document: PUBLISHED, topics: { some: { topicId: topic.id } } };
  const [passages, passageCount, documents] = await Promise.all([
    prisma.passage.findMany({ where, orderBy: passageInContextOrder, select: passageInContextSelect, take: ENTRY_PAGE_PASSAGES }),
    prisma.passage.count({ where }),
    prisma.document.count({ where: { ...PUBLISHED, passages: { some: { topics: { some: { topicId: topic.id } } } } } }),
  ]);
  return {
    slug: topic.slug,
    name: topic.name,
    description: topic.description,
    passageCount,
    documentCount: documents,
    passages: passages.map(toPassageInContext),
  };
}
