// The parameters of a search, shared by /search, the reader's in-document search and the API.
import { z } from 'zod';
import { dateRangeInOrder, pageNumberSchema, partialDateSchema, passageKindSchema, slugSchema } from './common';

export const MAX_QUERY_LENGTH = 500;

const searchShape = {
  q: z.string().max(MAX_QUERY_LENGTH, `must be at most ${MAX_QUERY_LENGTH} characters`).default(''),
  speaker: slugSchema.optional(),
  topic: slugSchema.optional(),
  kind: passageKindSchema.optional(),
  document: slugSchema.optional(),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  page: pageNumberSchema(1000).default(1),
  pageSize: pageNumberSchema(50).default(10),
};

/** For the API: an unknown parameter is a mistake worth a 400. */
export const searchParamsSchema = z.strictObject(searchShape).refine(dateRangeInOrder.check, dateRangeInOrder.params);
/** For pages: shared links carry parameters readers did not choose (utm_source, fbclid). */
export const searchPageParamsSchema = z.object(searchShape).refine(dateRangeInOrder.check, dateRangeInOrder.params);

export type SearchParams = z.infer<typeof searchParamsSchema>;
