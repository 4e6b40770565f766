// Validates the <slug> of an API address, so a malformed one is a 400 that says why, not a 404.
import { z } from 'zod';
import { slugSchema } from './common';

export const slugParamSchema = z.object({ slug: slugSchema });
