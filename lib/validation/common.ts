// Building blocks shared by the schemas of every boundary.
import { z } from 'zod';
import { parsePartialDate } from '@/lib/dates';
import { DATE_PRECISIONS, DOCUMENT_KINDS, PARTICIPANT_ROLES, PASSAGE_KINDS } from '@/lib/vocabulary';

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

/**
 * A from/to range in order, as an object-level check. zod runs it even when "from" or "to" was
 * already refused (a refine's issue does not abort), so an unreadable date is left to its own
 * message here rather than read as null.
 */
export const dateRangeInOrder = {
  check: (range: { from?: string; to?: string }) => {
    const from = range.from ? parsePartialDate(range.from) : null;
    const to = range.to ? parsePartialDate(range.to) : null;
    return !from || !to || from.start <= to.end;
  },
  params: { message: 'must not be after "to"', path: ['from'] },
};

export const documentKindSchema = z.enum(DOCUMENT_KINDS, {
  error: 'must be one of interview, essay, speech, testimony',
});
export const passageKindSchema = z.enum(PASSAGE_KINDS, {
  error: 'must be one of question, answer, paragraph',
});
export const participantRoleSchema = z.enum(PARTICIPANT_ROLES, { error: `must be one of ${PARTICIPANT_ROLES.join(', ')}` });
export const datePrecisionSchema = z.enum(DATE_PRECISIONS);

/**
 * A page number given as text in a URL: plain decimal digits only. Number() would also read "0x10",
 * "1e3", "+1", " 1" and "1.0"; a link that says any of these is a mistake to show, not to guess at.
 */
export const pageNumberSchema = (max: number) =>
  z
    .string({ error: 'must be a whole number' })
    .regex(/^[0-9]+$/, 'must be a whole number written with the digits 0-9 only, like 2')
    .transform(Number)
    // Only a number too long to be finite can fail as a number here: it is too large, as it says.
    .pipe(
      z
        .number({ error: `must be at most ${max}` })
        .min(1, 'must be 1 or more')
        .max(max, `must be at most ${max}`),
    );

/** URL parameters as route handlers (URLSearchParams) and pages (Next's searchParams object) get them. */
export type UrlParams = URLSearchParams | Record<string, string | string[] | undefined>;

function paramEntries(params: UrlParams): [string, string][] {
  if (params instanceof URLSearchParams) return [...params.entries()];
  // Next builds its searchParams object on a plain {}, so "constructor=x" arrives as
  // [Object, 'x'] (the inherited function, then the value): only strings are what was sent.
  return Object.entries(params).flatMap(([key, raw]) => [raw].flat().flatMap((value): [string, string][] => (typeof value === 'string' ? [[key, value]] : [])));
}

const isBlank = (value: string) => value.trim() === '';

/**
 * Reads URL parameters into a plain record of single values (the first of a repeated one; see
 * parseUrlParams, which refuses repeats); empty values count as absent so that a submitted form
 * with blank fields is valid.
 */
export function searchParamsRecord(params: UrlParams): Record<string, string> {
  // No prototype: "constructor", "toString" or "__proto__" are parameter names like any other here.
  const record: Record<string, string> = Object.create(null);
  for (const [key, value] of paramEntries(params)) if (!isBlank(value) && !Object.hasOwn(record, key)) record[key] = value;
  return record;
}

/** The parameters given a value more than once (page=1&page=2): which one was meant cannot be known. */
export function repeatedParams(params: UrlParams): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const [key, value] of paramEntries(params)) {
    if (isBlank(value)) continue;
    if (seen.has(key)) repeated.add(key);
    seen.add(key);
  }
  return [...repeated];
}

/**
 * Validates URL parameters with a schema, and refuses a parameter given more than once rather than
 * silently taking one of its values. Every problem is reported at once, each naming its parameter.
 */
export function parseUrlParams<S extends z.ZodType>(schema: S, params: UrlParams): z.ZodSafeParseResult<z.output<S>> {
  const parsed = schema.safeParse(searchParamsRecord(params)) as z.ZodSafeParseResult<z.output<S>>;
  const repeated = repeatedParams(params);
  if (repeated.length === 0) return parsed;
  const issues: z.core.$ZodIssue[] = [
    ...repeated.map((key): z.core.$ZodIssue => ({ code: 'custom', path: [key], message: 'is given more than once: give it once', input: undefined })),
    // The first value's own problems would only confuse: the reader must choose one value anyway.
    ...(parsed.success ? [] : parsed.error.issues.filter((issue) => !repeated.includes(String(issue.path[0])))),
  ];
  return { success: false, error: new z.ZodError(issues) as z.ZodError<z.output<S>> };
}

/** For API addresses that take no parameters: an unknown one is a mistake worth a 400, as everywhere in the API. */
export const noParamsSchema = z.strictObject({});

/** One line a field naming each problem: "from: must be a real date…". */
export function describeIssues(error: z.ZodError): { parameter: string; message: string }[] {
  return error.issues.flatMap((issue) =>
    // zod reports unknown keys once, at the top; name each one as the parameter at fault.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ parameter: key, message: 'is not a known parameter' }))
      : [{ parameter: issue.path.map(String).join('.') || '(query)', message: issue.message }],
  );
}
