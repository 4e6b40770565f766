// Options of `npm run import`, checked before the file is read, so a mistyped one changes nothing.
import { z } from 'zod';
import { partialDateSchema, slugSchema } from './common';
import { webAddressSchema } from './web-address';

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
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a language tag like en or ko')
    .optional(),
  slug: slugSchema.optional(),
  speaker: z.array(speakerMapping).default([]),
  /** Labels to read as text, not as a speaker ("--text-label Korea"). */
  textLabel: z
    .array(
      z
        .string()
        .trim()
        .min(1, 'name the label to read as text')
        .transform((l) => l.replace(/:$/, '')),
    )
    .default([]),
  interviewer: z.string().trim().min(1).optional(),
  interviewee: z.string().trim().min(1).optional(),
  author: z.string().trim().min(1).optional(),
  publish: z.boolean().default(false),
  dryRun: z.boolean().default(false),
});

export type ImportCliOptions = z.infer<typeof importCliOptionsSchema>;
