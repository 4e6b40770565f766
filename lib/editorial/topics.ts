// Topics: create, edit (name, slug, description, parent), merge one into another, delete when unused.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { updateTopicSchema } from '@/lib/validation/editorial';
import type { CreateTopicInput } from '@/lib/validation/editorial';
import { quoted } from './audit';
import { setChangedColumns } from './columns';
import { ValidationError } from './errors';
import { ensureBaseline, runWrite, type EditOptions, type EditResult } from './history';
import { topicPaths } from './paths';
import { checkRestoredSlug, referencedEntityEditing, type ReferencedEntitySpec } from './referenced-entity';
import { insertTopic } from './new-topic';
import { sql, topicSnapshot, type TopicSnapshot } from './snapshots';
import { resolveTopic } from './store';
import { nowIso, writerOf, type WriteDb } from '@/lib/db';

export function getTopicForEditing(id: number, options?: EditOptions): TopicSnapshot | null {
  return topicSnapshot(writerOf(options).db, id);
}

/** Whether `topicId` is `ancestorId` or one of its subtopics, following parents upwards. */
function isInside(db: WriteDb, topicId: number, ancestorId: number): boolean {
  for (let id: number | null = topicId, hops = 0; id !== null && hops < 1000; hops++) {
    if (id === ancestorId) return true;
    id = (sql(db, 'SELECT parentId FROM Topic WHERE id = ?').get(id) as { parentId: number | null } | undefined)?.parentId ?? null;
  }
  return false;
}

/** A parent must exist and must not be the topic itself or one of its subtopics. */
function checkParent(db: WriteDb, topicId: number | null, parentId: number | null): void {
  if (parentId === null) return;
  if (!sql(db, 'SELECT 1 FROM Topic WHERE id = ?').get(parentId)) {
    throw new ValidationError('The parent topic does not exist.', { parentId: [`topic ${parentId} does not exist`] });
  }
  if (topicId !== null && isInside(db, parentId, topicId)) {
    throw new ValidationError('A topic cannot be inside itself.', { parentId: ['must not be the topic itself or one of its subtopics'] });
  }
}

interface TopicColumns {
  slug?: string;
  name?: string;
  description?: string | null;
  parentId?: number | null;
}

function setTopicColumns(db: WriteDb, id: number, next: TopicColumns): void {
  const current = sql(db, 'SELECT slug, name, description, parentId FROM Topic WHERE id = ?').get(id) as Required<TopicColumns>;
  setChangedColumns(db, 'Topic', id, current, next, (columns) => {
    if (columns.includes('parentId')) checkParent(db, id, next.parentId ?? null);
  });
}

/** Ids of the documents with a passage tagged with the topic. */
function documentsOfTopic(db: WriteDb, topicId: number): number[] {
  return (
    sql(db, 'SELECT DISTINCT p.documentId AS documentId FROM PassageTopic pt JOIN Passage p ON p.id = pt.passageId WHERE pt.topicId = ? ORDER BY 1').all(
      topicId,
    ) as { documentId: number }[]
  ).map((r) => r.documentId);
}

/** The admin's create: the same insert as the seed's (new-topic.ts), in a write of its own. */
export async function createTopic(editor: Editor, input: CreateTopicInput, options?: EditOptions): Promise<EditResult & { slug: string }> {
  return runWrite(options, (db) => insertTopic(db, editor, input, options));
}

/**
 * Topics as entries documents point at: a merge moves its passages' tags (a passage tagged with both
 * keeps one) and its subtopics to the target, and every moved subtopic gets a revision; a delete is
 * refused while a passage is tagged with the topic or a topic sits under it.
 */
const TOPIC: ReferencedEntitySpec<TopicSnapshot, typeof updateTopicSchema> = {
  entityType: 'topic',
  table: 'Topic',
  documentsOf: documentsOfTopic,
  paths: topicPaths,
  updateSchema: updateTopicSchema,
  fields: ['name', 'slug', 'description', 'parentId'],
  write: (db, data) => setTopicColumns(db, data.id, { slug: data.slug, name: data.name, description: data.description, parentId: data.parentId }),
  move: (db, target, source) => {
    const childIds = (sql(db, 'SELECT id FROM Topic WHERE parentId = ? AND id != ?').all(source.id, target.id) as { id: number }[]).map((r) => r.id);
    const childrenBefore = childIds.map((id) => ensureBaseline(db, 'topic', id)) as TopicSnapshot[];
    sql(db, 'INSERT INTO PassageTopic (passageId, topicId) SELECT passageId, ? FROM PassageTopic WHERE topicId = ? ON CONFLICT DO NOTHING').run(
      target.id,
      source.id,
    );
    sql(db, 'DELETE FROM PassageTopic WHERE topicId = ?').run(source.id);
    for (const id of childIds) sql(db, 'UPDATE Topic SET parentId = ?, updatedAt = ? WHERE id = ?').run(target.id, nowIso(), id);
    // The target inside the source: it takes the source's place in the tree.
    if (target.parentId === source.id) setTopicColumns(db, target.id, { parentId: source.parentId });
    return childrenBefore;
  },
  blocked: (db, before) => {
    const passages = (sql(db, 'SELECT COUNT(*) AS n FROM PassageTopic WHERE topicId = ?').get(before.id) as { n: number }).n;
    const children = (sql(db, 'SELECT COUNT(*) AS n FROM Topic WHERE parentId = ?').get(before.id) as { n: number }).n;
    if (passages === 0 && children === 0) return null;
    const uses = [
      passages > 0 ? `${passages} passage${passages === 1 ? ' is' : 's are'} tagged with it` : '',
      children > 0 ? `${children} topic${children === 1 ? ' sits' : 's sit'} under it` : '',
    ].filter(Boolean);
    return `${quoted(before.name)} cannot be deleted: ${uses.join(' and ')}. Merge it into another topic instead, or remove those first.`;
  },
};

export const { update: updateTopic, merge: mergeTopics, remove: deleteTopic } = referencedEntityEditing(TOPIC);

/** Makes the topic equal to a snapshot (restoreRevision). A parent deleted since is left out with a warning. */
export function applyTopicSnapshot(db: WriteDb, current: TopicSnapshot, target: TopicSnapshot): string[] {
  const warnings: string[] = [];
  checkRestoredSlug(db, TOPIC, current, target);
  let parentId = target.parentId;
  if (parentId !== null && !sql(db, 'SELECT 1 FROM Topic WHERE id = ?').get(parentId)) {
    // Deleted, renamed or merged since: follow its slug through the history.
    parentId = target.parentSlug ? resolveTopic(db, target.parentSlug) : null;
    if (parentId === null) warnings.push(`The parent topic “${target.parentSlug ?? target.parentId}” no longer exists; the topic is now at the top.`);
  }
  if (parentId !== null && isInside(db, parentId, current.id)) {
    warnings.push(`“${target.parentSlug}” is now inside “${target.slug}”, so the topic keeps its current parent.`);
    parentId = current.parentId;
  }
  setTopicColumns(db, current.id, { slug: target.slug, name: target.name, description: target.description, parentId });
  return warnings;
}
