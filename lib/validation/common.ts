// Building blocks shared by the schemas of every boundary.
import { z } from 'zod';
import { parsePartialDate } from '@/lib/dates';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const slugSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(120, 'must be at most 120 characters')
  .regex(SLUG_PATTERN, 'must be lowercase letters, digits and single hyphens, like "human-rights"');

export const partialDateSchema = z
  .string()
  .trim()
  .refine((value) => parsePartialDate(value) !== null, {
    message: 'must be a real date written YYYY, YYYY-MM or YYYY-MM-DD',
  });

export const documentKindSchema = z.enum(['interview', 'essay', 'speech', 'testimony'], {
  error: 'must be one of interview, essay, speech, testimony',
});
export const passageKindSchema = z.enum(['question', 'answer', 'paragraph'], {
  error: 'must be one of question, answer, paragraph',
});
export const participantRoleSchema = z.enum(['interviewer', 'interviewee', 'author', 'translator', 'editor']);
export const datePrecisionSchema = z.enum(['day', 'month', 'year']);

/** A positive whole number given as text in a URL. */
export const pageNumberSchema = z.coerce
  .number({ error: 'must be a whole number' })
  .int('must be a whole number')
  .min(1, 'must be 1 or more')
  .max(100_000, 'is too large');

/**
 * Reads URL parameters (URLSearchParams or Next's searchParams object) into a plain record of
 * single values; empty values count as absent so that a submitted form with blank fields is valid.
 */
export function searchParamsRecord(
  params: URLSearchParams | Record<string, string | string[] | undefined>,
): Record<string, string> {
  const record: Record<string, string> = {};
  const entries = params instanceof URLSearchParams ? params.entries() : Object.entries(params);
  for (const [key, raw] of entries) {
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value !== undefined && value.trim() !== '' && !(key in record)) record[key] = value;
  }
  return record;
}

/** One line a field naming each problem: "from: must be a real date…". */
export function describeIssues(error: z.ZodError): { parameter: string; message: string }[] {
  return error.issues.flatMap((issue) =>
    // zod reports unknown keys once, at the top; name each one as the parameter at fault.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ parameter: key, message: 'is not a known parameter' }))
      : [{ parameter: issue.path.map(String).join('.') || '(query)', message: issue.message }],
  );
}
