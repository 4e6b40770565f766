// Options of `npm run import`, checked before the file is read, so a mistyped one changes nothing.
import { z } from 'zod';
import { partialDateSchema, slugSchema } from './common';
import { webAddressSchema } from './web-address';

/**
 * The most text one import takes, in UTF-8 bytes: the web form says so and checks it before
 * sending, the server action and the CLI enforce it. Next's server-action body limit is set a little
 * above it (next.config.js) so an over-long text meets this message rather than a 500.
 */
export const IMPORT_MAX_BYTES = 1024 * 1024;
export const IMPORT_LIMIT_LABEL = '1 MB';

/** "The text is 1.4 MB; the importer takes up to 1 MB of text…", or null when within the limit. */
export function importSizeProblem(bytes: number, what = 'The text'): string | null {
  if (bytes <= IMPORT_MAX_BYTES) return null;
  const size = bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
  return `${what} is ${size}; the importer takes up to ${IMPORT_LIMIT_LABEL} of text at a time. Split it into parts and import each.`;
}

const speakerMapping = z
  .string()
  .regex(/^[^=]+=.+$/, 'must be written LABEL=Full Name, like JK=Jeff Kim')
  .transform((value) => {
    const [label, ...name] = value.split('=');
    return { label: label.trim(), name: name.join('=').trim() };
  });

export const importCliOptionsSchema = z.object({
  file: z.string().min(1, 'name a transcript file to import'),
  kind: z.enum(['interview', 'essay'], { error: 'must be interview or essay' }).optional(),
  title: z.string().trim().min(1).optional(),
  subtitle: z.string().trim().min(1).optional(),
  date: partialDateSchema.optional(),
  publisher: z.string().trim().min(1).optional(),
  source: webAddressSchema.optional(),
  language: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag like en or ko').optional(),
  slug: slugSchema.optional(),
  speaker: z.array(speakerMapping).default([]),
  /** Labels to read as text, not as a speaker ("--text-label Korea"). */
  textLabel: z.array(z.string().trim().min(1, 'name the label to read as text').transform((l) => l.replace(/:$/, ''))).default([]),
  interviewer: z.string().trim().min(1).optional(),
  interviewee: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  publish: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

export type ImportCliOptions = z.infer<typeof importCliOptionsSchema>;
