// One rule for a source address, at every boundary that takes one (import options and front
// matter, editorial forms, seed metadata) and on the way out: a full http(s) web address, nothing
// else, so a `javascript:` or `data:` address can never reach a reader's link.
import { z } from 'zod';

export const WEB_ADDRESS_MAX = 2000;
export const WEB_ADDRESS_MESSAGE = 'must be a full web address starting with http:// or https://';

export const webAddressSchema = z
  .string({ error: WEB_ADDRESS_MESSAGE })
  .trim()
  .max(WEB_ADDRESS_MAX, `must be at most ${WEB_ADDRESS_MAX} characters`)
  // The URL parser would quietly drop tabs and line breaks ("java\tscript:"); refuse them instead.
  .regex(/^[^\s\u0000-\u001F\u007F]*$/, 'must not contain spaces or line breaks')
  .pipe(z.url({ protocol: /^https?$/i, error: WEB_ADDRESS_MESSAGE }));

/** An optional form field: empty means none (null), absent means unchanged; else a web address. */
export const optionalWebAddressSchema = z.preprocess(
  (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
  webAddressSchema.nullable().optional(),
);

/** The address when it is a safe http(s) web address, else null: for data stored before this rule. */
export function safeWebAddress(value: string | null | undefined): string | null {
  if (value == null) return null;
  const parsed = webAddressSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
