// Passages: edit, add, delete, reorder, tag and untag (split and merge are in passage-split-merge.ts).
// A document and its passages are one entry: each change here takes the DOCUMENT's expectedVersion
// and bumps the document's version, with one revision of the whole document (passage-operation.ts).
//
// Anchors are given once and never again: a new passage (added, or split off) takes nextAnchor(),
// which is above every anchor the document has had, current or only in its revision history (see
// snapshots.ts). The anchor of a deleted or merged-away passage therefore stays retired, and a
// restore that brings such a passage back gives it its old anchor.
import 'server-only';
import { addPassageInputSchema, deletePassageSchema, reorderPassagesSchema, tagPassageSchema, updatePassageInputSchema } from '@/lib/validation/editorial';
import { EditorialError, ValidationError } from './errors';
import { passageOperation } from './passage-operation';
import { moveSectionsOff } from './sections';
import { nextAnchor, passageRows, sql } from './snapshots';
import { arrangePassages, insertPassage, passageByAnchor, questionIdFor, requireSpeaker, requireTopics, setPassageTopics, updatePassageRow } from './store';
import type { WriteDb } from '@/lib/db';

/** Changes a passage's text, speaker, kind, question or times (the fields given; times as a pair). Returns the passage's times after the change. */
export const updatePassage = passageOperation({
  schema: updatePassageInputSchema,
  action: 'update',
  mutate: (data, db) => {
    const row = passageByAnchor(db, data.documentId, data.anchor);
    const kind = data.kind ?? row.kind;
    if (data.speakerId !== undefined) requireSpeaker(db, data.speakerId);
    let questionId: number | null | undefined;
    if (data.questionAnchor !== undefined) questionId = questionIdFor(db, data.documentId, data.questionAnchor, kind);
    else if (kind !== 'answer') questionId = null;
    if (questionId !== undefined && questionId === row.id) {
      throw new ValidationError('A passage cannot answer itself.', { questionAnchor: ['must be another passage'] });
    }
    updatePassageRow(db, row, { text: data.text, speakerId: data.speakerId, kind, questionId, startMs: data.startMs, endMs: data.endMs });
    // A question that is no longer one leaves its answers without a question.
    if (row.kind === 'question' && kind !== 'question') {
      sql(db, 'UPDATE Passage SET questionId = NULL WHERE questionId = ?').run(row.id);
    }
    return { startMs: data.startMs === undefined ? row.startMs : data.startMs, endMs: data.endMs === undefined ? row.endMs : data.endMs };
  },
  describe: (data) => `Edited passage ${data.anchor}`,
  returns: (data, times) => ({ passage: { anchor: data.anchor, ...times } }),
});

/** Adds a passage after `afterAnchor` (first when null). It takes an anchor never used in this document. */
export const addPassage = passageOperation({
  schema: addPassageInputSchema,
  action: 'create',
  mutate: (data, db) => {
    requireSpeaker(db, data.speakerId);
    requireTopics(db, data.topicIds);
    const questionId = questionIdFor(db, data.documentId, data.questionAnchor, data.kind);
    const order = passageRows(db, data.documentId);
    const index = data.afterAnchor === null ? 0 : order.findIndex((p) => p.anchor === data.afterAnchor) + 1;
    if (index === 0 && data.afterAnchor !== null) {
      throw new ValidationError('There is no such passage.', { afterAnchor: [`this document has no passage ${data.afterAnchor}`] });
    }
    const anchor = nextAnchor(db, data.documentId);
    const id = insertPassage(db, {
      documentId: data.documentId,
      anchor,
      kind: data.kind,
      speakerId: data.speakerId,
      text: data.text,
      questionId,
      startMs: data.startMs,
      endMs: data.endMs,
      temporaryPosition: -1,
    });
    setPassageTopics(db, id, data.topicIds);
    const ids = order.map((p) => p.id);
    ids.splice(index, 0, id);
    arrangePassages(db, data.documentId, ids);
    return anchor;
  },
  describe: (_data, anchor) => `Added passage ${anchor}`,
  returns: (_data, anchor) => ({ anchor }),
});

/** Puts the remaining passages at positions 1…n in their reading order. */
const closeRanks = (db: WriteDb, documentId: number) =>
  arrangePassages(
    db,
    documentId,
    passageRows(db, documentId).map((p) => p.id),
  );

/** Deletes a passage; its anchor is retired for good. Answers to it lose their question. */
export const deletePassage = passageOperation({
  schema: deletePassageSchema,
  action: 'delete',
  mutate: (data, db, before) => {
    const row = passageByAnchor(db, data.documentId, data.anchor);
    if (before.status === 'published' && before.passages.length === 1) {
      throw new EditorialError('A published document keeps at least one passage: unpublish it first, or add another passage.');
    }
    moveSectionsOff(db, data.documentId, row.anchor);
    sql(db, 'DELETE FROM Passage WHERE id = ?').run(row.id);
    closeRanks(db, data.documentId);
  },
  describe: (data) => `Deleted passage ${data.anchor}`,
});

/** Puts the passages in the order given: every anchor of the document, once. Anchors do not change. */
export const reorderPassages = passageOperation({
  schema: reorderPassagesSchema,
  action: 'reorder',
  mutate: (data, db) => {
    const rows = passageRows(db, data.documentId);
    const byAnchor = new Map(rows.map((r) => [r.anchor, r.id]));
    if (data.order.length !== rows.length || data.order.some((anchor) => !byAnchor.has(anchor))) {
      throw new ValidationError('The order must list every passage once.', {
        order: [`must list every passage of the document exactly once (${rows.length} passages)`],
      });
    }
    arrangePassages(
      db,
      data.documentId,
      data.order.map((anchor) => byAnchor.get(anchor)!),
    );
  },
  describe: () => 'Reordered the passages',
});

const topicSlug = (db: WriteDb, topicId: number) => (sql(db, 'SELECT slug FROM Topic WHERE id = ?').get(topicId) as { slug: string } | undefined)?.slug;

/** Tags a passage with a topic (a topic it has already changes nothing). */
export const tagPassage = passageOperation({
  schema: tagPassageSchema,
  action: 'update',
  mutate: (data, db) => {
    const row = passageByAnchor(db, data.documentId, data.anchor);
    requireTopics(db, [data.topicId], 'topicId');
    sql(db, 'INSERT INTO PassageTopic (passageId, topicId) VALUES (?, ?) ON CONFLICT DO NOTHING').run(row.id, data.topicId);
    return topicSlug(db, data.topicId)!;
  },
  describe: (data, slug) => `Tagged passage ${data.anchor} with ${slug}`,
});

/** Removes a topic from a passage. */
export const untagPassage = passageOperation({
  schema: tagPassageSchema,
  action: 'update',
  mutate: (data, db) => {
    const row = passageByAnchor(db, data.documentId, data.anchor);
    sql(db, 'DELETE FROM PassageTopic WHERE passageId = ? AND topicId = ?').run(row.id, data.topicId);
    return topicSlug(db, data.topicId) ?? String(data.topicId);
  },
  describe: (data, slug) => `Removed ${slug} from passage ${data.anchor}`,
});
