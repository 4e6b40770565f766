// Speakers and topics: create, edit, merge (every reference moves, duplicates fold into one, both
// sides recorded), delete only when unused, and optimistic locking — on a fresh seeded copy per test.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import {
  ConflictError,
  createSpeaker,
  createTopic,
  deleteSpeaker,
  deleteTopic,
  EditorialError,
  getDocumentForEditing,
  getRevision,
  getSpeakerForEditing,
  getTopicForEditing,
  listRevisions,
  mergeSpeakers,
  mergeTopics,
  tagPassage,
  updatePassage,
  updateSpeaker,
  updateTopic,
  ValidationError,
} from '@/lib/editorial';
import { indexedIds } from '@/tests/support/full-text-probe';
import { createLeeNamesakeInterview, LEE } from '@/tests/support/lee-namesake';
import { scratch } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const JEFF = 1;

function fresh() {
  const { options, db } = scratch();
  return {
    options,
    db,
    count: (sqlText: string, ...params: unknown[]) => (db.prepare(sqlText).get(...params) as { n: number }).n,
    audit: (entityType: string, id: number) =>
      db.prepare('SELECT action, summary FROM AuditEvent WHERE entityType = ? AND entityId = ? ORDER BY id').all(entityType, String(id)) as {
        action: string;
        summary: string;
      }[],
  };
}

describe('speakers', () => {
  it('creates a speaker with a slug from the name, and refuses a taken slug', async () => {
    const t = fresh();
    const created = await createSpeaker(ada, { name: 'Hyeon-seo Lee', aliases: ['HL'], bio: 'Writer.' }, t.options);
    expect(created).toMatchObject({ entityType: 'speaker', slug: 'hyeon-seo-lee', version: 1 });
    expect(getSpeakerForEditing(created.id, t.options)).toEqual({
      type: 'speaker',
      id: created.id,
      version: 1,
      slug: 'hyeon-seo-lee',
      name: 'Hyeon-seo Lee',
      bio: 'Writer.',
      bioSource: null,
      aliases: ['HL'],
    });
    expect(listRevisions('speaker', created.id, t.options).map((r) => [r.version, r.message])).toEqual([[1, 'Created']]);
    const taken = await createSpeaker(ada, { name: 'Jeff Kim' }, t.options).catch((e) => e);
    expect(taken).toBeInstanceOf(ValidationError);
    expect(taken.fieldErrors).toEqual({ slug: ['is taken by another speaker'] });
  });

  it('renames (the search index follows), edits slug and aliases, and refuses a stale version', async () => {
    const t = fresh();
    // Jeff Kim's passages: the index has them under "Jeff Kim", and nothing under "Jeffrey Kim", until the rename.
    const his = (t.db.prepare('SELECT id FROM Passage WHERE speakerId = ? ORDER BY id').all(JEFF) as { id: number }[]).map((r) => r.id);
    expect(his.length).toBeGreaterThan(1);
    expect([indexedIds(t.db, '"jeff kim"'), indexedIds(t.db, 'jeffrey')]).toEqual([his, []]);
    const result = await updateSpeaker(ada, { id: JEFF, expectedVersion: 1, name: 'Jeffrey Kim', slug: 'jeffrey-kim', aliases: ['JK', 'Jeff'] }, t.options);
    expect(result).toMatchObject({ version: 2, changed: true });
    expect(result.paths).toEqual(
      expect.arrayContaining(['/speakers/jeff-kim', '/speakers/jeffrey-kim', '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea']),
    );
    expect([indexedIds(t.db, '"jeffrey kim"'), indexedIds(t.db, 'jeff')]).toEqual([his, []]);
    expect(getSpeakerForEditing(JEFF, t.options)!.aliases).toEqual(['JK', 'Jeff']);

    const stale = await updateSpeaker(ada, { id: JEFF, expectedVersion: 1, name: 'J. Kim' }, t.options).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ entityType: 'speaker', currentVersion: 2, current: { name: 'Jeffrey Kim' }, attempted: { name: 'J. Kim' } });
    const taken = await updateSpeaker(ada, { id: JEFF, expectedVersion: 2, slug: 'seongmin-lee' }, t.options).catch((e) => e);
    expect(taken.fieldErrors).toEqual({ slug: ['is taken by another speaker'] });
    expect(getSpeakerForEditing(JEFF, t.options)).toMatchObject({ name: 'Jeffrey Kim', slug: 'jeffrey-kim', version: 2 });
  });

  it('merges B into A: passages, participants (once per role), aliases and name move; B is deleted; both recorded', async () => {
    const t = fresh();
    const { namesake: b, interview: doc } = await createLeeNamesakeInterview(ada, t.options);
    await updatePassage(ada, { documentId: 1, expectedVersion: 1, anchor: 2, speakerId: b.id }, t.options);
    // B's two passages are in the index under B's name until the merge.
    const bPassages = (t.db.prepare('SELECT id FROM Passage WHERE speakerId = ? ORDER BY id').all(b.id) as { id: number }[]).map((r) => r.id);
    expect(bPassages).toHaveLength(2);
    expect(indexedIds(t.db, '"s m lee"')).toEqual(bPassages);

    const stale = await mergeSpeakers(ada, { targetId: LEE, expectedTargetVersion: 1, sourceId: b.id, expectedSourceVersion: 7 }, t.options).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ entityType: 'speaker', entityId: b.id, currentVersion: 1 });
    expect(getSpeakerForEditing(b.id, t.options)).not.toBeNull();

    const merged = await mergeSpeakers(ada, { targetId: LEE, expectedTargetVersion: 1, sourceId: b.id, expectedSourceVersion: 1 }, t.options);
    expect(merged).toMatchObject({ entityType: 'speaker', id: LEE, merged: b.id, version: 2, changed: true });
    expect(merged.paths).toEqual(
      expect.arrayContaining(['/speakers/s-m-lee', '/speakers/seongmin-lee', '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea/passages/2']),
    );

    expect(getSpeakerForEditing(b.id, t.options)).toBeNull();
    expect(getSpeakerForEditing(LEE, t.options)!.aliases).toEqual(['Lee', 'Lee Seongmin', 'S. M. Lee', 'SL']);
    expect(getDocumentForEditing(doc.id, t.options)!.participants.map((p) => [p.speakerId, p.role])).toEqual([
      [LEE, 'interviewee'],
      [LEE, 'translator'],
    ]);
    expect(getDocumentForEditing(doc.id, t.options)!.passages[0]).toMatchObject({ speakerId: LEE, speakerName: 'Seongmin Lee' });
    expect(getDocumentForEditing(1, t.options)!.passages[1]).toMatchObject({ anchor: 2, speakerId: LEE });
    expect(t.count('SELECT COUNT(*) AS n FROM Passage WHERE speakerId = ?', b.id)).toBe(0);
    expect(indexedIds(t.db, '"s m lee"')).toEqual([]);

    // Both speakers and both documents touched have a new revision.
    const last = getRevision('speaker', b.id, 2, t.options)!;
    expect(last.snapshot).toMatchObject({ deleted: true, mergedInto: { id: LEE, slug: 'seongmin-lee', name: 'Seongmin Lee' } });
    expect(last.message).toBe('Merged “S. M. Lee” into “Seongmin Lee”');
    expect(listRevisions('speaker', LEE, t.options).map((r) => r.version)).toEqual([2, 1]);
    expect(listRevisions('document', doc.id, t.options).map((r) => [r.version, r.message])).toEqual([
      [2, 'Merged “S. M. Lee” into “Seongmin Lee”'],
      [1, 'Created'],
    ]);
    expect(getDocumentForEditing(1, t.options)!.version).toBe(3);
    expect(t.audit('speaker', LEE)).toEqual([
      { action: 'create', summary: 'Created the speaker “Seongmin Lee” (seongmin-lee)' },
      { action: 'merge', summary: 'Merged the speaker “S. M. Lee” (s-m-lee) into “Seongmin Lee” (seongmin-lee); 2 documents updated' },
    ]);
    expect(t.audit('speaker', b.id).map((a) => a.action)).toEqual(['create', 'merge']);
  });

  it('deletes only an unused speaker', async () => {
    const t = fresh();
    const used = await deleteSpeaker(ada, { id: JEFF, expectedVersion: 1 }, t.options).catch((e) => e);
    expect(used).toBeInstanceOf(EditorialError);
    expect(used.message).toBe(
      '“Jeff Kim” cannot be deleted: one document names this speaker (3 passages). Merge the speaker into another one instead, or remove those references first.',
    );
    expect(getSpeakerForEditing(JEFF, t.options)).not.toBeNull();

    const unused = await createSpeaker(ada, { name: 'Nobody Yet' }, t.options);
    const deleted = await deleteSpeaker(ada, { id: unused.id, expectedVersion: 1 }, t.options);
    expect(deleted).toMatchObject({ version: 2, changed: true });
    expect(getSpeakerForEditing(unused.id, t.options)).toBeNull();
    expect(getRevision('speaker', unused.id, 2, t.options)!.snapshot).toMatchObject({ deleted: true, name: 'Nobody Yet' });
    expect(t.audit('speaker', unused.id).map((a) => [a.action, a.summary])).toEqual([
      ['create', 'Created the speaker “Nobody Yet” (nobody-yet)'],
      ['delete', 'Deleted the speaker “Nobody Yet” (nobody-yet)'],
    ]);
  });
});

describe('topics', () => {
  it('creates and edits topics; refuses a parent cycle, a taken slug and a stale version', async () => {
    const t = fresh();
    const child = await createTopic(ada, { name: 'Nuclear tests', parentId: 1, description: 'Tests and their fallout.' }, t.options);
    expect(getTopicForEditing(child.id, t.options)).toMatchObject({ slug: 'nuclear-tests', parentId: 1, parentSlug: 'denuclearization', version: 1 });

    const cycle = await updateTopic(ada, { id: 1, expectedVersion: 1, parentId: child.id }, t.options).catch((e) => e);
    expect(cycle).toBeInstanceOf(ValidationError);
    expect(cycle.fieldErrors).toEqual({ parentId: ['must not be the topic itself or one of its subtopics'] });
    const taken = await updateTopic(ada, { id: child.id, expectedVersion: 1, slug: 'china' }, t.options).catch((e) => e);
    expect(taken.fieldErrors).toEqual({ slug: ['is taken by another topic'] });

    const edited = await updateTopic(ada, { id: child.id, expectedVersion: 1, name: 'Nuclear testing', parentId: '' }, t.options);
    expect(edited).toMatchObject({ version: 2 });
    expect(getTopicForEditing(child.id, t.options)).toMatchObject({ name: 'Nuclear testing', parentId: null, version: 2 });
    const stale = await updateTopic(ada, { id: child.id, expectedVersion: 1, description: 'Mine.' }, t.options).catch((e) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale).toMatchObject({ currentVersion: 2, current: { name: 'Nuclear testing' }, attempted: { description: 'Mine.' } });
    expect(getTopicForEditing(child.id, t.options)!.description).toBe('Tests and their fallout.');
  });

  it('merges B into A: tags move (a passage tagged with both keeps one), subtopics move, B is deleted, both recorded', async () => {
    const t = fresh();
    const b = await createTopic(ada, { name: 'Markets', slug: 'markets' }, t.options);
    const sub = await createTopic(ada, { name: 'Jangmadang', parentId: b.id }, t.options);
    await tagPassage(ada, { documentId: 2, expectedVersion: 1, anchor: 6, topicId: b.id }, t.options); // has smuggling-and-markets already
    await tagPassage(ada, { documentId: 2, expectedVersion: 2, anchor: 1, topicId: b.id }, t.options);
    const MARKETS = 6;
    const taggedBefore = t.count('SELECT COUNT(*) AS n FROM PassageTopic WHERE topicId = ?', MARKETS);

    const merged = await mergeTopics(ada, { targetId: MARKETS, expectedTargetVersion: 1, sourceId: b.id, expectedSourceVersion: 1 }, t.options);
    expect(merged).toMatchObject({ id: MARKETS, merged: b.id, version: 2 });
    expect(merged.paths).toEqual(expect.arrayContaining(['/topics/markets', '/topics/smuggling-and-markets', '/topics/jangmadang']));
    expect(t.count('SELECT COUNT(*) AS n FROM PassageTopic WHERE topicId = ?', b.id)).toBe(0);
    expect(t.count('SELECT COUNT(*) AS n FROM PassageTopic WHERE topicId = ?', MARKETS)).toBe(taggedBefore + 1);
    const essay = getDocumentForEditing(2, t.options)!;
    expect(essay.passages[0].topics).toEqual(['citizens-as-agents-of-change', 'perceptions-of-north-korea', 'smuggling-and-markets']);
    expect(essay.passages[5].topics).toEqual(['china', 'sanctions', 'smuggling-and-markets']);
    expect(essay.version).toBe(4);
    expect(getTopicForEditing(b.id, t.options)).toBeNull();
    expect(getTopicForEditing(sub.id, t.options)).toMatchObject({ parentId: MARKETS, parentSlug: 'smuggling-and-markets', version: 2 });
    expect(getRevision('topic', b.id, 2, t.options)!.snapshot).toMatchObject({ deleted: true, mergedInto: { id: MARKETS, slug: 'smuggling-and-markets' } });
    expect(t.audit('topic', MARKETS).map((a) => a.action)).toEqual(['create', 'merge']);
  });

  it('deletes only a topic that tags nothing and has no subtopics', async () => {
    const t = fresh();
    const used = await deleteTopic(ada, { id: 3, expectedVersion: 1 }, t.options).catch((e) => e);
    expect(used).toBeInstanceOf(EditorialError);
    expect(used.message).toMatch(
      /^“Sanctions” cannot be deleted: \d+ passages are tagged with it\. Merge it into another topic instead, or remove those first\.$/,
    );
    const parent = await createTopic(ada, { name: 'Parent' }, t.options);
    const child = await createTopic(ada, { name: 'Child', parentId: parent.id }, t.options);
    const withChild = await deleteTopic(ada, { id: parent.id, expectedVersion: 1 }, t.options).catch((e) => e);
    expect(withChild.message).toBe('“Parent” cannot be deleted: 1 topic sits under it. Merge it into another topic instead, or remove those first.');
    await deleteTopic(ada, { id: child.id, expectedVersion: 1 }, t.options);
    await deleteTopic(ada, { id: parent.id, expectedVersion: 1 }, t.options);
    expect(getTopicForEditing(parent.id, t.options)).toBeNull();
    expect(t.count('SELECT COUNT(*) AS n FROM Topic')).toBe(10);
    expect(t.audit('topic', parent.id).map((a) => a.action)).toEqual(['create', 'delete']);
  });
});
