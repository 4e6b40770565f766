// The API's document shape (GET /api/v1/documents/<slug> and the JSON download) as a zod schema:
// what clients may rely on, checked against real answers in the tests. Strict objects, so a field
// added to the answer without being described here fails those tests instead of drifting unseen.
import { z } from 'zod';
import { DATE_PRECISIONS, PASSAGE_KINDS } from '@/lib/vocabulary';

const ref = z.strictObject({ slug: z.string(), name: z.string() });

export const documentPassageJsonSchema = z.strictObject({
  id: z.number().int(),
  anchor: z.number().int().positive(),
  position: z.number().int().positive(),
  kind: z.enum(PASSAGE_KINDS),
  speaker: ref.nullable(),
  text: z.string(),
  questionAnchor: z.number().int().positive().nullable(),
  topics: z.array(ref),
  /** Where it is spoken in the document's recording, in milliseconds; both null when untimed. */
  startMs: z.number().int().nonnegative().nullable(),
  endMs: z.number().int().positive().nullable(),
  /** The passage's address in the reader, absolute. */
  url: z.url(),
});

/** The recording beside the transcript: a stored file's absolute address or the external one. */
export const documentRecordingJsonSchema = z.strictObject({
  url: z.url(),
  type: z.string().nullable(),
  kind: z.enum(['audio', 'video']),
});

/** An entry of the table of contents, at the passage it starts at. */
export const documentSectionJsonSchema = z.strictObject({
  title: z.string(),
  synopsis: z.string().nullable(),
  anchor: z.number().int().positive(),
  url: z.url(),
});

export const documentJsonSchema = z.strictObject({
  slug: z.string(),
  kind: z.string(),
  title: z.string(),
  subtitle: z.string().nullable(),
  publisher: z.string().nullable(),
  date: z.strictObject({
    /** At its precision: "2016-12" is a month. */
    iso: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/),
    label: z.string(),
    precision: z.enum(DATE_PRECISIONS),
    year: z.number().int(),
  }),
  participants: z.array(ref.extend({ role: z.string() })),
  passageCount: z.number().int().nonnegative(),
  summary: z.string().nullable(),
  sourceUrl: z.url().nullable(),
  caption: z.string().nullable(),
  language: z.string(),
  updatedAt: z.iso.datetime(),
  url: z.url(),
  /** Null for a text-only document. */
  recording: documentRecordingJsonSchema.nullable(),
  sections: z.array(documentSectionJsonSchema),
  passages: z.array(documentPassageJsonSchema),
});

export type DocumentJson = z.output<typeof documentJsonSchema>;
