// Passage operations of the editorial layer on a real seeded SQLite copy (a fresh one per test):
// edit, add, delete, reorder, split, merge, tag. Each bumps the document's version by one, writes one
// revision, keeps anchors permanent (never reused, never renumbered) and keeps the search index in step.
import { describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import {
  addPassage,
  ConflictError,
  createSpeaker,
  deletePassage,
  EditorialError,
  getDocumentForEditing,
  listRevisions,
  mergePassages,
  NotFoundError,
  reorderPassages,
  splitPassage,
  tagPassage,
  untagPassage,
  updatePassage,
  ValidationError,
} from '@/lib/editorial';
import { indexedIds, indexMatches } from '@/tests/support/full-text-probe';
import { scratch } from '@/tests/support/scratch-writer';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const INTERVIEW = 1; // 6 passages: questions 1, 3, 5 by Jeff Kim (1); answers 2, 4, 6 by Seongmin Lee (2)
const ESSAY = 2; // 12 paragraphs by Seongmin Lee
/** Each seeded document's own revision: its version 1, written by the seed as the system editor. */
const SEEDED = 1;
/** The interview's [anchor, position] pairs as seeded: anchors 1…6 at positions 1…6. */
const INTERVIEW_IN_SEED_ORDER = [1, 2, 3, 4, 5, 6].map((n) => [n, n]);

function fresh() {
  const { options, db } = scratch();
  return {
    options,
    db,
    doc: (id: number) => getDocumentForEditing(id, options)!,
    anchors: (id: number) => getDocumentForEditing(id, options)!.passages.map((p) => p.anchor),
    positions: (id: number) =>
      (db.prepare('SELECT anchor, position FROM Passage WHERE documentId = ? ORDER BY position').all(id) as { anchor: number; position: number }[]).map((r) => [
        r.anchor,
        r.position,
      ]),
    /** Passage ids the full-text index finds for a word. */
    fts: (word: string) => indexedIds(db, `"${word}"`),
    passageId: (doc: number, anchor: number) =>
      (db.prepare('SELECT id FROM Passage WHERE documentId = ? AND anchor = ?').get(doc, anchor) as { id: number } | undefined)?.id ?? null,
    topicsOf: (doc: number, anchor: number) =>
      (
        db
          .prepare(
            'SELECT t.slug FROM PassageTopic pt JOIN Topic t ON t.id = pt.topicId JOIN Passage p ON p.id = pt.passageId WHERE p.documentId = ? AND p.anchor = ? ORDER BY t.slug',
          )
          .all(doc, anchor) as { slug: string }[]
      ).map((r) => r.slug),
    revisionCount: (doc: number) =>
      (db.prepare("SELECT COUNT(*) AS n FROM Revision WHERE entityType = 'document' AND entityId = ?").get(doc) as { n: number }).n,
  };
}

describe('updatePassage', () => {
  it('changes the text, bumps the document version, writes the baseline and the new revision, and re-indexes', async () => {
    const t = fresh();
    const id = t.passageId(INTERVIEW, 2)!;
    expect(t.fts('quixotically')).toEqual([]);
    const result = await updatePassage(
      editor,
      { documentId: INTERVIEW, expectedVersion: 1, anchor: 2, text: 'Quixotically, I disagree.\r\n\r\nSecond thought.' },
      t.options,
    );
    expect(result).toMatchObject({ entityType: 'document', id: INTERVIEW, version: 2, changed: true });
    const passage = t.doc(INTERVIEW).passages.find((p) => p.anchor === 2)!;
    expect(passage.text).toBe('Quixotically, I disagree.\n\nSecond thought.');
    expect(t.doc(INTERVIEW).version).toBe(2);
    expect(t.fts('quixotically')).toEqual([id]);
    const revisions = listRevisions('document', INTERVIEW, t.options);
    expect(revisions.map((r) => [r.version, r.editorName, r.message])).toEqual([
      [2, 'Ada Editor', 'Edited passage 2'],
      [1, 'Archive system', 'Seeded'],
    ]);
    // The public paths of the published interview: the reader, the passage's own page, the listings.
    expect(result.paths).toEqual(
      expect.arrayContaining([
        '/',
        '/documents',
        '/search',
        '/timeline',
        '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea',
        '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea/passages/2',
        '/speakers/seongmin-lee',
      ]),
    );
    expect(result.paths).not.toContain('/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea/passages/4');
  });

  it('changes speaker and kind; a question turned paragraph frees its answer', async () => {
    const t = fresh();
    const first = t.passageId(INTERVIEW, 1)!;
    // As seeded, the index has the first passage under Jeff Kim.
    expect(indexMatches(t.db, first, '"jeff kim"')).toBe(true);
    await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 1, kind: 'paragraph', speakerId: 2 }, t.options);
    const doc = t.doc(INTERVIEW);
    expect(doc.passages[0]).toMatchObject({ anchor: 1, kind: 'paragraph', speakerId: 2, speakerSlug: 'seongmin-lee' });
    expect(doc.passages[1]).toMatchObject({ anchor: 2, questionAnchor: null });
    expect(doc.passages[3]).toMatchObject({ anchor: 4, questionAnchor: 3 });
    // The speaker's name in the index follows the passage's new speaker.
    // (The interview's title names Seongmin Lee already, so a speaker new to the document shows the new name is written.)
    expect([indexMatches(t.db, first, '"jeff kim"'), indexMatches(t.db, first, 'jeff')]).toEqual([false, false]);
    const newcomer = await createSpeaker(editor, { name: 'Quentin Zabriskie' }, t.options);
    expect(indexMatches(t.db, first, '"quentin zabriskie"')).toBe(false);
    await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 2, anchor: 1, speakerId: newcomer.id }, t.options);
    expect(indexMatches(t.db, first, '"quentin zabriskie"')).toBe(true);
  });

  it('re-ties an answer to another question, and refuses a question that is not one', async () => {
    const t = fresh();
    await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 4, questionAnchor: 1 }, t.options);
    expect(t.doc(INTERVIEW).passages.find((p) => p.anchor === 4)!.questionAnchor).toBe(1);
    const error = await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 2, anchor: 4, questionAnchor: 2 }, t.options).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.fieldErrors).toEqual({ questionAnchor: ['passage 2 is not a question of this document'] });
    expect(t.doc(INTERVIEW).version).toBe(2);
  });

  it('refuses empty text and control characters with field errors, writing nothing', async () => {
    const t = fresh();
    const empty = await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 2, text: '  \n ' }, t.options).catch((e) => e);
    expect(empty).toBeInstanceOf(ValidationError);
    expect(empty.fieldErrors).toEqual({ text: ['must not be empty'] });
    const bell = await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 2, text: 'ring\u0007' }, t.options).catch((e) => e);
    expect(bell.fieldErrors.text).toEqual(['must not contain control characters other than line breaks and tabs']);
    const unknownSpeaker = await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 2, speakerId: 999 }, t.options).catch((e) => e);
    expect(unknownSpeaker.fieldErrors).toEqual({ speakerId: ['speaker 999 does not exist'] });
    expect(t.doc(INTERVIEW).version).toBe(1);
    expect(t.revisionCount(INTERVIEW)).toBe(SEEDED);
  });

  it('throws a ConflictError on a stale version, with both sides, and writes nothing', async () => {
    const t = fresh();
    await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 2, text: 'First editor’s words.' }, t.options);
    const stale = await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 2, text: 'Second editor’s words.' }, t.options).catch(
      (e) => e,
    );
    expect(stale).toBeInstanceOf(ConflictError);
    expect(stale.currentVersion).toBe(2);
    expect(stale.expectedVersion).toBe(1);
    expect(stale.current.passages.find((p: { anchor: number }) => p.anchor === 2).text).toBe('First editor’s words.');
    // Typed without a cast: the conflict over a document carries a document snapshot.
    expect(ConflictError.of(stale, 'document')?.current.passages.find((p) => p.anchor === 2)?.text).toBe('First editor’s words.');
    expect(ConflictError.of(stale, 'speaker')).toBeNull();
    expect(stale.attempted).toMatchObject({ anchor: 2, text: 'Second editor’s words.' });
    expect(t.doc(INTERVIEW).version).toBe(2);
    expect(t.revisionCount(INTERVIEW)).toBe(2);
  });

  it('returns changed: false and writes no revision when nothing changes', async () => {
    const t = fresh();
    const text = t.doc(INTERVIEW).passages[0].text;
    const result = await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 1, text }, t.options);
    expect(result).toMatchObject({ version: 1, changed: false, paths: [] });
    expect(t.revisionCount(INTERVIEW)).toBe(SEEDED);
  });

  it('throws NotFoundError for a passage the document does not have', async () => {
    const t = fresh();
    await expect(updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 99, text: 'x' }, t.options)).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('addPassage and deletePassage', () => {
  it('adds after a given passage with the next anchor, shifts positions, indexes it; deleting removes it from the index', async () => {
    const t = fresh();
    const added = await addPassage(
      editor,
      {
        documentId: INTERVIEW,
        expectedVersion: 1,
        afterAnchor: 2,
        kind: 'answer',
        speakerId: 2,
        text: 'A flabbergasting addendum.',
        questionAnchor: 1,
        topicIds: [3],
      },
      t.options,
    );
    expect(added).toMatchObject({ anchor: 7, version: 2, changed: true });
    expect(t.anchors(INTERVIEW)).toEqual([1, 2, 7, 3, 4, 5, 6]);
    expect(t.positions(INTERVIEW)).toEqual([
      [1, 1],
      [2, 2],
      [7, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
    ]);
    expect(t.doc(INTERVIEW).passages[2]).toMatchObject({ anchor: 7, kind: 'answer', questionAnchor: 1, topics: ['sanctions'], speakerName: 'Seongmin Lee' });
    const id = t.passageId(INTERVIEW, 7)!;
    expect(t.fts('flabbergasting')).toEqual([id]);

    await deletePassage(editor, { documentId: INTERVIEW, expectedVersion: 2, anchor: 7 }, t.options);
    expect(t.anchors(INTERVIEW)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.positions(INTERVIEW)).toEqual(INTERVIEW_IN_SEED_ORDER);
    expect(t.fts('flabbergasting')).toEqual([]);
    expect(t.db.prepare('SELECT COUNT(*) AS n FROM PassageTopic WHERE passageId = ?').get(id)).toEqual({ n: 0 });

    // The deleted passage's anchor is retired: the next one is 8, not 7.
    const next = await addPassage(
      editor,
      { documentId: INTERVIEW, expectedVersion: 3, afterAnchor: null, kind: 'paragraph', text: 'Opening note.' },
      t.options,
    );
    expect(next.anchor).toBe(8);
    expect(t.anchors(INTERVIEW)).toEqual([8, 1, 2, 3, 4, 5, 6]);
  });

  it('deleting a question leaves its answer without a question; other anchors do not change', async () => {
    const t = fresh();
    await deletePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 3 }, t.options);
    const doc = t.doc(INTERVIEW);
    expect(doc.passages.map((p) => [p.anchor, p.questionAnchor])).toEqual([
      [1, null],
      [2, 1],
      [4, null],
      [5, null],
      [6, 5],
    ]);
  });

  it('refuses an unknown afterAnchor and an answer to a missing question', async () => {
    const t = fresh();
    const after = await addPassage(editor, { documentId: INTERVIEW, expectedVersion: 1, afterAnchor: 40, kind: 'paragraph', text: 'x' }, t.options).catch(
      (e) => e,
    );
    expect(after.fieldErrors).toEqual({ afterAnchor: ['this document has no passage 40'] });
    const question = await addPassage(
      editor,
      { documentId: INTERVIEW, expectedVersion: 1, afterAnchor: 1, kind: 'paragraph', text: 'x', questionAnchor: 1 },
      t.options,
    ).catch((e) => e);
    expect(question.fieldErrors).toEqual({ questionAnchor: ['only an answer can answer a question'] });
    expect(t.anchors(INTERVIEW)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.revisionCount(INTERVIEW)).toBe(SEEDED);
  });
});

describe('reorderPassages', () => {
  it('puts the passages in the given order, positions 1…n, anchors unchanged', async () => {
    const t = fresh();
    const result = await reorderPassages(editor, { documentId: ESSAY, expectedVersion: 1, order: [12, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, t.options);
    expect(result.version).toBe(2);
    expect(t.positions(ESSAY)).toEqual([
      [12, 1],
      [1, 2],
      [2, 3],
      [3, 4],
      [4, 5],
      [5, 6],
      [6, 7],
      [7, 8],
      [8, 9],
      [9, 10],
      [10, 11],
      [11, 12],
    ]);
    const audit = t.db.prepare("SELECT action, entityType, entityId, actorId, actorEmail, summary FROM AuditEvent WHERE action = 'reorder'").all();
    expect(audit).toEqual([
      {
        action: 'reorder',
        entityType: 'document',
        entityId: '2',
        actorId: 'u-ada',
        actorEmail: 'ada@example.org',
        summary: 'Reordered the passages in “How to Really Bring Change to North Korea, My Home Country”',
      },
    ]);
  });

  it('refuses an order that leaves a passage out or names one twice', async () => {
    const t = fresh();
    const missing = await reorderPassages(editor, { documentId: INTERVIEW, expectedVersion: 1, order: [2, 1, 3, 4, 5] }, t.options).catch((e) => e);
    expect(missing.fieldErrors).toEqual({ order: ['must list every passage of the document exactly once (6 passages)'] });
    const twice = await reorderPassages(editor, { documentId: INTERVIEW, expectedVersion: 1, order: [1, 1, 2, 3, 4, 5] }, t.options).catch((e) => e);
    expect(twice.fieldErrors).toEqual({ order: ['lists a passage twice'] });
    expect(t.positions(INTERVIEW)).toEqual(INTERVIEW_IN_SEED_ORDER);
  });
});

describe('splitPassage and mergePassages', () => {
  it('splits at a paragraph: the first keeps its anchor, the second gets a new one, same speaker, question and topics', async () => {
    const t = fresh();
    const original = t.doc(INTERVIEW).passages[1];
    const [firstParagraph, secondParagraph] = original.text.split('\n\n');
    const result = await splitPassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 2, paragraph: 2 }, t.options);
    expect(result).toMatchObject({ anchor: 2, newAnchor: 7, version: 2 });
    const doc = t.doc(INTERVIEW);
    expect(doc.passages.map((p) => p.anchor)).toEqual([1, 2, 7, 3, 4, 5, 6]);
    expect(doc.passages[1]).toMatchObject({ anchor: 2, text: firstParagraph, questionAnchor: 1, speakerId: 2, topics: original.topics });
    expect(doc.passages[2]).toMatchObject({ anchor: 7, kind: 'answer', text: secondParagraph, questionAnchor: 1, speakerId: 2, topics: original.topics });
    expect(t.db.prepare("SELECT action, summary FROM AuditEvent WHERE action = 'split'").get()).toEqual({
      action: 'split',
      summary: 'Split passage 2 into 2 and 7 in “Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea”',
    });
  });

  it('gives the split-off part an anchor never used before, even when the highest one was deleted', async () => {
    const t = fresh();
    await deletePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 6 }, t.options);
    await deletePassage(editor, { documentId: INTERVIEW, expectedVersion: 2, anchor: 5 }, t.options);
    const result = await splitPassage(editor, { documentId: INTERVIEW, expectedVersion: 3, anchor: 2, paragraph: 2 }, t.options);
    expect(result.newAnchor).toBe(7);
    expect(t.anchors(INTERVIEW)).toEqual([1, 2, 7, 3, 4]);
    expect(t.doc(INTERVIEW).nextAnchor).toBe(8);
  });

  it('splits at a character offset, trimming the cut', async () => {
    const t = fresh();
    await updatePassage(editor, { documentId: ESSAY, expectedVersion: 1, anchor: 3, text: 'Alpha beta. Gamma delta.' }, t.options);
    const result = await splitPassage(editor, { documentId: ESSAY, expectedVersion: 2, anchor: 3, offset: 11 }, t.options);
    expect(result.newAnchor).toBe(13);
    const doc = t.doc(ESSAY);
    expect(doc.passages.slice(2, 4).map((p) => [p.anchor, p.text])).toEqual([
      [3, 'Alpha beta.'],
      [13, 'Gamma delta.'],
    ]);
    const outside = await splitPassage(editor, { documentId: ESSAY, expectedVersion: 3, anchor: 3, offset: 400 }, t.options).catch((e) => e);
    expect(outside.fieldErrors).toEqual({ offset: ['must be between 1 and 10'] });
    const both = await splitPassage(editor, { documentId: ESSAY, expectedVersion: 3, anchor: 3, offset: 2, paragraph: 2 }, t.options).catch((e) => e);
    expect(both.fieldErrors).toEqual({ offset: ['give either a character offset or a paragraph number, not both'] });
  });

  it('merges adjacent passages of one speaker: first keeps its anchor, topics merged, the second anchor never comes back', async () => {
    const t = fresh();
    const before = t.doc(ESSAY);
    const secondId = t.passageId(ESSAY, 7)!;
    // Every row of the essay's index has its speaker's name and its title: a row that matches neither is no row.
    const title = `"${before.title}"`;
    expect([indexMatches(t.db, secondId, '"seongmin lee"'), indexMatches(t.db, secondId, title)]).toEqual([true, true]);
    const result = await mergePassages(editor, { documentId: ESSAY, expectedVersion: 1, first: 6, second: 7 }, t.options);
    expect(result).toMatchObject({ anchor: 6, version: 2 });
    const doc = t.doc(ESSAY);
    expect(doc.passages.map((p) => p.anchor)).toEqual([1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]);
    expect(doc.passages[5].text).toBe(`${before.passages[5].text}\n\n${before.passages[6].text}`);
    expect(doc.passages[5].topics).toEqual(['china', 'sanctions', 'smuggling-and-markets']);
    expect(t.fts('eyebrow')).toEqual([t.passageId(ESSAY, 6)]);
    expect([indexMatches(t.db, secondId, '"seongmin lee"'), indexMatches(t.db, secondId, title)]).toEqual([false, false]);
    expect(t.positions(ESSAY).map(([, position]) => position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    // Anchor 7 is retired: splitting and adding give 13 and 14, never 7.
    const split = await splitPassage(editor, { documentId: ESSAY, expectedVersion: 2, anchor: 6, paragraph: 2 }, t.options);
    expect(split.newAnchor).toBe(13);
    const added = await addPassage(
      editor,
      { documentId: ESSAY, expectedVersion: 3, afterAnchor: 12, kind: 'paragraph', speakerId: 2, text: 'Coda.' },
      t.options,
    );
    expect(added.anchor).toBe(14);
    expect(t.anchors(ESSAY)).toEqual([1, 2, 3, 4, 5, 6, 13, 8, 9, 10, 11, 12, 14]);
  });

  it('moves a merged question’s answers to the first question', async () => {
    const t = fresh();
    await addPassage(
      editor,
      { documentId: INTERVIEW, expectedVersion: 1, afterAnchor: 1, kind: 'question', speakerId: 1, text: 'And a follow-up?' },
      t.options,
    );
    await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 2, anchor: 2, questionAnchor: 7 }, t.options);
    await mergePassages(editor, { documentId: INTERVIEW, expectedVersion: 3, first: 1, second: 7 }, t.options);
    const doc = t.doc(INTERVIEW);
    expect(doc.passages.map((p) => [p.anchor, p.questionAnchor])).toEqual([
      [1, null],
      [2, 1],
      [3, null],
      [4, 3],
      [5, null],
      [6, 5],
    ]);
    expect(doc.passages[0].text.endsWith('\n\nAnd a follow-up?')).toBe(true);
  });

  it('refuses passages that are not neighbours, or of different speakers or kinds', async () => {
    const t = fresh();
    const apart = await mergePassages(editor, { documentId: ESSAY, expectedVersion: 1, first: 1, second: 3 }, t.options).catch((e) => e);
    expect(apart).toBeInstanceOf(EditorialError);
    expect(apart.message).toBe('Only neighbouring passages can be merged: passage 3 does not directly follow passage 1.');
    const speakers = await mergePassages(editor, { documentId: INTERVIEW, expectedVersion: 1, first: 1, second: 2 }, t.options).catch((e) => e);
    expect(speakers.message).toBe('Only passages of the same speaker can be merged.');
    expect(t.doc(ESSAY).passages).toHaveLength(12);
    expect(t.revisionCount(ESSAY) + t.revisionCount(INTERVIEW)).toBe(2 * SEEDED);
  });
});

describe('tagPassage and untagPassage', () => {
  it('tags and untags, each a new version; tagging twice changes nothing', async () => {
    const t = fresh();
    const tagged = await tagPassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 5, topicId: 7 }, t.options);
    expect(tagged.version).toBe(2);
    expect(t.topicsOf(INTERVIEW, 5)).toEqual(['china', 'perceptions-of-north-korea']);
    expect(tagged.paths).toContain('/topics/china');
    const again = await tagPassage(editor, { documentId: INTERVIEW, expectedVersion: 2, anchor: 5, topicId: 7 }, t.options);
    expect(again).toMatchObject({ version: 2, changed: false });
    await untagPassage(editor, { documentId: INTERVIEW, expectedVersion: 2, anchor: 5, topicId: 10 }, t.options);
    expect(t.topicsOf(INTERVIEW, 5)).toEqual(['china']);
    expect(listRevisions('document', INTERVIEW, t.options).map((r) => r.message)).toEqual([
      'Removed perceptions-of-north-korea from passage 5',
      'Tagged passage 5 with china',
      'Seeded',
    ]);
    const unknown = await tagPassage(editor, { documentId: INTERVIEW, expectedVersion: 3, anchor: 5, topicId: 404 }, t.options).catch((e) => e);
    expect(unknown.fieldErrors).toEqual({ topicId: ['topic 404 does not exist'] });
  });
});
