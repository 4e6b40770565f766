// The inputs of the editorial layer (lib/editorial). Messages are written to stand next to a form
// field ("Title: must not be empty"). Numbers may arrive as text from a form; an empty optional field
// means "none" (null), an absent one "leave as it is" in an update. Documents and revisions are here;
// passages are in editorial-passages.ts, speakers and topics in editorial-entities.ts, the building
// blocks in editorial-fields.ts, all named here too.
import { z } from 'zod';
import { documentKindSchema, partialDateSchema, passageKindSchema, slugSchema } from './common';
import {
  TITLE_MAX,
  idSchema,
  languageSchema,
  lineSchema,
  messageSchema,
  nullableId,
  optionalLineSchema,
  optionalTextSchema,
  participantsSchema,
  passageTextSchema,
  checkPassageTimes,
  passageTimesFields,
  recordingFileSchema,
  recordingTypeSchema,
  sourceUrlSchema,
  titleSchema,
  topicIdsSchema,
  versionSchema,
} from './editorial-fields';

import type {
  createSpeakerSchema,
  createTopicSchema,
  entityActionSchema,
  mergeEntitiesSchema,
  updateSpeakerSchema,
  updateTopicSchema,
} from './editorial-entities';
import type {
  addPassageSchema,
  deletePassageSchema,
  mergePassagesSchema,
  reorderPassagesSchema,
  splitPassageSchema,
  tagPassageSchema,
  updatePassageSchema,
} from './editorial-passages';

export * from './editorial-fields';
export * from './editorial-passages';
export * from './editorial-entities';
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
