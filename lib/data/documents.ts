// Published documents: the filtered, faceted list and the reader's full document.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { Prisma } from '@/lib/generated/prisma/client';
import { parsePartialDate } from '@/lib/dates';
import type { DocumentFilters } from '@/lib/validation/document-filters';
import { splitParagraphs, type DocumentDetail, type DocumentSummary, type FacetCount } from './dto';
import { documentSummarySelect, PUBLISHED, toDocumentSummary } from './selections';
import { safeWebAddress } from '@/lib/validation/web-address';
import { recordingView } from './recording-view';

type FilterName = 'speaker' | 'topic' | 'kind' | 'date';

/** The filters as a Prisma condition; `except` leaves one out, for that facet's own counts. */
function documentWhere(filters: DocumentFilters, except?: FilterName): Prisma.DocumentWhereInput {
  const and: Prisma.DocumentWhereInput[] = [PUBLISHED];
  if (filters.speaker && except !== 'speaker') and.push({ participants: { some: { speaker: { slug: filters.speaker } } } });
  if (filters.topic && except !== 'topic') {
    and.push({ passages: { some: { topics: { some: { topic: { slug: filters.topic } } } } } });
  }
  if (filters.kind && except !== 'kind') and.push({ kind: filters.kind });
  if (except !== 'date') {
    // A document's whole period overlaps the range: "December 2016" matches from=2016-12-15.
    if (filters.from) and.push({ publishedUntil: { gte: parsePartialDate(filters.from)!.start } });
    if (filters.to) and.push({ publishedOn: { lte: parsePartialDate(filters.to)!.end } });
  }
  return { AND: and };
}

// Each order ends on the id: pages are cut with skip/take, and without a unique last key a document
// could show on two pages or on none (PostgreSQL's top-N sort is not stable across offsets).
const ORDER: Record<DocumentFilters['sort'], Prisma.DocumentOrderByWithRelationInput[]> = {
  newest: [{ publishedOn: 'desc' }, { title: 'asc' }, { id: 'asc' }],
  oldest: [{ publishedOn: 'asc' }, { title: 'asc' }, { id: 'asc' }],
  title: [{ title: 'asc' }, { id: 'asc' }],
};

export interface DocumentFacets {
  speakers: FacetCount[];
  topics: FacetCount[];
  kinds: FacetCount[];
  years: FacetCount[];
}

export interface DocumentList {
  items: DocumentSummary[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
  facets: DocumentFacets;
}

export async function listDocuments(filters: DocumentFilters): Promise<DocumentList> {
  const where = documentWhere(filters);
  const [rows, total, facets] = await Promise.all([
    prisma.document.findMany({
      where,
      orderBy: ORDER[filters.sort],
      skip: (filters.page - 1) * filters.pageSize,
      take: filters.pageSize,
      select: documentSummarySelect,
    }),
    prisma.document.count({ where }),
    documentFacets(filters),
  ]);
  return {
    items: rows.map(toDocumentSummary),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
    pageCount: Math.max(1, Math.ceil(total / filters.pageSize)),
    facets,
  };
}

/** Counts of documents for each value of each filter, given the other filters. */
async function documentFacets(filters: DocumentFilters): Promise<DocumentFacets> {
  const [speakers, topicDocumentIds, kinds, dates] = await Promise.all([
    prisma.speaker.findMany({
      where: { participants: { some: { document: documentWhere(filters, 'speaker') } } },
      orderBy: { name: 'asc' },
      select: {
        slug: true,
        name: true,
        participants: { where: { document: documentWhere(filters, 'speaker') }, select: { documentId: true } },
      },
    }),
    prisma.document.findMany({ where: documentWhere(filters, 'topic'), select: { id: true } }),
    prisma.document.groupBy({ by: ['kind'], where: documentWhere(filters, 'kind'), _count: { _all: true } }),
    prisma.document.findMany({ where: documentWhere(filters, 'date'), select: { publishedOn: true } }),
  ]);
  const years = new Map<string, number>();
  for (const { publishedOn } of dates) years.set(publishedOn.slice(0, 4), (years.get(publishedOn.slice(0, 4)) ?? 0) + 1);

  return {
    speakers: speakers.map((s) => ({ value: s.slug, label: s.name, count: new Set(s.participants.map((p) => p.documentId)).size })),
    topics: await topicDocumentCounts(topicDocumentIds.map((d) => d.id)),
    // Sorted by name here: PostgreSQL orders an enum by its declaration, SQLite by its text.
    kinds: kinds.map((k) => ({ value: k.kind, label: k.kind, count: k._count._all })).sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)),
    years: [...years.entries()].sort(([a], [b]) => b.localeCompare(a)).map(([year, count]) => ({ value: year, label: year, count })),
  };
}

async function topicDocumentCounts(documentIds: number[]): Promise<FacetCount[]> {
  if (documentIds.length === 0) return [];
  const rows = await prisma.$queryRaw<{ slug: string; name: string; count: bigint | number }[]>`
    SELECT t.slug AS slug, t.name AS name, COUNT(DISTINCT p.documentId) AS count
    FROM PassageTopic pt
    JOIN Passage p ON p.id = pt.passageId
    JOIN Topic t ON t.id = pt.topicId
    WHERE p.documentId IN (${Prisma.join(documentIds)})
    GROUP BY t.id
    ORDER BY t.name`;
  return rows.map((r) => ({ value: r.slug, label: r.name, count: Number(r.count) }));
}

export async function getPublishedDocument(slug: string): Promise<DocumentDetail | null> {
  const row = await prisma.document.findFirst({
    where: { slug, ...PUBLISHED },
    select: {
      ...documentSummarySelect,
      summary: true,
      sourceUrl: true,
      caption: true,
      language: true,
      updatedAt: true,
      recordingUrl: true,
      recordingFile: true,
      recordingType: true,
      sections: { orderBy: { position: 'asc' }, select: { title: true, synopsis: true, startAnchor: true } },
      passages: {
        orderBy: { position: 'asc' },
        select: {
          id: true,
          anchor: true,
          position: true,
          kind: true,
          text: true,
          speaker: { select: { slug: true, name: true } },
          question: { select: { anchor: true } },
          topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
          startMs: true,
          endMs: true,
        },
      },
    },
  });
  if (!row) return null;
  return {
    ...toDocumentSummary(row),
    summary: row.summary,
    // Only an http(s) address leaves the archive, even one stored before the rule (a `javascript:` link).
    sourceUrl: safeWebAddress(row.sourceUrl),
    caption: row.caption,
    language: row.language,
    updatedAt: row.updatedAt.toISOString(),
    passages: row.passages.map((p) => ({
      id: p.id,
      anchor: p.anchor,
      position: p.position,
      kind: p.kind,
      speaker: p.speaker,
      text: p.text,
      paragraphs: splitParagraphs(p.text),
      questionAnchor: p.question?.anchor ?? null,
      topics: p.topics.map((t) => t.topic),
      // Both or neither, as the write path stores them; a half-timed row reads as untimed.
      ...(p.startMs !== null && p.endMs !== null ? { startMs: p.startMs, endMs: p.endMs } : { startMs: null, endMs: null }),
    })),
    recording: recordingView(row),
    sections: outline(row.sections, row.passages),
  };
}

/**
 * The table of contents in reading order: by where each section's passage stands now (a passage moved
 * after its section was placed moves the section with it), the editor's order among sections that
 * start at one passage. Only sections that start at a passage the reader shows: a link to no passage
 * helps nobody.
 */
function outline<S extends { startAnchor: number }>(sections: S[], passages: { anchor: number }[]): S[] {
  const place = new Map(passages.map((p, i) => [p.anchor, i]));
  return sections
    .filter((s) => place.has(s.startAnchor))
    .map((s, order) => ({ s, order }))
    .sort((a, b) => place.get(a.s.startAnchor)! - place.get(b.s.startAnchor)! || a.order - b.order)
    .map(({ s }) => s);
}
