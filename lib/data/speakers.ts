// Speakers of published documents: the index, and one speaker's page with what they said by topic.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { DocumentSummary, PassageInContext, TopicRef } from './dto';
import { documentSummarySelect, ENTRY_PAGE_PASSAGES, passageInContextOrder, passageInContextSelect, PUBLISHED, toDocumentSummary, toPassageInContext } from './selections';

export interface SpeakerSummary {
  slug: string;
  name: string;
  bio: string | null;
  documentCount: number;
  passageCount: number;
}

export interface SpeakerDetail extends SpeakerSummary {
  bioSource: string | null;
  aliases: string[];
  documents: (DocumentSummary & { roles: string[] })[];
  /** What they said (the first ENTRY_PAGE_PASSAGES of passageCount), topic by topic; passages without a topic come last under `null`. */
  byTopic: { topic: TopicRef | null; passages: PassageInContext[] }[];
  /** How many passages byTopic holds (below passageCount when the page lists only the first). */
  listedPassages: number;
}

const inPublished = { document: PUBLISHED };

export async function listSpeakers(): Promise<SpeakerSummary[]> {
  const rows = await prisma.speaker.findMany({
    where: { participants: { some: inPublished } },
    orderBy: { name: 'asc' },
    select: {
      slug: true,
      name: true,
      bio: true,
      participants: { where: inPublished, select: { documentId: true } },
      _count: { select: { passages: { where: inPublished } } },
    },
  });
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    bio: r.bio,
    // One speaker may hold two roles in one document (author and translator): count it once.
    documentCount: new Set(r.participants.map((p) => p.documentId)).size,
    passageCount: r._count.passages,
  }));
}

export async function getSpeaker(slug: string): Promise<SpeakerDetail | null> {
  const speaker = await prisma.speaker.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      bio: true,
      bioSource: true,
      aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
      participants: { where: inPublished, select: { role: true, documentId: true } },
    },
  });
  if (!speaker || speaker.participants.length === 0) return null;

  const [documents, passages, passageCount] = await Promise.all([
    prisma.document.findMany({
      where: { ...PUBLISHED, participants: { some: { speakerId: speaker.id } } },
      orderBy: { publishedOn: 'desc' },
      select: { ...documentSummarySelect, id: true },
    }),
    prisma.passage.findMany({
      where: { speakerId: speaker.id, ...inPublished },
      orderBy: passageInContextOrder,
      select: passageInContextSelect,
      take: ENTRY_PAGE_PASSAGES,
    }),
    prisma.passage.count({ where: { speakerId: speaker.id, ...inPublished } }),
  ]);

  const rolesByDocument = new Map<number, string[]>();
  for (const p of speaker.participants) rolesByDocument.set(p.documentId, [...(rolesByDocument.get(p.documentId) ?? []), p.role]);

  return {
    slug: speaker.slug,
    name: speaker.name,
    bio: speaker.bio,
    bioSource: speaker.bioSource,
    aliases: speaker.aliases.map((a) => a.alias),
    documentCount: documents.length,
    passageCount,
    documents: documents.map((d) => ({ ...toDocumentSummary(d), roles: rolesByDocument.get(d.id) ?? [] })),
    byTopic: groupByTopic(passages.map(toPassageInContext)),
    listedPassages: passages.length,
  };
}

function groupByTopic(passages: PassageInContext[]): SpeakerDetail['byTopic'] {
  const groups = new Map<string, { topic: TopicRef | null; passages: PassageInContext[] }>();
  for (const passage of passages) {
    const topics = passage.topics.length > 0 ? passage.topics : [null];
    for (const topic of topics) {
      const key = topic?.slug ?? '';
      if (!groups.has(key)) groups.set(key, { topic, passages: [] });
      groups.get(key)!.passages.push(passage);
    }
  }
  return [...groups.values()].sort((a, b) => {
    if (!a.topic || !b.topic) return a.topic ? -1 : 1;
    return b.passages.length - a.passages.length || a.topic.name.localeCompare(b.topic.name);
  });
}
