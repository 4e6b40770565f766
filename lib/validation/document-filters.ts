// The filters of the documents list, shared by /documents and GET /api/v1/documents.
import { z } from 'zod';
import { dateRangeInOrder, documentKindSchema, pageNumberSchema, partialDateSchema, slugSchema } from './common';

export const DOCUMENT_SORTS = ['newest', 'oldest', 'title'] as const;

const documentFiltersShape = {
  speaker: slugSchema.optional(),
  topic: slugSchema.optional(),
  kind: documentKindSchema.optional(),
  from: partialDateSchema.optional(),
  to: partialDateSchema.optional(),
  sort: z.enum(DOCUMENT_SORTS, { error: 'must be one of newest, oldest, title' }).default('newest'),
  page: pageNumberSchema(100_000).default(1),
  pageSize: pageNumberSchema(100).default(20),
};

/** For the API: a parameter it does not know is a mistake worth a 400. */
export const documentFiltersSchema = z.strictObject(documentFiltersShape).refine(dateRangeInOrder.check, dateRangeInOrder.params);

/** For the page: links arrive with tracking parameters (utm_source, fbclid) that readers did not choose. */
export const documentPageFiltersSchema = z.object(documentFiltersShape).refine(dateRangeInOrder.check, dateRangeInOrder.params);

export type DocumentFilters = z.infer<typeof documentFiltersSchema>;
