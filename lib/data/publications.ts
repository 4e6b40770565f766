// Published documents as feeds and the sitemap need them: when each was published in this archive
// (not its original date, which keeps its precision in `date`), newest first, and when it last changed.
//
// The archive keeps no publication column; its revisions say it. A document became public at the
// first revision of its current public run: the first snapshot published and not deleted after the
// last one that was a draft or deleted (a document unpublished and published again is new again).
// Every write makes a revision, so every public document has one; a row from before revisions falls
// back to when it was created.
import 'server-only';
import { jsonField } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { isPublicDocument } from '@/lib/search/public-documents';
import { safeWebAddress } from '@/lib/validation/web-address';
import type { DocumentSummary } from './dto';
import { documentSummarySelect, PUBLISHED, toDocumentSummary } from './selections';

export interface PublishedDocument extends DocumentSummary {
  summary: string | null;
  sourceUrl: string | null;
  language: string;
  /** When it became public here: an instant, ISO 8601 in UTC. */
  publishedAt: string;
  /** When it last changed here: an instant, never before publishedAt. */
  updatedAt: string;
}

const PUBLIC_SNAPSHOT = Prisma.sql`${jsonField(Prisma.sql`r.snapshot`, 'status')} = 'published' AND ${jsonField(Prisma.sql`r.snapshot`, 'deletedAt')} IS NULL`;

/** An instant as SQLite holds it (ISO text, or milliseconds from Prisma), as ISO 8601 in UTC. */
const instant = (value: string | number | bigint | Date): string => new Date(typeof value === 'bigint' ? Number(value) : value).toISOString();

/** The newest `limit` published documents by their publication here, newest first. */
export async function recentlyPublished(limit: number): Promise<PublishedDocument[]> {
  const rows = await prisma.$queryRaw<{ id: number | bigint; publishedAt: string | number | bigint }[]>`
    SELECT d.id AS id, COALESCE(
      (SELECT MIN(r.createdAt) FROM Revision r
        WHERE r.entityType = 'document' AND r.entityId = d.id AND ${PUBLIC_SNAPSHOT}
          AND r.version > COALESCE((SELECT MAX(r.version) FROM Revision r
                                    WHERE r.entityType = 'document' AND r.entityId = d.id AND NOT (${PUBLIC_SNAPSHOT})), 0)),
      d.createdAt) AS publishedAt
    FROM Document d
    WHERE ${isPublicDocument}`;
  const published = rows
    .map((r) => ({ id: Number(r.id), publishedAt: instant(r.publishedAt) }))
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || b.id - a.id)
    .slice(0, limit);
  const documents = await prisma.document.findMany({
    where: { id: { in: published.map((p) => p.id) }, ...PUBLISHED },
    select: { ...documentSummarySelect, id: true, summary: true, sourceUrl: true, language: true, updatedAt: true },
  });
  const byId = new Map(documents.map((d) => [d.id, d]));
  return published.flatMap(({ id, publishedAt }) => {
    const row = byId.get(id);
    if (!row) return [];
    const updatedAt = instant(row.updatedAt);
    return [
      {
        ...toDocumentSummary(row),
        summary: row.summary,
        sourceUrl: safeWebAddress(row.sourceUrl),
        language: row.language,
        publishedAt,
        updatedAt: updatedAt > publishedAt ? updatedAt : publishedAt,
      },
    ];
  });
}

export interface SitemapEntries {
  documents: { slug: string; updatedAt: string }[];
  speakers: { slug: string; updatedAt: string }[];
  topics: { slug: string; updatedAt: string }[];
}

/** Every public page with an address of its own that a search engine should know, with its last change. */
export async function sitemapEntries(): Promise<SitemapEntries> {
  const [documents, speakers, topics] = await Promise.all([
    prisma.document.findMany({ where: PUBLISHED, orderBy: { publishedOn: 'desc' }, select: { slug: true, updatedAt: true } }),
    prisma.speaker.findMany({ where: { participants: { some: { document: PUBLISHED } } }, orderBy: { name: 'asc' }, select: { slug: true, updatedAt: true } }),
    prisma.topic.findMany({
      where: { passages: { some: { passage: { document: PUBLISHED } } } },
      orderBy: { name: 'asc' },
      select: { slug: true, updatedAt: true },
    }),
  ]);
  const dated = (rows: { slug: string; updatedAt: Date }[]) => rows.map((r) => ({ slug: r.slug, updatedAt: instant(r.updatedAt) }));
  return { documents: dated(documents), speakers: dated(speakers), topics: dated(topics) };
}
