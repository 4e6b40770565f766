// The inputs of the editorial layer (lib/editorial). Messages are written to stand next to a form
// field ("Title: must not be empty"). Numbers may arrive as text from a form; an empty optional field
// means "none" (null), an absent one "leave as it is" in an update. The building blocks are in
// editorial-fields.ts, named here too.
import { z } from 'zod';
import { documentKindSchema, partialDateSchema, passageKindSchema, slugSchema } from './common';
import {
  TITLE_MAX,
  anchorSchema,
  idSchema,
  languageSchema,
  lineSchema,
  messageSchema,
  nullableAnchor,
  nullableId,
  optionalLineSchema,
  optionalTextSchema,
  participantsSchema,
  passageTextSchema,
  checkPassageTimes,
  checkPassageTimesUpdate,
  millisecondsSchema,
  passageTimesFields,
  recordingFileSchema,
  recordingTypeSchema,
  sourceUrlSchema,
  titleSchema,
  topicIdsSchema,
  versionSchema,
  wholeNumberSchema,
} from './editorial-fields';

export * from './editorial-fields';
// Defined once in common.ts; named here too for the importers that found it here.
export { participantRoleSchema } from './common';
import { PASSAGE_TEXT_MAX } from './limits';
export { PASSAGE_TEXT_MAX };

// ---------------------------------------------------------------------------------------------
// Documents

/** Every field of a document, as the edit form has them. */
export const documentFieldsSchema = z.object({
  slug: slugSchema,
  kind: documentKindSchema,
  title: titleSchema,
  subtitle: optionalLineSchema(TITLE_MAX),
  summary: optionalTextSchema(5000),
  publisher: optionalLineSchema(200),
  sourceUrl: sourceUrlSchema,
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD": the precision is the form. */
  date: partialDateSchema,
  language: languageSchema,
  caption: optionalTextSchema(1000),
  participants: participantsSchema,
});

/** A passage given with a new document. */
export const newDocumentPassageSchema = z
  .object({
    kind: passageKindSchema,
    speakerId: nullableId.default(null),
    text: passageTextSchema,
    topicIds: topicIdsSchema.default([]),
    /** For an answer: the index, in this list, of the earlier question it answers. */
    questionIndex: z.number().int().min(0).nullable().default(null),
    ...passageTimesFields,
  })
  .superRefine(checkPassageTimes);

/** A section of a new document's table of contents. */
export const newDocumentSectionSchema = z.object({
  title: lineSchema(TITLE_MAX),
  synopsis: optionalTextSchema(5000),
  keywords: z.array(lineSchema(200)).max(100, 'must be at most 100 keywords').default([]),
  passageIndex: z.number().int().min(0),
});

export const createDocumentSchema = documentFieldsSchema.extend({
  language: languageSchema.default('en'),
  participants: participantsSchema.default([]),
  passages: z.array(newDocumentPassageSchema).max(5000, 'must be at most 5000 passages').default([]),
  message: messageSchema,
  /** A table of contents: each section starts at a passage given here (its index in `passages`). */
  sections: z.array(newDocumentSectionSchema).max(1000, 'must be at most 1000 sections').default([]),
  /** The recording beside the transcript, when one comes with it (an import, a test's fixture). */
  recordingUrl: sourceUrlSchema.default(null),
  /** A file already stored under RECORDINGS_DIR: its name there, and its MIME type. */
  recordingFile: recordingFileSchema.default(null),
  recordingType: recordingTypeSchema.default(null),
});

/** The fields given are changed; those left out stay as they are. */
export const updateDocumentSchema = documentFieldsSchema.partial().extend({
  id: idSchema,
  expectedVersion: versionSchema,
  message: messageSchema,
});

/** Publish, unpublish, delete, restore a deleted document. */
export const documentActionSchema = z.object({ id: idSchema, expectedVersion: versionSchema, message: messageSchema });

// ---------------------------------------------------------------------------------------------
// Passages (each change is a change of its document: expectedVersion is the document's)

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

// ---------------------------------------------------------------------------------------------
// Speakers

export const aliasesSchema = z
  .array(lineSchema(200), { error: 'must be a list of names' })
  .max(50, 'must be at most 50 names')
  .refine((aliases) => new Set(aliases.map((a) => a.toLowerCase())).size === aliases.length, 'lists the same name twice');

export const speakerFieldsSchema = z.object({
  name: lineSchema(200),
  slug: slugSchema,
  bio: optionalTextSchema(5000),
  bioSource: optionalLineSchema(300),
  aliases: aliasesSchema,
});

export const createSpeakerSchema = speakerFieldsSchema.extend({
  /** Made from the name when left out. */
  slug: slugSchema.optional(),
  aliases: aliasesSchema.default([]),
  message: messageSchema,
});

export const updateSpeakerSchema = speakerFieldsSchema.partial().extend({ id: idSchema, expectedVersion: versionSchema, message: messageSchema });

/** Delete (speaker or topic). */
export const entityActionSchema = z.object({ id: idSchema, expectedVersion: versionSchema, message: messageSchema });

/** Merge `source` into `target`: the target stays, the source's references move to it, the source is deleted. */
export const mergeEntitiesSchema = z
  .object({
    targetId: idSchema,
    expectedTargetVersion: versionSchema,
    sourceId: idSchema,
    expectedSourceVersion: versionSchema,
    message: messageSchema,
  })
  .refine((input) => input.targetId !== input.sourceId, { message: 'must be another entry than the one merged into', path: ['sourceId'] });

export const mergeSpeakersSchema = mergeEntitiesSchema;

// ---------------------------------------------------------------------------------------------
// Topics

export const topicFieldsSchema = z.object({
  name: lineSchema(200),
  slug: slugSchema,
  description: optionalTextSchema(2000),
  parentId: nullableId,
});

export const createTopicSchema = topicFieldsSchema.extend({
  slug: slugSchema.optional(),
  parentId: nullableId.default(null),
  message: messageSchema,
});

export const updateTopicSchema = topicFieldsSchema.partial().extend({ id: idSchema, expectedVersion: versionSchema, message: messageSchema });

export const mergeTopicsSchema = mergeEntitiesSchema;

// ---------------------------------------------------------------------------------------------
// Revisions

export const entityTypeSchema = z.enum(['document', 'speaker', 'topic'], { error: 'must be document, speaker or topic' });

export const restoreRevisionSchema = z.object({
  entityType: entityTypeSchema,
  id: idSchema,
  revisionVersion: versionSchema,
  expectedVersion: versionSchema,
  message: messageSchema,
});

export type CreateDocumentInput = z.input<typeof createDocumentSchema>;
export type UpdateDocumentInput = z.input<typeof updateDocumentSchema>;
export type DocumentActionInput = z.input<typeof documentActionSchema>;
export type UpdatePassageInput = z.input<typeof updatePassageSchema>;
export type AddPassageInput = z.input<typeof addPassageSchema>;
export type DeletePassageInput = z.input<typeof deletePassageSchema>;
export type SplitPassageInput = z.input<typeof splitPassageSchema>;
export type MergePassagesInput = z.input<typeof mergePassagesSchema>;
export type ReorderPassagesInput = z.input<typeof reorderPassagesSchema>;
export type TagPassageInput = z.input<typeof tagPassageSchema>;
export type CreateSpeakerInput = z.input<typeof createSpeakerSchema>;
export type UpdateSpeakerInput = z.input<typeof updateSpeakerSchema>;
export type CreateTopicInput = z.input<typeof createTopicSchema>;
export type UpdateTopicInput = z.input<typeof updateTopicSchema>;
export type EntityActionInput = z.input<typeof entityActionSchema>;
export type MergeEntitiesInput = z.input<typeof mergeEntitiesSchema>;
