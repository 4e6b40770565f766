// The inputs of the editorial layer's speaker and topic changes (lib/editorial/speakers.ts and
// topics.ts), and of what the two share: delete and merge. Named in editorial.ts too.
import { z } from 'zod';
import { slugSchema } from './common';
import { idSchema, lineSchema, messageSchema, nullableId, optionalLineSchema, optionalTextSchema, versionSchema } from './editorial-fields';

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
