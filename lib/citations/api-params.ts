// What the citation endpoints accept, as the schemas their handlers parse with and the API's
// description (lib/api/openapi/registry.ts) shows. Pure: no citation engine is loaded with them.
import { z } from 'zod';
import { anchorParamSchema } from '@/lib/validation/params';
import { slugSchema } from '@/lib/validation/common';
import { parseMoment } from '@/lib/media/moment';
import { CITATION_FORMATS } from './formats';

/** ?format=: a style's text instead of CSL-JSON. */
export const citationQuerySchema = z.strictObject({
  format: z.enum(CITATION_FORMATS, { error: `must be one of ${CITATION_FORMATS.join(', ')}` }).optional(),
});

export const documentCitationParams = z.object({ slug: slugSchema });
export const passageCitationParams = z.object({ slug: slugSchema, anchor: anchorParamSchema });

/** A passage's citation may cite a moment or clip of its recording: ?t=65, ?t=1:05 or ?t=65,80, as the reader's links. */
export const passageCitationQuerySchema = citationQuerySchema.extend({
  t: z
    .string()
    .transform((value, context) => {
      const moment = parseMoment(value);
      if (moment === null) context.addIssue({ code: 'custom', message: 'must be a time in seconds or m:ss, or a start and a later end: 65,80' });
      return moment ?? z.NEVER;
    })
    .optional(),
});
