// Splitting a passage in two and merging two neighbours into one: changes of the document's
// passages like those in passages.ts, with their own rules for text and anchors.
import 'server-only';
import { mergePassagesSchema, PASSAGE_TEXT_MAX, splitPassageSchema } from '@/lib/validation/editorial';
import { EditorialError, ValidationError } from './errors';
import { passageOperation } from './passage-operation';
import { moveSectionsOff } from './sections';
import { nextAnchor, passageRows, sql, type PassageRow } from './snapshots';
import { arrangePassages, insertPassage, passageByAnchor, setPassageTopics, topicIdsOf, updatePassageRow } from './store';

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
 * The times of the two parts of a split. A timed passage's start stays with the first part and its
 * end with the second; where the cut falls in the recording only the editor knows, so it is given
 * (`splitMs`, strictly inside the passage's span). Without it both parts are untimed: a time for the
 * cut guessed from the text's length would put words at moments where they are not spoken, and half
 * a span (a start without an end) is not a time the archive stores. The editor can time both parts
 * afterwards, or restore the revision before the split.
 */
function splitTimes(row: PassageRow, splitMs: number | null | undefined) {
  const untimed = { first: { startMs: null, endMs: null }, second: { startMs: null, endMs: null } };
  if (splitMs === undefined || splitMs === null) return untimed;
  if (row.startMs === null || row.endMs === null) {
    throw new ValidationError('The passage has no time to split.', { splitMs: ['only a timed passage can be split at a time'] });
  }
  if (splitMs <= row.startMs || splitMs >= row.endMs) {
    throw new ValidationError('The split time is outside the passage.', { splitMs: ['must be after the passage’s start and before its end'] });
  }
  return { first: { startMs: row.startMs, endMs: splitMs }, second: { startMs: splitMs, endMs: row.endMs } };
}

/**
 * Splits a passage in two. The first part keeps the anchor (and its answers, if a question); the
 * second gets a new anchor never used in this document, the same kind, speaker and question, and a
 * copy of the topics. Times: see splitTimes().
 */
export const splitPassage = passageOperation({
  schema: splitPassageSchema,
  action: 'split',
  mutate: (data, db) => {
    const row = passageByAnchor(db, data.documentId, data.anchor);
    const { first, second } = cutPoint(row.text, data.offset, data.paragraph);
    const times = splitTimes(row, data.splitMs);
    updatePassageRow(db, row, { text: first, ...times.first });
    const newAnchor = nextAnchor(db, data.documentId);
    const id = insertPassage(db, {
      documentId: data.documentId,
      anchor: newAnchor,
      kind: row.kind,
      speakerId: row.speakerId,
      text: second,
      questionId: row.questionId,
      ...times.second,
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
  describe: (data, newAnchor) => `Split passage ${data.anchor} into ${data.anchor} and ${newAnchor}`,
  returns: (data, newAnchor) => ({ anchor: data.anchor, newAnchor }),
});

/**
 * The merged passage's time: from the first's start to the second's end when both are timed (and in
 * that order); otherwise untimed, since half of the merged text would have no place in the recording.
 */
function mergedTimes(first: PassageRow, second: PassageRow) {
  if (first.startMs === null || second.endMs === null || first.endMs === null || second.startMs === null || second.endMs <= first.startMs) {
    return { startMs: null, endMs: null };
  }
  return { startMs: first.startMs, endMs: second.endMs };
}

/**
 * Merges two adjacent passages of the same speaker and kind. The first keeps its anchor and takes
 * the second's text (after a blank line), topics and answers; the second's anchor is retired. Times:
 * see mergedTimes().
 */
export const mergePassages = passageOperation({
  schema: mergePassagesSchema,
  action: 'merge',
  mutate: (data, db) => {
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
    sql(db, 'INSERT INTO PassageTopic (passageId, topicId) SELECT ?, topicId FROM PassageTopic WHERE passageId = ? ON CONFLICT DO NOTHING').run(
      first.id,
      second.id,
    );
    sql(db, 'UPDATE Passage SET questionId = ? WHERE questionId = ?').run(first.id, second.id);
    moveSectionsOff(db, data.documentId, second.anchor, first.anchor);
    sql(db, 'DELETE FROM Passage WHERE id = ?').run(second.id);
    updatePassageRow(db, first, { text, ...mergedTimes(first, second) });
    arrangePassages(
      db,
      data.documentId,
      order.filter((p) => p.id !== second.id).map((p) => p.id),
    );
  },
  describe: (data) => `Merged passage ${data.second} into passage ${data.first}`,
  returns: (data) => ({ anchor: data.first }),
});
