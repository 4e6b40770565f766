// The inputs of the editorial layer (lib/editorial). Messages are written to stand next to a form
// field ("Title: must not be empty"). Numbers may arrive as text from a form; an empty optional field
// means "none" (null), an absent one "leave as it is" in an update.
import { z } from 'zod';
import { optionalWebAddressSchema } from './web-address';
import { documentKindSchema, partialDateSchema, passageKindSchema, slugSchema } from './common';
import { PASSAGE_TEXT_MAX } from './limits';

export { PASSAGE_TEXT_MAX };

// ---------------------------------------------------------------------------------------------
// Building blocks

/** Control characters a passage may not hold: all but tab and newline (carriage returns are folded into newlines first). */
const TEXT_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
/** In a one-line field no control character at all. */
const LINE_CONTROL = /[\u0000-\u001F\u007F-\u009F]/;

/** Browsers send a textarea's line breaks as CRLF; the archive stores LF. */
export const normalizeNewlines = (text: string) => text.replace(/\r\n?/g, '\n');

/**
 * Half of a UTF-16 surrogate pair without its other half. JSON can carry one ("\ud800"), SQLite
 * cannot store it: it would be saved as U+FFFD, a silent change of what the editor sent.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const BROKEN_CHARACTER = 'must not contain broken characters (half of a surrogate pair)';
const wellFormed = (value: string | null | undefined) => value == null || !LONE_SURROGATE.test(value);

/**
 * A whole number as a form (decimal digits) or JSON (a number) sends it. Anything else is refused
 * rather than read as a number the editor never wrote: "0x10", "1e3", "0b11", true or [5] would all
 * pass Number() as 16, 1000, 3, 1 and 5, and name another entry or version than the one meant.
 */
function wholeNumberSchema(notANumber: string) {
  return z
    .union([z.number(), z.string().regex(/^\s*-?\d+(\.\d+)?\s*$/).transform(Number)], { error: notANumber })
    .pipe(z.number({ error: notANumber }).int('must be a whole number'));
}

export const idSchema = wholeNumberSchema('must be a number').pipe(z.number().positive('must be 1 or more'));

/** The version of the entry the editor started from, for optimistic locking. */
export const versionSchema = wholeNumberSchema('must be a number').pipe(z.number().min(1, 'must be 1 or more'));

export const anchorSchema = wholeNumberSchema('must be a passage number').pipe(z.number().positive('must be 1 or more'));

/** An id that may be left empty (""), meaning none. */
const nullableId = z.preprocess((value) => (value === '' ? null : value), idSchema.nullable());
const nullableAnchor = z.preprocess((value) => (value === '' ? null : value), anchorSchema.nullable());

/** A required one-line field: trimmed, not empty, at most `max` characters, no control characters. */
export function lineSchema(max: number) {
  return z
    .string({ error: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !LINE_CONTROL.test(value), 'must be one line without control characters')
    .refine(wellFormed, BROKEN_CHARACTER);
}

/** An optional one-line field: empty means none (null). */
function optionalLineSchema(max: number) {
  return z
    .string({ error: 'must be text' })
    .trim()
    .max(max, `must be at most ${max} characters`)
    .refine((value) => !LINE_CONTROL.test(value), 'must be one line without control characters')
    .refine(wellFormed, BROKEN_CHARACTER)
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));
}

/** An optional text of several lines (a summary, a bio): empty means none (null). */
function optionalTextSchema(max: number) {
  return z
    .string({ error: 'must be text' })
    .transform(normalizeNewlines)
    .pipe(
      z
        .string()
        .trim()
        .max(max, `must be at most ${max} characters`)
        .refine((value) => !TEXT_CONTROL.test(value), 'must not contain control characters other than line breaks and tabs')
        .refine(wellFormed, BROKEN_CHARACTER),
    )
    .nullable()
    .optional()
    .transform((value) => (value === '' ? null : value));
}

export const TITLE_MAX = 300;

export const titleSchema = lineSchema(TITLE_MAX);

/** A passage's text: line breaks kept (a blank line separates paragraphs), no other control characters, never empty. */
export const passageTextSchema = z
  .string({ error: 'must be text' })
  .transform(normalizeNewlines)
  .pipe(
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(PASSAGE_TEXT_MAX, `must be at most ${PASSAGE_TEXT_MAX} characters`)
      .refine((value) => !TEXT_CONTROL.test(value), 'must not contain control characters other than line breaks and tabs')
      .refine(wellFormed, BROKEN_CHARACTER),
  );

/** The editor's note on a change, shown in the history. */
export const messageSchema = optionalLineSchema(500);

export const languageSchema = z
  .string({ error: 'must be text' })
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag like en or ko');

// The one http(s)-only rule for source addresses (lib/validation/web-address.ts); empty is none.
const sourceUrlSchema = optionalWebAddressSchema;

export const participantRoleSchema = z.enum(['interviewer', 'interviewee', 'author', 'translator', 'editor'], {
  error: 'must be one of interviewer, interviewee, author, translator, editor',
});

export const participantsSchema = z
  .array(z.object({ speakerId: idSchema, role: participantRoleSchema }), { error: 'must be a list of speakers with their roles' })
  .max(50, 'must be at most 50 participants')
  .refine(
    (list) => new Set(list.map((p) => `${p.speakerId}:${p.role}`)).size === list.length,
    'lists the same speaker twice in the same role',
  );

const topicIdsSchema = z
  .array(idSchema, { error: 'must be a list of topics' })
  .max(50, 'must be at most 50 topics')
  .refine((ids) => new Set(ids).size === ids.length, 'lists a topic twice');

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
export const newDocumentPassageSchema = z.object({
  kind: passageKindSchema,
  speakerId: nullableId.default(null),
  text: passageTextSchema,
  topicIds: topicIdsSchema.default([]),
  /** For an answer: the index, in this list, of the earlier question it answers. */
  questionIndex: z.number().int().min(0).nullable().default(null),
});

export const createDocumentSchema = documentFieldsSchema.extend({
  language: languageSchema.default('en'),
  participants: participantsSchema.default([]),
  passages: z.array(newDocumentPassageSchema).max(5000, 'must be at most 5000 passages').default([]),
  message: messageSchema,
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

export const updatePassageSchema = passageFieldsSchema
  .omit({ topicIds: true })
  .partial({ kind: true, speakerId: true, text: true, questionAnchor: true });

export const addPassageSchema = passageFieldsSchema.omit({ anchor: true }).extend({
  /** The passage it follows; null puts it first. */
  afterAnchor: nullableAnchor,
  speakerId: nullableId.default(null),
  questionAnchor: nullableAnchor.default(null),
  topicIds: topicIdsSchema.default([]),
});

export const deletePassageSchema = passageRefSchema;

export const splitPassageSchema = passageRefSchema
  .extend({
    /** Split before this character (0-based index into the text). */
    offset: wholeNumberSchema('must be a number').pipe(z.number().min(1, 'must be 1 or more')).optional(),
    /** Split before this paragraph (1-based; paragraphs are separated by a blank line): 2 splits after the first. */
    paragraph: wholeNumberSchema('must be a number').pipe(z.number().min(2, 'must be 2 or more')).optional(),
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
