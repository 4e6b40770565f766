// Passages: edit, add, delete, reorder, split, merge, tag and untag. A document and its passages
// are one entry: each change here takes the DOCUMENT's expectedVersion and bumps the document's
// version, with one revision of the whole document.
//
// Anchors are given once and never again: a new passage (added, or split off) takes nextAnchor(),
// which is above every anchor the document has had, current or only in its revision history (see
// snapshots.ts). The anchor of a deleted or merged-away passage therefore stays retired, and a
// restore that brings such a passage back gives it its old anchor.
import type { Editor } from '@/lib/auth/editor';
import {
  addPassageSchema,
  deletePassageSchema,
  mergePassagesSchema,
  PASSAGE_TEXT_MAX,
  reorderPassagesSchema,
  splitPassageSchema,
  tagPassageSchema,
  updatePassageSchema,
  type AddPassageInput,
  type DeletePassageInput,
  type MergePassagesInput,
  type ReorderPassagesInput,
  type SplitPassageInput,
  type TagPassageInput,
  type UpdatePassageInput,
} from '@/lib/validation/editorial';
import type { AuditAction } from './audit';
import { EditorialError, parseInput, ValidationError } from './errors';
import { changeEntry, type EditOptions, type EditResult } from './history';
import { documentPaths } from './paths';
import { nextAnchor, passageRows, sql, type DocumentSnapshot } from './snapshots';
import {
  arrangePassages,
  insertPassage,
  passageByAnchor,
  questionIdFor,
  requireSpeaker,
  requireTopics,
  setPassageTopics,
  topicIdsOf,
  updatePassageRow,
} from './store';
import type { WriteDb } from '@/lib/db';

const quoted = (title: string) => `“${title}”`;

/** One change of a document's passages: validation done, the rest is changeEntry's. */
function passageChange<R>(
  editor: Editor,
  data: { documentId: number; expectedVersion: number; message?: string | null },
  options: EditOptions | undefined,
  action: AuditAction,
  mutate: (before: DocumentSnapshot, db: WriteDb) => R,
  describe: (result: R, after: DocumentSnapshot) => string,
) {
  return changeEntry(
    editor,
    {
      entityType: 'document',
      id: data.documentId,
      expectedVersion: data.expectedVersion,
      attempted: data,
      message: data.message,
      mutate,
      describe: (result, _before, after) => {
        const what = describe(result, after);
        return { action, summary: `${what} in ${quoted(after.title)}`, message: what };
      },
      paths: documentPaths,
    },
    options,
  );
}

// ---------------------------------------------------------------------------------------------
// Edit

/** Changes a passage's text, speaker, kind or question (the fields given). */
export async function updatePassage(editor: Editor, input: UpdatePassageInput, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(updatePassageSchema, input);
  return passageChange(
    editor,
    data,
    options,
    'update',
    (_before, db) => {
      const row = passageByAnchor(db, data.documentId, data.anchor);
      const kind = data.kind ?? row.kind;
      if (data.speakerId !== undefined) requireSpeaker(db, data.speakerId);
      let questionId: number | null | undefined;
      if (data.questionAnchor !== undefined) questionId = questionIdFor(db, data.documentId, data.questionAnchor, kind);
      else if (kind !== 'answer') questionId = null;
      if (questionId !== undefined && questionId === row.id) {
        throw new ValidationError('A passage cannot answer itself.', { questionAnchor: ['must be another passage'] });
      }
      updatePassageRow(db, row, { text: data.text, speakerId: data.speakerId, kind, questionId });
      // A question that is no longer one leaves its answers without a question.
      if (row.kind === 'question' && kind !== 'question') {
        sql(db, 'UPDATE Passage SET questionId = NULL WHERE questionId = ?').run(row.id);
      }
      return data.anchor;
    },
    (anchor) => `Edited passage ${anchor}`,
  ).edit;
}

// ---------------------------------------------------------------------------------------------
// Add and delete

/** Adds a passage after `afterAnchor` (first when null). It takes an anchor never used in this document. */
export async function addPassage(editor: Editor, input: AddPassageInput, options?: EditOptions): Promise<EditResult & { anchor: number }> {
  const data = parseInput(addPassageSchema, input);
  const { result, edit } = passageChange(
    editor,
    data,
    options,
    'create',
    (_before, db) => {
      requireSpeaker(db, data.speakerId);
      requireTopics(db, data.topicIds);
      const questionId = questionIdFor(db, data.documentId, data.questionAnchor, data.kind);
      const order = passageRows(db, data.documentId).map((p) => p);
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
        temporaryPosition: -1,
      });
      setPassageTopics(db, id, data.topicIds);
      const ids = order.map((p) => p.id);
      ids.splice(index, 0, id);
      arrangePassages(db, data.documentId, ids);
      return anchor;
    },
    (anchor) => `Added passage ${anchor}`,
  );
  return { ...edit, anchor: result };
}

/** Deletes a passage; its anchor is retired for good. Answers to it lose their question. */
export async function deletePassage(editor: Editor, input: DeletePassageInput, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(deletePassageSchema, input);
  return passageChange(
    editor,
    data,
    options,
    'delete',
    (before, db) => {
      const row = passageByAnchor(db, data.documentId, data.anchor);
      if (before.status === 'published' && before.passages.length === 1) {
        throw new EditorialError('A published document keeps at least one passage: unpublish it first, or add another passage.');
      }
      sql(db, 'DELETE FROM Passage WHERE id = ?').run(row.id);
      arrangePassages(
        db,
        data.documentId,
        passageRows(db, data.documentId).map((p) => p.id),
      );
      return data.anchor;
    },
    (anchor) => `Deleted passage ${anchor}`,
  ).edit;
}

// ---------------------------------------------------------------------------------------------
// Order

/** Puts the passages in the order given: every anchor of the document, once. Anchors do not change. */
export async function reorderPassages(editor: Editor, input: ReorderPassagesInput, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(reorderPassagesSchema, input);
  return passageChange(
    editor,
    data,
    options,
    'reorder',
    (_before, db) => {
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
    () => 'Reordered the passages',
  ).edit;
}

// ---------------------------------------------------------------------------------------------
// Split and merge

/** Where to cut: before character `offset`, or before paragraph `paragraph` (1-based, blank-line separated). */
function cutPoint(text: string, offset: number | undefined, paragraph: number | undefined): { first: string; second: string } {
  let first: string;
  let second: string;
  if (offset !== undefined) {
    if (offset >= text.length) {
      throw new ValidationError('The split point is outside the text.', { offset: [`must be between 1 and ${text.length - 1}`] });
    }
    if (/[\uD800-\uDBFF]/.test(text[offset - 1])) {
      throw new ValidationError('The split point is inside a character.', { offset: ['must not fall inside a character'] });
    }
    first = text.slice(0, offset);
    second = text.slice(offset);
  } else {
    const boundaries = [...text.matchAll(/\n[ \t]*\n\s*/g)];
    const boundary = boundaries[paragraph! - 2];
    if (!boundary) {
      throw new ValidationError('There is no such paragraph.', {
        paragraph: [`must be between 2 and ${boundaries.length + 1}: the passage has ${boundaries.length + 1} paragraphs`],
      });
    }
    first = text.slice(0, boundary.index);
    second = text.slice(boundary.index + boundary[0].length);
  }
  first = first.trimEnd();
  second = second.trimStart();
  if (!first || !second) {
    throw new ValidationError('Both parts need text.', { [offset !== undefined ? 'offset' : 'paragraph']: ['must leave text on both sides'] });
  }
  return { first, second };
}

/**
 * Splits a passage in two. The first part keeps the anchor (and its answers, if a question); the
 * second gets a new anchor never used in this document, the same kind, speaker and question, and a
 * copy of the topics.
 */
export async function splitPassage(
  editor: Editor,
  input: SplitPassageInput,
  options?: EditOptions,
): Promise<EditResult & { anchor: number; newAnchor: number }> {
  const data = parseInput(splitPassageSchema, input);
  const { result, edit } = passageChange(
    editor,
    data,
    options,
    'split',
    (_before, db) => {
      const row = passageByAnchor(db, data.documentId, data.anchor);
      const { first, second } = cutPoint(row.text, data.offset, data.paragraph);
      updatePassageRow(db, row, { text: first });
      const newAnchor = nextAnchor(db, data.documentId);
      const id = insertPassage(db, {
        documentId: data.documentId,
        anchor: newAnchor,
        kind: row.kind,
        speakerId: row.speakerId,
        text: second,
        questionId: row.questionId,
        temporaryPosition: -1,
      });
      setPassageTopics(db, id, topicIdsOf(db, row.id));
      const ids = passageRows(db, data.documentId)
        .filter((p) => p.id !== id)
        .map((p) => p.id);
      ids.splice(ids.indexOf(row.id) + 1, 0, id);
      arrangePassages(db, data.documentId, ids);
      return newAnchor;
    },
    (newAnchor) => `Split passage ${data.anchor} into ${data.anchor} and ${newAnchor}`,
  );
  return { ...edit, anchor: data.anchor, newAnchor: result };
}

/**
 * Merges two adjacent passages of the same speaker and kind. The first keeps its anchor and takes
 * the second's text (after a blank line), topics and answers; the second's anchor is retired.
 */
export async function mergePassages(editor: Editor, input: MergePassagesInput, options?: EditOptions): Promise<EditResult & { anchor: number }> {
  const data = parseInput(mergePassagesSchema, input);
  return {
    ...passageChange(
      editor,
      data,
      options,
      'merge',
      (_before, db) => {
        const first = passageByAnchor(db, data.documentId, data.first);
        const second = passageByAnchor(db, data.documentId, data.second);
        const order = passageRows(db, data.documentId);
        const i = order.findIndex((p) => p.id === first.id);
        if (order[i + 1]?.id !== second.id) {
          throw new EditorialError(`Only neighbouring passages can be merged: passage ${data.second} does not directly follow passage ${data.first}.`);
        }
        if (first.speakerId !== second.speakerId) throw new EditorialError('Only passages of the same speaker can be merged.');
        if (first.kind !== second.kind) throw new EditorialError(`Only passages of the same kind can be merged (${first.kind} and ${second.kind}).`);
        const text = `${first.text.trimEnd()}\n\n${second.text.trimStart()}`;
        if (text.length > PASSAGE_TEXT_MAX) throw new EditorialError(`Together the passages would be longer than ${PASSAGE_TEXT_MAX} characters.`);
        sql(db, 'INSERT OR IGNORE INTO PassageTopic (passageId, topicId) SELECT ?, topicId FROM PassageTopic WHERE passageId = ?').run(
          first.id,
          second.id,
        );
        sql(db, 'UPDATE Passage SET questionId = ? WHERE questionId = ?').run(first.id, second.id);
        sql(db, 'DELETE FROM Passage WHERE id = ?').run(second.id);
        updatePassageRow(db, first, { text });
        arrangePassages(
          db,
          data.documentId,
          order.filter((p) => p.id !== second.id).map((p) => p.id),
        );
      },
      () => `Merged passage ${data.second} into passage ${data.first}`,
    ).edit,
    anchor: data.first,
  };
}

// ---------------------------------------------------------------------------------------------
// Topics

/** Tags a passage with a topic (a topic it has already changes nothing). */
export async function tagPassage(editor: Editor, input: TagPassageInput, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(tagPassageSchema, input);
  return passageChange(
    editor,
    data,
    options,
    'update',
    (_before, db) => {
      const row = passageByAnchor(db, data.documentId, data.anchor);
      requireTopics(db, [data.topicId], 'topicId');
      sql(db, 'INSERT OR IGNORE INTO PassageTopic (passageId, topicId) VALUES (?, ?)').run(row.id, data.topicId);
      return (sql(db, 'SELECT slug FROM Topic WHERE id = ?').get(data.topicId) as { slug: string }).slug;
    },
    (slug) => `Tagged passage ${data.anchor} with ${slug}`,
  ).edit;
}

/** Removes a topic from a passage. */
export async function untagPassage(editor: Editor, input: TagPassageInput, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(tagPassageSchema, input);
  return passageChange(
    editor,
    data,
    options,
    'update',
    (_before, db) => {
      const row = passageByAnchor(db, data.documentId, data.anchor);
      sql(db, 'DELETE FROM PassageTopic WHERE passageId = ? AND topicId = ?').run(row.id, data.topicId);
      return (sql(db, 'SELECT slug FROM Topic WHERE id = ?').get(data.topicId) as { slug: string } | undefined)?.slug ?? String(data.topicId);
    },
    (slug) => `Removed ${slug} from passage ${data.anchor}`,
  ).edit;
}
