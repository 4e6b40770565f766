// Ids and passage anchors as they arrive in a URL segment, a query parameter or a form field: one
// rule for every page and action. Plain decimal digits only ("0x10", "1e3", "1.0", "+1" name no
// entry), and at most nine of them, so no text can become a number SQLite or JavaScript rounds.
import { z } from 'zod';
import { anchorSchema, idSchema } from './editorial';

/** Digits, then the rule every other boundary applies to such a number (idSchema, anchorSchema). */
function digitsThen(rule: typeof idSchema) {
  return z
    .string()
    .regex(/^\d{1,9}$/, 'must be a number')
    .transform((text, context) => {
      const parsed = rule.safeParse(text);
      if (parsed.success) return parsed.data;
      for (const issue of parsed.error.issues) context.addIssue({ code: 'custom', message: issue.message });
      return z.NEVER;
    });
}

/** An entry's id (a document, speaker, topic, revision version…): a positive whole number. */
export const idParamSchema = digitsThen(idSchema);

/** A passage's anchor, as in /documents/<slug>#p<anchor>. */
export const anchorParamSchema = digitsThen(anchorSchema);

/** A parameter given once or, by a hostile or mistaken link, several times: the first. */
const single = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** The id in a URL segment or query parameter, or null for anything that is not one. */
export function idParam(value: unknown): number | null {
  const parsed = idParamSchema.safeParse(single(value));
  return parsed.success ? parsed.data : null;
}

/** The anchor in a URL segment, or null for anything that is not one. */
export function anchorParam(value: unknown): number | null {
  const parsed = anchorParamSchema.safeParse(single(value));
  return parsed.success ? parsed.data : null;
}

/** An id in a form field: as a URL's, but the spaces a pasted value brings are forgiven. */
export function formIdParam(value: string | undefined): number | null {
  return idParam(value?.trim());
}
