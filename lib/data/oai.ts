// Reads for the OAI-PMH repository (lib/oai): every record's header (live and deleted) and what
// Dublin Core says about a published document. Only published documents are described; a document
// that stopped being public under an address is remembered as a deleted record, from its revisions.
import 'server-only';
import { jsonField, sql } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { isPublicDocument } from '@/lib/search/public-documents';
import { safeWebAddress } from '@/lib/validation/web-address';
import type { DocumentSummary } from './dto';
import { documentSummarySelect, PUBLISHED, toDocumentSummary } from './selections';
import { largest } from '@/lib/extremes';

/** One record's header: its document's address, when its metadata last changed, and its sets' members. */
export interface OaiRecordHead {
  slug: string;
  /** The latest change to anything the record's metadata shows, or when it stopped being public. */
  changedAt: Date;
  deleted: boolean;
  kind: string;
  /** Slugs of the topics its passages are tagged with (for a deleted record: when it was last public). */
  topics: string[];
}

/** What a Dublin Core record says about one published document. */
export interface OaiDocument extends DocumentSummary {
  summary: string | null;
  sourceUrl: string | null;
  language: string;
  topics: { slug: string; name: string }[];
}

const toDate = (value: Date | string | number): Date => (value instanceof Date ? value : new Date(value));
const latest = (dates: Date[]): Date => new Date(largest(dates.map((d) => d.getTime())));

/**
 * Every record, live and deleted, in identifier (slug) order. A live record's datestamp is the latest
 * change to the document or to a speaker or topic its metadata names (renaming a topic changes every
 * record with that subject). Read whole on each request: fine for thousands of documents; a much
 * larger archive would keep these datestamps in a table kept by the write path.
 */
export async function oaiRecordIndex(): Promise<OaiRecordHead[]> {
  const [documents, tagged, deleted] = await Promise.all([
    prisma.document.findMany({
      where: PUBLISHED,
      select: { id: true, slug: true, kind: true, updatedAt: true, participants: { select: { speaker: { select: { updatedAt: true } } } } },
    }),
    prisma.$queryRaw<{ documentId: number | bigint; slug: string; updatedAt: Date | string | number }[]>`
      SELECT DISTINCT p.documentId AS documentId, t.slug AS slug, t.updatedAt AS updatedAt
      FROM PassageTopic pt JOIN Passage p ON p.id = pt.passageId JOIN Topic t ON t.id = pt.topicId JOIN Document d ON d.id = p.documentId
      WHERE ${isPublicDocument}`,
    withdrawnRecords(),
  ]);
  const topicsOf = new Map<number, { slug: string; updatedAt: Date }[]>();
  for (const row of tagged) {
    const id = Number(row.documentId);
    topicsOf.set(id, [...(topicsOf.get(id) ?? []), { slug: row.slug, updatedAt: toDate(row.updatedAt) }]);
  }
  const live: OaiRecordHead[] = documents.map((d) => {
    const topics = topicsOf.get(d.id) ?? [];
    return {
      slug: d.slug,
      changedAt: latest([d.updatedAt, ...d.participants.map((p) => p.speaker.updatedAt), ...topics.map((t) => t.updatedAt)]),
      deleted: false,
      kind: d.kind,
      topics: topics.map((t) => t.slug).sort(),
    };
  });
  const liveSlugs = new Set(live.map((r) => r.slug));
  const gone = deleted.filter((r) => !liveSlugs.has(r.slug));
  return [...live, ...gone].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

interface RevisionHead {
  entityId: number | bigint;
  version: number | bigint;
  createdAt: Date | string | number;
  slug: string | null;
  status: string | null;
  deletedAt: string | null;
}

/**
 * Addresses under which a document was public in some revision and is not now: each is a deleted
 * record, dated by the revision that ended it (unpublished, deleted, or given another address).
 * Revisions are never removed, so this memory is persistent. A draft that was never published
 * appears nowhere: its address was never public.
 */
async function withdrawnRecords(): Promise<OaiRecordHead[]> {
  const rows = await prisma.$queryRaw<RevisionHead[]>`
    SELECT entityId, version, createdAt,
      ${jsonField(sql`snapshot`, 'slug')} AS slug, ${jsonField(sql`snapshot`, 'status')} AS status,
      ${jsonField(sql`snapshot`, 'deletedAt')} AS deletedAt
    FROM Revision WHERE entityType = 'document' ORDER BY entityId, version`;
  /** slug → the revision that ended its public life, and the last revision in which it was public. */
  const ended = new Map<string, { endedAt: Date; lastPublic: { entityId: number; version: number } }>();
  let open: { slug: string; entityId: number; version: number } | null = null;
  const close = (endedAt: Date) => {
    if (!open) return;
    const previous = ended.get(open.slug);
    if (!previous || previous.endedAt < endedAt) ended.set(open.slug, { endedAt, lastPublic: { entityId: open.entityId, version: open.version } });
    open = null;
  };
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const entityId = Number(row.entityId);
    if (i > 0 && Number(rows[i - 1].entityId) !== entityId) open = null; // the last document's current state: not ended
    const isPublic = row.status === 'published' && row.deletedAt === null && typeof row.slug === 'string';
    if (open && (!isPublic || open.slug !== row.slug)) close(toDate(row.createdAt));
    if (isPublic) open = { slug: row.slug!, entityId, version: Number(row.version) };
  }
  if (ended.size === 0) return [];
  const snapshots = await prisma.revision.findMany({
    where: { entityType: 'document', OR: [...ended.values()].map((e) => ({ entityId: e.lastPublic.entityId, version: e.lastPublic.version })) },
    select: { entityId: true, version: true, snapshot: true },
  });
  const setsOf = new Map(snapshots.map((s) => [`${s.entityId}:${s.version}`, lastPublicSets(s.snapshot)]));
  return [...ended.entries()].map(([slug, e]) => {
    const sets = setsOf.get(`${e.lastPublic.entityId}:${e.lastPublic.version}`) ?? { kind: '', topics: [] };
    return { slug, changedAt: e.endedAt, deleted: true, kind: sets.kind, topics: sets.topics };
  });
}

/** The kind and topics a document had in a revision's snapshot: a deleted record stays in its sets. */
function lastPublicSets(snapshot: string): { kind: string; topics: string[] } {
  const parsed = JSON.parse(snapshot) as { kind?: unknown; passages?: { topics?: unknown }[] };
  const topics = new Set<string>();
  for (const passage of parsed.passages ?? []) {
    if (Array.isArray(passage.topics)) for (const slug of passage.topics) if (typeof slug === 'string') topics.add(slug);
  }
  return { kind: typeof parsed.kind === 'string' ? parsed.kind : '', topics: [...topics].sort() };
}

/** Dublin Core's view of published documents, by slug; the ones not public are left out. */
export async function oaiDocuments(slugs: string[]): Promise<Map<string, OaiDocument>> {
  if (slugs.length === 0) return new Map();
  const rows = await prisma.document.findMany({
    where: { ...PUBLISHED, slug: { in: slugs } },
    select: {
      ...documentSummarySelect,
      summary: true,
      sourceUrl: true,
      language: true,
      passages: { select: { topics: { select: { topic: { select: { slug: true, name: true } } } } } },
    },
  });
  return new Map(
    rows.map((row) => {
      const topics = new Map<string, string>();
      for (const passage of row.passages) for (const { topic } of passage.topics) topics.set(topic.slug, topic.name);
      return [
        row.slug,
        {
          ...toDocumentSummary(row),
          summary: row.summary,
          // Only an http(s) address leaves the archive, as in the reader and the API.
          sourceUrl: safeWebAddress(row.sourceUrl),
          language: row.language,
          topics: [...topics.entries()].map(([slug, name]) => ({ slug, name })).sort((a, b) => a.name.localeCompare(b.name)),
        },
      ];
    }),
  );
}

/** Every topic, for the repository's sets: slug, name and description. */
export function oaiTopics(): Promise<{ slug: string; name: string; description: string | null }[]> {
  return prisma.topic.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, name: true, description: true } });
}
