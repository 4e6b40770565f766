// The two segments of GET /api/v1/documents/<slug>/export/<format>, checked together so that a
// malformed slug or an unknown format is a 400 naming it.
import { z } from 'zod';
import { slugSchema } from '@/lib/validation/common';
import { EXPORT_FORMATS } from './formats';

export const exportParamsSchema = z.object({
  slug: slugSchema,
  format: z.enum(EXPORT_FORMATS, { error: `must be one of ${EXPORT_FORMATS.join(', ')}` }),
});
