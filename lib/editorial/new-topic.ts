// A new topic written inside the caller's transaction, with its revision and audit entry: the one insert
// behind the admin's createTopic (topics.ts) and the seed, which creates its topics and documents as one.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { slugify } from '@/lib/slug';
import { createTopicSchema } from '@/lib/validation/editorial';
import { parseInput, ValidationError } from './errors';
import type { EditOptions, EditResult } from './history';
import { insertEntryRow, recordCreated } from './new-entry';
import { topicPaths } from './paths';
import { sql } from './snapshots';
import type { WriteDb } from '@/lib/db';

/** Creates the topic, or with `keepExisting` returns the one that has its address already. */
export function insertTopic(db: WriteDb, editor: Editor, input: unknown, options?: EditOptions & { keepExisting?: boolean }): EditResult & { slug: string } {
  const data = parseInput(createTopicSchema, input);
  const slug = data.slug ?? slugify(data.name);
  if (!slug) throw new ValidationError('The name makes no address.', { slug: ['give an address: the name has no letters or digits to make one'] });
  const existing = sql(db, 'SELECT id, version FROM Topic WHERE slug = ?').get(slug) as { id: number; version: number } | undefined;
  if (existing && options?.keepExisting)
    return { entityType: 'topic', id: existing.id, slug, version: existing.version, changed: false, paths: [], warnings: [] };
  if (existing) throw new ValidationError('The address is taken.', { slug: ['is taken by another topic'] });
  if (data.parentId !== null && !sql(db, 'SELECT 1 FROM Topic WHERE id = ?').get(data.parentId)) {
    throw new ValidationError('The parent topic does not exist.', { parentId: [`topic ${data.parentId} does not exist`] });
  }
  const id = insertEntryRow(db, 'topic', { slug, name: data.name, description: data.description ?? null, parentId: data.parentId });
  return recordCreated(db, editor, {
    entityType: 'topic',
    id,
    slug,
    message: data.message,
    summary: `Created the topic “${data.name}” (${slug})`,
    ip: options?.ip,
    paths: (snapshot) => topicPaths(db, [snapshot], []),
  });
}
