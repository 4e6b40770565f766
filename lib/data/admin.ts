// Lists for the back office: every document (drafts and deleted ones too), speakers, topics, audit events.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { publicationDate, type PublicationDate } from './dto';

export interface EditorDocumentRow {
  id: number;
  slug: string;
  title: string;
  kind: string;
  status: 'draft' | 'published';
  deleted: boolean;
  version: number;
  date: PublicationDate;
  passageCount: number;
  updatedAt: Date;
}

export async function listDocumentsForEditors({ deleted = false } = {}): Promise<EditorDocumentRow[]> {
  const rows = await prisma.document.findMany({
    where: { deletedAt: deleted ? { not: null } : null },
    orderBy: [{ updatedAt: 'desc' }],
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      status: true,
      deletedAt: true,
      version: true,
      publishedOn: true,
      datePrecision: true,
      updatedAt: true,
      _count: { select: { passages: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    kind: r.kind,
    status: r.status,
    deleted: r.deletedAt !== null,
    version: r.version,
    date: publicationDate(r.publishedOn, r.datePrecision),
    passageCount: r._count.passages,
    updatedAt: r.updatedAt,
  }));
}

export interface Choice {
  id: number;
  slug: string;
  name: string;
}

/** Every speaker, for the speaker menus of forms. */
export const speakerChoices = (): Promise<Choice[]> =>
  prisma.speaker.findMany({ orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true } });

/** Every topic, for tagging. */
export const topicChoices = (): Promise<Choice[]> => prisma.topic.findMany({ orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true } });

/** The archive's speaker with this name or alias, for matching an import's speakers; null when there is none. */
export const speakerNamed = (name: string): Promise<{ id: number; name: string } | null> =>
  prisma.speaker.findFirst({ where: { OR: [{ name }, { aliases: { some: { alias: name } } }] }, select: { id: true, name: true } });

export async function listSpeakersForEditors() {
  return prisma.speaker.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, slug: true, name: true, version: true, _count: { select: { passages: true, participants: true } } },
  });
}

export async function listTopicsForEditors() {
  return prisma.topic.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, slug: true, name: true, version: true, parent: { select: { name: true } }, _count: { select: { passages: true } } },
  });
}

export async function listAuditEvents({ page = 1, pageSize = 50 } = {}) {
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({ orderBy: [{ at: 'desc' }, { id: 'desc' }], skip: (page - 1) * pageSize, take: pageSize }),
    prisma.auditEvent.count(),
  ]);
  return { events, total, page, pageSize };
}

export async function backOfficeCounts() {
  const [drafts, published, deleted, revisions] = await Promise.all([
    prisma.document.count({ where: { status: 'draft', deletedAt: null } }),
    prisma.document.count({ where: { status: 'published', deletedAt: null } }),
    prisma.document.count({ where: { deletedAt: { not: null } } }),
    prisma.revision.count(),
  ]);
  return { drafts, published, deleted, revisions };
}

export async function recentRevisions(take = 10) {
  return prisma.revision.findMany({
    orderBy: { id: 'desc' },
    take,
    select: { id: true, entityType: true, entityId: true, version: true, message: true, editorName: true, createdAt: true },
  });
}

/** How much refers to a speaker: the passages they speak and the documents they take part in. */
export async function speakerUsage(id: number): Promise<{ passages: number; documents: number }> {
  const [passages, documents] = await Promise.all([
    prisma.passage.count({ where: { speakerId: id } }),
    prisma.participant.findMany({ where: { speakerId: id }, distinct: ['documentId'], select: { documentId: true } }),
  ]);
  return { passages, documents: documents.length };
}

/** How many passages carry a topic. */
export const topicPassageCount = (id: number): Promise<number> => prisma.passageTopic.count({ where: { topicId: id } });

/** Every topic's parent, to keep a topic from being moved under itself. */
export const topicTree = (): Promise<{ id: number; parentId: number | null }[]> => prisma.topic.findMany({ select: { id: true, parentId: true } });

/** The topic and every topic under it, at any depth: none of them can be its parent. */
function withDescendants(id: number, tree: { id: number; parentId: number | null }[]): Set<number> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const topic of tree) {
      if (topic.parentId !== null && found.has(topic.parentId) && !found.has(topic.id)) {
        found.add(topic.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Where a topic sits in the tree: every topic, its parent, its subtopics, and the topics it may be moved under. */
export async function topicPlace(id: number, parentId: number | null) {
  const [tree, choices] = await Promise.all([topicTree(), topicChoices()]);
  const childIds = new Set(tree.filter((t) => t.parentId === id).map((t) => t.id));
  const notParents = withDescendants(id, tree);
  return {
    choices,
    parent: choices.find((choice) => choice.id === parentId),
    subtopics: choices.filter((choice) => childIds.has(choice.id)),
    allowedParents: choices.filter((choice) => !notParents.has(choice.id)),
  };
}
