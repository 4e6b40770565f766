// The shape of seed/metadata.json: the facts about the seed texts that the raw text does not carry.
import { z } from 'zod';
import { DOCUMENT_STATUSES } from '@/lib/vocabulary';
import { webAddressSchema } from './web-address';
import { datePrecisionSchema, documentKindSchema, participantRoleSchema, partialDateSchema, slugSchema } from './common';

export const seedMetadataSchema = z.object({
  speakers: z.array(z.object({ slug: slugSchema, name: z.string().min(1), aliases: z.array(z.string().min(1)).default([]) })),
  topics: z.array(z.object({ slug: slugSchema, name: z.string().min(1), description: z.string().optional() })),
  /** Groups of words and phrases that mean the same to a reader. */
  synonyms: z.array(z.array(z.string().min(1)).min(2)).default([]),
  documents: z.array(
    z.object({
      file: z.string().regex(/^[\w.-]+\.txt$/),
      slug: slugSchema,
      kind: documentKindSchema,
      title: z.string().min(1),
      subtitle: z.string().optional(),
      publisher: z.string().optional(),
      sourceUrl: webAddressSchema.optional(),
      date: partialDateSchema,
      datePrecision: datePrecisionSchema,
      language: z.string().default('en'),
      status: z.enum(DOCUMENT_STATUSES),
      participants: z.array(z.object({ speaker: slugSchema, role: participantRoleSchema, labels: z.array(z.string()).default([]) })),
      /** In reading order, one entry a passage; startsWith guards against a silent mismatch. */
      passageTopics: z.array(z.object({ startsWith: z.string().min(10), topics: z.array(slugSchema).min(1).max(3) })),
    }),
  ),
});

export type SeedMetadata = z.infer<typeof seedMetadataSchema>;
