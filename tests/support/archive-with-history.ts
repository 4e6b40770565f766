// The seed archive after some editorial work, on a scratch SQLite copy: every kind of record the
// archive file carries has rows (an edit and its restore, a new topic and its tag, a synonym group, an
// admin account). The archive round-trip tests, on SQLite and on PostgreSQL, start from it.
import type { Editor } from '@/lib/auth/editor';
import { createAccount } from '@/lib/auth/accounts';
import type { Writer } from '@/lib/db';
import { createTopic, restoreRevision, tagPassage, updatePassage } from '@/lib/editorial';
import { addSynonymGroups } from '@/lib/editorial/synonyms';
import { scratchWriter } from './scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };

export async function archiveWithHistory(
  options: {
    /** Also re-parent the new topic under a newer one: an import must then insert a topic before its parent exists. */
    parentNewerThanChild?: boolean;
  } = {},
): Promise<Writer> {
  const writer = scratchWriter();
  const editing = { writer };
  const original = (writer.db.prepare('SELECT text FROM Passage WHERE documentId = 1 AND anchor = 2').get() as { text: string }).text;
  await updatePassage(ada, { documentId: 1, expectedVersion: 1, anchor: 2, text: `${original} (edited)` }, editing);
  await restoreRevision(ada, 'document', 1, 1, 2, 'Back to the words as spoken', editing);
  const topic = await createTopic(ada, { name: 'Exile “abroad”', description: 'Life after escape — 탈북' }, editing);
  const topicId = (writer.db.prepare('SELECT id FROM Topic WHERE slug = ?').get(topic.slug) as { id: number }).id;
  await tagPassage(ada, { documentId: 2, expectedVersion: 1, anchor: 3, topicId }, editing);
  if (options.parentNewerThanChild) {
    const newer = await createTopic(ada, { name: 'Leaving', description: 'Crossing the border' }, editing);
    writer.write((db) => db.prepare('UPDATE Topic SET parentId = (SELECT id FROM Topic WHERE slug = ?) WHERE id = ?').run(newer.slug, topicId));
  }
  addSynonymGroups(ada, [['defector', 'escapee']], editing);
  await createAccount(writer, { email: 'admin@example.org', name: 'An Admin', role: 'admin', password: 'a long enough passphrase 1' });
  return writer;
}
