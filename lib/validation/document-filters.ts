// The filters of the documents list, shared by /documents and GET /api/v1/documents.
import { z } from 'zod';
import { parsePartialDate } from '@/lib/dates';
import { documentKindSchema, pageNumberSchema, partialDateSchema, slugSchema } from './common';

export const DOCUMENT_SORTS = ['newest', 'oldest', 'title'] as const;

export const documentFiltersSchema = z
  .strictObject(
    {
      speaker: slugSchema.optional(),
      topic: slugSchema.optional(),
      kind: documentKindSchema.optional(),
      from: partialDateSchema.optional(),
      to: partialDateSchema.optional(),
      sort: z.enum(DOCUMENT_SORTS, { error: 'must be one of newest, oldest, title' }).default('newest'),
      page: pageNumberSchema.default(1),
      pageSize: pageNumberSchema.max(100, 'must be at most 100').default(20),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? `unknown parameter: ${issue.keys.join(', ')}` : undefined) },
  )
  .refine(
    (filters) =>
      !filters.from || !filters.to || parsePartialDate(filters.from)!.start <= parsePartialDate(filters.to)!.end,
    { message: 'must not be after "to"', path: ['from'] },
  );

export type DocumentFilters = z.infer<typeof documentFiltersSchema>;
