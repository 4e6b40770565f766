// What the archive holds, for the home page.
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { DocumentSummary } from './dto';
import { documentSummarySelect, PUBLISHED, toDocumentSummary } from './selections';

export interface ArchiveOverview {
  counts: { documents: number; passages: number; speakers: number; topics: number };
  latest: DocumentSummary[];
}

export async function getOverview(latestCount = 5): Promise<ArchiveOverview> {
  const [documents, passages, speakers, topics, latest] = await Promise.all([
    prisma.document.count({ where: PUBLISHED }),
    prisma.passage.count({ where: { document: PUBLISHED } }),
    prisma.speaker.count({ where: { participants: { some: { document: PUBLISHED } } } }),
    prisma.topic.count({ where: { passages: { some: { passage: { document: PUBLISHED } } } } }),
    prisma.document.findMany({ where: PUBLISHED, orderBy: [{ publishedOn: 'desc' }, { id: 'desc' }], take: latestCount, select: documentSummarySelect }),
  ]);
  return { counts: { documents, passages, speakers, topics }, latest: latest.map(toDocumentSummary) };
}
