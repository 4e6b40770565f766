// What the citation endpoints accept, as the schemas their handlers parse with and the API's
// description (lib/api/openapi/registry.ts) shows. Pure: no citation engine is loaded with them.
import { z } from 'zod';
import { anchorParamSchema } from '@/lib/validation/params';
import { slugSchema } from '@/lib/validation/common';
import { CITATION_FORMATS } from './formats';

/** ?format=: a style's text instead of CSL-JSON. */
export const citationQuerySchema = z.strictObject({
  format: z.enum(CITATION_FORMATS, { error: `must be one of ${CITATION_FORMATS.join(', ')}` }).optional(),
});

export const documentCitationParams = z.object({ slug: slugSchema });
export const passageCitationParams = z.object({ slug: slugSchema, anchor: anchorParamSchema });
