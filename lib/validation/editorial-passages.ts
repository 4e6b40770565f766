// The inputs of the editorial layer's passage changes (lib/editorial/passages.ts), named in
// editorial.ts too. Each is a change of its document, so expectedVersion is the document's.
import { z } from 'zod';
import { passageKindSchema } from './common';
import {
  anchorSchema,
  checkPassageTimes,
  checkPassageTimesUpdate,
  idSchema,
  messageSchema,
  millisecondsSchema,
  nullableAnchor,
  nullableId,
  passageTextSchema,
  passageTimesFields,
  topicIdsSchema,
  versionSchema,
  wholeNumberSchema,
} from './editorial-fields';

export const passageFieldsSchema = z.object({
  documentId: idSchema,
  expectedVersion: versionSchema,
  anchor: anchorSchema,
  kind: passageKindSchema,
  speakerId: nullableId,
  text: passageTextSchema,
  /** For an answer: the anchor of the question it answers. */
  questionAnchor: nullableAnchor,
  topicIds: topicIdsSchema,
  message: messageSchema,
});

export const passageRefSchema = passageFieldsSchema.pick({ documentId: true, expectedVersion: true, anchor: true, message: true });

/** The fields given change. Times come as a pair (see checkPassageTimesUpdate, applied by updatePassageInputSchema). */
export const updatePassageSchema = passageFieldsSchema
  .omit({ topicIds: true })
  .partial({ kind: true, speakerId: true, text: true, questionAnchor: true })
  .extend({ startMs: millisecondsSchema.optional(), endMs: millisecondsSchema.optional() });

export const updatePassageInputSchema = updatePassageSchema.superRefine(checkPassageTimesUpdate);

export const addPassageSchema = passageFieldsSchema.omit({ anchor: true }).extend({
  /** The passage it follows; null puts it first. */
  afterAnchor: nullableAnchor,
  speakerId: nullableId.default(null),
  questionAnchor: nullableAnchor.default(null),
  topicIds: topicIdsSchema.default([]),
  ...passageTimesFields,
});

export const addPassageInputSchema = addPassageSchema.superRefine(checkPassageTimes);

export const deletePassageSchema = passageRefSchema;

export const splitPassageSchema = passageRefSchema
  .extend({
    /** Split before this character (0-based index into the text). */
    offset: wholeNumberSchema('must be a number').pipe(z.number().min(1, 'must be 1 or more')).optional(),
    /** Split before this paragraph (1-based; paragraphs are separated by a blank line): 2 splits after the first. */
    paragraph: wholeNumberSchema('must be a number').pipe(z.number().min(2, 'must be 2 or more')).optional(),
    /** Where the cut falls in the recording, for a timed passage: the first part ends there, the second starts there. */
    splitMs: millisecondsSchema.optional(),
  })
  .refine((input) => (input.offset === undefined) !== (input.paragraph === undefined), {
    message: 'give either a character offset or a paragraph number, not both',
    path: ['offset'],
  });

export const mergePassagesSchema = passageRefSchema
  .omit({ anchor: true })
  .extend({ first: anchorSchema, second: anchorSchema })
  .refine((input) => input.first !== input.second, { message: 'must be another passage than the first', path: ['second'] });

export const reorderPassagesSchema = passageRefSchema.omit({ anchor: true }).extend({
  /** Every anchor of the document, in the new reading order. */
  order: z
    .array(anchorSchema, { error: 'must be the list of passages in their new order' })
    .min(1, 'must list the passages')
    .refine((anchors) => new Set(anchors).size === anchors.length, 'lists a passage twice'),
});

export const tagPassageSchema = passageRefSchema.extend({ topicId: idSchema });
