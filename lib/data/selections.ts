// Prisma selections and filters shared by the data layer's queries, so that every query shows the
// same fields and every public query sees only published documents.
import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';
import { publicationDate, splitParagraphs, type DocumentSummary, type PassageInContext } from './dto';

/** Public: published and not deleted. lib/search/public-documents.ts says the same in SQL. */
export const PUBLISHED = { status: 'published', deletedAt: null } as const satisfies Prisma.DocumentWhereInput;

export const documentSummarySelect = {
  slug: true,
  kind: true,
  title: true,
  subtitle: true,
  publisher: true,
  publishedOn: true,
  datePrecision: true,
  participants: { orderBy: { position: 'asc' }, select: { role: true, speaker: { select: { slug: true, name: true } } } },
  _count: { select: { passages: true } },
} as const satisfies Prisma.DocumentSelect;

type DocumentSummaryRow = Prisma.DocumentGetPayload<{ select: typeof documentSummarySelect }>;

export function toDocumentSummary(row: DocumentSummaryRow): DocumentSummary {
  return {
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    subtitle: row.subtitle,
    publisher: row.publisher,
    date: publicationDate(row.publishedOn, row.datePrecision),
    participants: row.participants.map((p) => ({ slug: p.speaker.slug, name: p.speaker.name, role: p.role })),
    passageCount: row._count.passages,
  };
}

export const passageInContextSelect = {
  id: true,
  anchor: true,
  kind: true,
  text: true,
  speaker: { select: { slug: true, name: true } },
  document: { select: { slug: true, title: true, publishedOn: true, datePrecision: true } },
  topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
} as const satisfies Prisma.PassageSelect;

type PassageInContextRow = Prisma.PassageGetPayload<{ select: typeof passageInContextSelect }>;

export function toPassageInContext(row: PassageInContextRow): PassageInContext {
  return {
    id: row.id,
    anchor: row.anchor,
    kind: row.kind,
    text: row.text,
    speaker: row.speaker,
    document: {
      slug: row.document.slug,
      title: row.document.title,
      date: publicationDate(row.document.publishedOn, row.document.datePrecision),
    },
    topics: row.topics.map((t) => t.topic),
  };
}

/** Passages of published documents, newest document first, in reading order within each. */
export const passageInContextOrder = [
  { document: { publishedOn: 'desc' } },
  { document: { id: 'asc' } },
  { position: 'asc' },
] as const satisfies Prisma.PassageOrderByWithRelationInput[];

export { splitParagraphs };

/**
 * The most passages a speaker's or a topic's page lists. A topic of a large archive holds tens of
 * thousands: loading them all made the page a 500 (more related rows than one Prisma query may bind)
 * and a page nobody scrolls. The page gives the full count and where to find the rest.
 */
export const ENTRY_PAGE_PASSAGES = 200;
