// The editorial layer on PostgreSQL, unchanged: the same synchronous write functions, through the
// PostgreSQL writer (lib/db/postgres/writer.ts). A database migrated by migratePostgres and seeded by
// the seed's own path (seedArchive with a Prisma client made for it) is edited, conflicted and
// restored, and the same sequence on a SQLite copy of the seeded template gives the same entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import {
  addPassage,
  ConflictError,
  createSpeaker,
  createTopic,
  addSection,
  deletePassage,
  deleteSection,
  deleteSpeaker,
  deleteTopic,
  getDocumentForEditing,
  getSectionsForEditing,
  getSpeakerForEditing,
  getTopicForEditing,
  listRevisions,
  mergePassages,
  mergeSpeakers,
  mergeTopics,
  moveSection,
  publishDocument,
  reorderPassages,
  restoreDeletedDocument,
  restoreRevision,
  softDeleteDocument,
  splitPassage,
  tagPassage,
  updateDocumentFields,
  unpublishDocument,
  untagPassage,
  updatePassage,
  updateSection,
  type Writer,
} from '@/lib/editorial';
import { createAccount } from '@/lib/auth/accounts';
import { addSynonymGroups } from '@/lib/editorial/synonyms';
import { closeWriters, openWriter } from '@/lib/db';
import { readSeedMetadata } from '@/seed/seed-archive';
import { createLeeNamesakeInterview, LEE } from '@/tests/support/lee-namesake';
import { scratchWriter } from '@/tests/support/scratch-writer';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const ben: Editor = { id: 'u-ben', name: 'Ben Editor', email: 'ben@example.org', role: 'editor' };

const postgresServer = throwawayPostgres('editorial');
let postgres: Writer;
/** Copies of the seeded database, for the second and third sessions. */
let postgresB: Writer;
let postgresC: Writer;

beforeAll(async () => {
  const url = await postgresServer.migratedSeededDatabase();
  // Copied before anyone connects to it: PostgreSQL copies a database only then.
  const [copyB, copyC] = [postgresServer.copyOf(url), postgresServer.copyOf(url)];
  postgres = openWriter(url);
  postgresB = openWriter(copyB);
  postgresC = openWriter(copyC);
}, 120_000);

afterAll(() => {
  postgres?.close();
  postgresB?.close();
  postgresC?.close();
  closeWriters();
});

/** One editing session on a database: an edit, a stale save, a delete, an addition, a restore. */
async function session(writer: Writer) {
  const options = { writer };
  const doc = (id: number) => getDocumentForEditing(id, options)!;
  const v1 = doc(1);
  const retitled = await updateDocumentFields(ada, { id: 1, expectedVersion: v1.version, title: 'A retitled interview' }, options);
  const edited = await updatePassage(ada, { documentId: 1, expectedVersion: retitled.version, anchor: 2, text: 'Short answer.' }, options);
  const stale = await updatePassage(ben, { documentId: 1, expectedVersion: retitled.version, anchor: 2, text: 'Too late.' }, options).catch(
    (error: unknown) => error,
  );
  await deletePassage(ada, { documentId: 1, expectedVersion: edited.version, anchor: 3 }, options);
  const added = await addPassage(
    ada,
    { documentId: 1, expectedVersion: edited.version + 1, afterAnchor: 4, kind: 'paragraph', speakerId: 1, text: 'An afterword.' },
    options,
  );
  const afterEdits = doc(1);
  const restored = await restoreRevision(ben, 'document', 1, v1.version, afterEdits.version, undefined, options);
  return { v1, edited, stale, added, afterEdits, restored, now: doc(1), revisions: listRevisions('document', 1, options) };
}

const MARKETS = 6;

/**
 * A second session: the merges (participants once per role, tags once per passage), a split and a
 * merge of passages, synonyms, a new account; returns every entry it touched and what it counted.
 */
async function secondSession(writer: Writer) {
  const options = { writer };
  const { namesake: b, interview: doc } = await createLeeNamesakeInterview(ada, options, ['And a reply, in two halves.']);
  const lee = getSpeakerForEditing(LEE, options)!;
  const mergedSpeaker = await mergeSpeakers(ada, { targetId: LEE, expectedTargetVersion: lee.version, sourceId: b.id, expectedSourceVersion: 1 }, options);

  const topic = await createTopic(ada, { name: 'Markets', slug: 'markets' }, options);
  let essay = getDocumentForEditing(2, options)!;
  await tagPassage(ada, { documentId: 2, expectedVersion: essay.version, anchor: 6, topicId: topic.id }, options);
  essay = getDocumentForEditing(2, options)!;
  await tagPassage(ada, { documentId: 2, expectedVersion: essay.version, anchor: 1, topicId: topic.id }, options);
  const markets = getTopicForEditing(MARKETS, options)!;
  const mergedTopic = await mergeTopics(
    ada,
    { targetId: MARKETS, expectedTargetVersion: markets.version, sourceId: topic.id, expectedSourceVersion: 1 },
    options,
  );

  let second = getDocumentForEditing(doc.id, options)!;
  await splitPassage(ada, { documentId: doc.id, expectedVersion: second.version, anchor: 2, offset: 'And a reply,'.length }, options);
  second = getDocumentForEditing(doc.id, options)!;
  await mergePassages(ada, { documentId: doc.id, expectedVersion: second.version, first: 1, second: 2 }, options);

  const synonyms = addSynonymGroups(
    ada,
    [
      ['nk', 'north korea'],
      ['dprk', 'nk'],
    ],
    options,
  );
  const account = await createAccount(writer, { email: 'new@example.org', name: 'New Editor', role: 'editor', password: 'a long enough password' });

  return {
    mergedSpeaker: { ...mergedSpeaker, paths: [...mergedSpeaker.paths].sort() },
    mergedTopic: { ...mergedTopic, paths: [...mergedTopic.paths].sort() },
    synonyms,
    account: { ...account, id: typeof account.id },
    documents: [1, 2, doc.id].map((id) => getDocumentForEditing(id, options)),
    speakers: [LEE, b.id].map((id) => getSpeakerForEditing(id, options)),
    topics: [MARKETS, topic.id].map((id) => getTopicForEditing(id, options)),
    synonymRows: writer.db.prepare('SELECT term, "group" FROM SearchSynonym ORDER BY term').all(),
    // A new user's id is random: the audit rows are compared without it.
    audit: (
      writer.db.prepare('SELECT action, entityType, entityId, summary FROM AuditEvent ORDER BY id').all() as { entityType: string; entityId: unknown }[]
    ).map((row) => ({ ...row, entityId: row.entityType === 'user' ? 'random' : row.entityId })),
  };
}

const ESSAY = 2;
const admin: Editor = { id: 'u-root', name: 'Root Admin', email: 'root@example.org', role: 'admin' };

/**
 * A third session on the essay: reordering, its table of contents, unpublishing and publishing, a
 * soft delete and its restore, unused entries deleted, and a restore of a version whose topic was
 * merged away since (found again through the merge's revision).
 */
async function thirdSession(writer: Writer) {
  const options = { writer };
  const version = () => getDocumentForEditing(ESSAY, options)!.version;
  const before = version();
  await reorderPassages(ada, { documentId: ESSAY, expectedVersion: version(), order: [12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, options);
  await addSection(ada, { documentId: ESSAY, expectedVersion: version(), title: 'Later', startAnchor: 7 }, options);
  await addSection(ada, { documentId: ESSAY, expectedVersion: version(), title: 'Opening', synopsis: 'How it began.', startAnchor: 1 }, options);
  const [opening, later] = getSectionsForEditing(ESSAY, options).map((section) => section.id);
  await updateSection(ada, { documentId: ESSAY, expectedVersion: version(), sectionId: later, title: 'The end', synopsis: '', startAnchor: 10 }, options);
  await moveSection(ada, { documentId: ESSAY, expectedVersion: version(), sectionId: later, direction: 'up' }, options);
  await deleteSection(ada, { documentId: ESSAY, expectedVersion: version(), sectionId: opening }, options);
  await unpublishDocument(ada, { id: ESSAY, expectedVersion: version() }, options);
  await publishDocument(ada, { id: ESSAY, expectedVersion: version() }, options);
  await softDeleteDocument(ada, { id: ESSAY, expectedVersion: version(), message: 'Duplicate' }, options);
  await restoreDeletedDocument(admin, { id: ESSAY, expectedVersion: version() }, options);

  const topic = await createTopic(ada, { name: 'Markets', slug: 'markets' }, options);
  await tagPassage(ada, { documentId: ESSAY, expectedVersion: version(), anchor: 1, topicId: topic.id }, options);
  const tagged = version();
  const markets = getTopicForEditing(MARKETS, options)!;
  await mergeTopics(ada, { targetId: MARKETS, expectedTargetVersion: markets.version, sourceId: topic.id, expectedSourceVersion: 1 }, options);
  await untagPassage(ada, { documentId: ESSAY, expectedVersion: version(), anchor: 1, topicId: MARKETS }, options);
  const restored = await restoreRevision(ben, 'document', ESSAY, tagged, version(), undefined, options);

  const unusedSpeaker = await createSpeaker(ada, { name: 'Nobody Yet' }, options);
  const unusedTopic = await createTopic(ada, { name: 'Nothing yet' }, options);
  await deleteSpeaker(ada, { id: unusedSpeaker.id, expectedVersion: 1 }, options);
  await deleteTopic(ada, { id: unusedTopic.id, expectedVersion: 1 }, options);

  return {
    before,
    restored,
    essay: getDocumentForEditing(ESSAY, options),
    sections: getSectionsForEditing(ESSAY, options),
    revisions: withoutTimes(listRevisions('document', ESSAY, options)),
    gone: [getSpeakerForEditing(unusedSpeaker.id, options), getTopicForEditing(unusedTopic.id, options)],
  };
}

/** A revision list without its times (each run has its own). */
const withoutTimes = (revisions: { createdAt: string }[]) => revisions.map(({ createdAt, ...rest }) => (expect(Date.parse(createdAt)).not.toBeNaN(), rest));

describe('the editorial layer on PostgreSQL', () => {
  it('seeds through the seed’s own path: the same documents, passages, revisions, audit rows and embeddings as SQLite', () => {
    const sqlite = scratchWriter();
    const counts = (writer: Writer) =>
      ['Document', 'Passage', 'Speaker', 'Topic', 'PassageTopic', 'Participant', 'Revision', 'AuditEvent', 'SearchSynonym', 'PassageEmbedding'].map((table) => [
        table,
        writer.db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get(),
      ]);
    expect(counts(postgres)).toEqual(counts(sqlite));
    expect(postgres.db.prepare('SELECT count(*) FROM Document').pluck().get()).toBe(readSeedMetadata().documents.length);
  });

  it('edits, refuses a stale save with the same ConflictError, and restores a revision, exactly as on SQLite', async () => {
    const onPostgres = await session(postgres);
    const onSqlite = await session(scratchWriter());

    expect(onPostgres.edited).toMatchObject({ changed: true, version: onPostgres.v1.version + 2 });
    expect(onPostgres.stale).toBeInstanceOf(ConflictError);
    expect((onPostgres.stale as ConflictError).message).toBe((onSqlite.stale as ConflictError).message);
    expect(onPostgres.afterEdits.passages.find((p) => p.anchor === 2)?.text).toBe('Short answer.');
    expect(onPostgres.added.anchor).toBe(onSqlite.added.anchor);
    expect(onPostgres.restored).toMatchObject({ changed: true, restoredVersion: onPostgres.v1.version, warnings: [] });
    // The restore brings back version 1's content (texts, the deleted passage with its anchor) as a new version.
    expect({ ...onPostgres.now, version: 0, nextAnchor: 0 }).toEqual({ ...onPostgres.v1, version: 0, nextAnchor: 0 });

    // Both engines end with the same entry and the same history.
    expect(onPostgres.v1).toEqual(onSqlite.v1);
    expect(onPostgres.now).toEqual(onSqlite.now);
    expect(withoutTimes(onPostgres.revisions)).toEqual(withoutTimes(onSqlite.revisions));
  });

  it('merges speakers and topics, splits and merges passages, adds synonyms and an account, exactly as on SQLite', async () => {
    const onPostgres = await secondSession(postgresB);
    const onSqlite = await secondSession(scratchWriter());
    expect(onPostgres.mergedSpeaker).toMatchObject({ id: LEE, changed: true });
    // The merge left the new document's participants once per role, on Lee.
    expect(onPostgres.documents[2]!.participants.map((p) => [p.speakerId, p.role])).toEqual([
      [LEE, 'interviewee'],
      [LEE, 'translator'],
    ]);
    expect(onPostgres.speakers[1]).toBeNull();
    expect(onPostgres.topics[1]).toBeNull();
    expect(onPostgres).toEqual(onSqlite);
  });

  it('reorders, keeps a table of contents, unpublishes, deletes and restores, and follows a merge in a restore, exactly as on SQLite', async () => {
    const onPostgres = await thirdSession(postgresC);
    const onSqlite = await thirdSession(scratchWriter());
    // The restored version's tag on the merged-away topic is its target's now.
    expect(onPostgres.restored).toMatchObject({ changed: true, warnings: [] });
    expect(onPostgres.essay!.passages.find((p) => p.anchor === 1)!.topics).toContain('smuggling-and-markets');
    expect(onPostgres.sections.map((s) => s.title)).toEqual(['The end']);
    expect(onPostgres.gone).toEqual([null, null]);
    expect(onPostgres).toEqual(onSqlite);
  });
});
