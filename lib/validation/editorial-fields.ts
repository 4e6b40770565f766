// The building blocks of the editorial inputs (lib/validation/editorial.ts): numbers as forms and
// JSON send them, one-line and multi-line text fields, passage text, participants and topic lists.
import { z } from 'zod';
import { participantRoleSchema } from './common';
import { PASSAGE_TEXT_MAX } from './limits';
import { optionalWebAddressSchema } from './web-address';

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
export function wholeNumberSchema(notANumber: string) {
  return z
    .union(
      [
        z.number(),
        z
          .string()
          .regex(/^\s*-?\d+(\.\d+)?\s*$/)
          .transform(Number),
      ],
      { error: notANumber },
    )
    .pipe(z.number({ error: notANumber }).int('must be a whole number'));
}

/**
 * The largest id, version or anchor either engine stores: PostgreSQL's integer columns are 32-bit, and
 * a larger value in a statement is an error there (22003), not a miss as on SQLite. No entry can have
 * one, so it is refused with a message here, on both engines alike, before any statement sees it.
 */
export const STORED_INTEGER_MAX = 2 ** 31 - 1;
const STORED_INTEGER_MESSAGE = `must be ${STORED_INTEGER_MAX} or less`;

export const idSchema = wholeNumberSchema('must be a number').pipe(z.number().positive('must be 1 or more').max(STORED_INTEGER_MAX, STORED_INTEGER_MESSAGE));

/** The version of the entry the editor started from, for optimistic locking. */
export const versionSchema = wholeNumberSchema('must be a number').pipe(z.number().min(1, 'must be 1 or more').max(STORED_INTEGER_MAX, STORED_INTEGER_MESSAGE));

export const anchorSchema = wholeNumberSchema('must be a passage number').pipe(
  z.number().positive('must be 1 or more').max(STORED_INTEGER_MAX, STORED_INTEGER_MESSAGE),
);

/** An id that may be left empty (""), meaning none. */
export const nullableId = z.preprocess((value) => (value === '' ? null : value), idSchema.nullable());
export const nullableAnchor = z.preprocess((value) => (value === '' ? null : value), anchorSchema.nullable());

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
export function optionalLineSchema(max: number) {
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
export function optionalTextSchema(max: number) {
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
export const sourceUrlSchema = optionalWebAddressSchema;

export const participantsSchema = z
  .array(z.object({ speakerId: idSchema, role: participantRoleSchema }), { error: 'must be a list of speakers with their roles' })
  .max(50, 'must be at most 50 participants')
  .refine((list) => new Set(list.map((p) => `${p.speakerId}:${p.role}`)).size === list.length, 'lists the same speaker twice in the same role');

export const topicIdsSchema = z
  .array(idSchema, { error: 'must be a list of topics' })
  .max(50, 'must be at most 50 topics')
  .refine((ids) => new Set(ids).size === ids.length, 'lists a topic twice');

// ---------------------------------------------------------------------------------------------
// Time in a recording (issue 12): optional per passage, both or neither

/** A point in a recording, in whole milliseconds; empty or absent means untimed. */
export const millisecondsSchema = z.preprocess(
  (value) => (value === '' || value === undefined ? null : value),
  wholeNumberSchema('must be a time in milliseconds')
    .pipe(z.number().min(0, 'must not be negative').max(STORED_INTEGER_MAX, 'must be under 24 days'))
    .nullable(),
);

/** A passage's start and end in its document's recording, as fields of a passage's schema. */
export const passageTimesFields = { startMs: millisecondsSchema.default(null), endMs: millisecondsSchema.default(null) };

/** Both or neither, the end after the start: a refinement for any schema with passageTimesFields. */
export function checkPassageTimes({ startMs, endMs }: { startMs: number | null; endMs: number | null }, context: z.RefinementCtx): void {
  if ((startMs === null) !== (endMs === null)) {
    context.addIssue({ code: 'custom', path: [startMs === null ? 'startMs' : 'endMs'], message: 'needs both a start and an end, or neither' });
  } else if (startMs !== null && endMs !== null && endMs <= startMs) {
    context.addIssue({ code: 'custom', path: ['endMs'], message: 'must be after the start' });
  }
}

/**
 * For an update, where an absent field means "leave as it is": the start and end come together (both
 * given, or neither; both empty clears them), and then follow checkPassageTimes.
 */
export function checkPassageTimesUpdate({ startMs, endMs }: { startMs?: number | null; endMs?: number | null }, context: z.RefinementCtx): void {
  if (startMs === undefined && endMs === undefined) return;
  if (startMs === undefined || endMs === undefined) {
    context.addIssue({
      code: 'custom',
      path: [startMs === undefined ? 'startMs' : 'endMs'],
      message: 'give the start and the end together (both empty clears them)',
    });
    return;
  }
  checkPassageTimes({ startMs, endMs }, context);
}

/** A stored recording's name: 32 hex digits and an extension, as the store gives them, so no name can reach outside its folder. */
export const RECORDING_FILE_NAME = /^[0-9a-f]{32}\.[a-z0-9]{2,5}$/;

/** The name a stored recording has under RECORDINGS_DIR: one the store could have given, never a path. */
export const recordingFileSchema = z.preprocess(
  (value) => (value === '' ? null : value),
  z.string().regex(RECORDING_FILE_NAME, 'must be the name the recording store gave the file').nullable(),
);

/** A recording's MIME type: audio or video only, as the player and the served header use it. */
export const recordingTypeSchema = z.preprocess(
  (value) => (value === '' ? null : value),
  z
    .string()
    .regex(/^(audio|video)\/[a-z0-9.+-]{1,50}$/, 'must be an audio or video type, such as audio/mpeg')
    .nullable(),
);
