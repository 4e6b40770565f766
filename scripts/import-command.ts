// The work behind `npm run import`: parse options, run the importer, print what it made and what it
// could not place, and save a draft unless --dry-run. Any problem stops it before anything is written.
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { createPrismaClient, databaseFilePath, migrateDatabase } from '@/lib/db';
import { saveNewDocument, type NewDocument } from '@/lib/editorial/save-new-document';
import { ImportError, parseDocumentText, type ImportResult, type SpeakerHint } from '@/lib/import';
import { parsePartialDate } from '@/lib/dates';
import { slugify } from '@/lib/slug';
import { importCliOptionsSchema, type ImportCliOptions } from '@/lib/validation/import-options';
import { importSizeProblem } from '@/lib/validation/limits';
import { describeIssues } from '@/lib/validation/common';
import { formatImportReport } from './import-report';

export const IMPORT_USAGE = `Usage: npm run import -- <file> [options]
  --kind interview|essay     what the text is (detected when left out)
  --title, --subtitle TEXT   the title (else front matter, else the first line)
  --date YYYY[-MM[-DD]]      publication date at its precision (or front matter "date")
  --publisher, --source URL, --language, --slug
  --speaker LABEL=NAME       tie a label to a speaker, e.g. --speaker "JK=Jeff Kim" (repeatable)
  --text-label LABEL         read paragraphs starting "LABEL:" as text, not a turn (repeatable)
  --interviewer, --interviewee, --author NAME
  --publish                  save as published (default: draft)
  --dry-run                  show what would be made; write nothing`;

export class UsageError extends Error {}

export function parseImportArguments(argv: string[]): ImportCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        title: { type: 'string' },
        subtitle: { type: 'string' },
        date: { type: 'string' },
        publisher: { type: 'string' },
        source: { type: 'string' },
        language: { type: 'string' },
        slug: { type: 'string' },
        speaker: { type: 'string', multiple: true },
        'text-label': { type: 'string', multiple: true },
        interviewer: { type: 'string' },
        interviewee: { type: 'string' },
        author: { type: 'string' },
        publish: { type: 'boolean' },
        'dry-run': { type: 'boolean' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (parsed.positionals.length > 1) throw new UsageError(`one file at a time, got ${parsed.positionals.length}`);
  const { 'dry-run': dryRun, 'text-label': textLabel, ...values } = parsed.values;
  const options = importCliOptionsSchema.safeParse({ ...values, dryRun, textLabel, file: parsed.positionals[0] ?? '' });
  if (!options.success) {
    const flag = (parameter: string) => (parameter === 'textLabel' ? 'text-label' : parameter === 'dryRun' ? 'dry-run' : parameter);
    throw new UsageError(describeIssues(options.error).map((p) => `--${flag(p.parameter.split('.')[0] ?? '')}: ${p.message}`).join('\n'));
  }
  return options.data;
}

function readTranscript(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ImportError(`cannot read ${file}: no such file`);
  }
  const tooBig = importSizeProblem(size, file);
  if (tooBig) throw new ImportError(tooBig);
  return readFileSync(file, 'utf8');
}

function speakerHints(options: ImportCliOptions): SpeakerHint[] {
  const hints = new Map<string, SpeakerHint>();
  const add = (name: string, patch: Partial<SpeakerHint>) => {
    const hint = hints.get(name) ?? { name, labels: [] };
    hints.set(name, { ...hint, ...patch, labels: [...(hint.labels ?? []), ...(patch.labels ?? [])] });
  };
  for (const { label, name } of options.speaker) add(name, { labels: [label] });
  if (options.interviewer) add(options.interviewer, { role: 'interviewer' });
  if (options.interviewee) add(options.interviewee, { role: 'interviewee' });
  if (options.author) add(options.author, { role: 'author' });
  return [...hints.values()];
}

/** Turns the importer's result and the options into a new draft (or published) document. */
export function documentFromImport(result: ImportResult, options: ImportCliOptions): NewDocument {
  const title = options.title ?? result.meta.title;
  if (!title) throw new ImportError('no title: give --title or a "title" in front matter');
  const date = options.date ?? (typeof result.meta.date === 'string' ? result.meta.date : undefined);
  if (!date || !parsePartialDate(date)) {
    throw new ImportError('no publication date: give --date YYYY, YYYY-MM or YYYY-MM-DD, or a "date" in front matter');
  }
  return {
    slug: options.slug ?? slugify(title),
    kind: result.kind,
    title,
    subtitle: options.subtitle ?? result.meta.subtitle ?? null,
    summary: result.meta.summary ?? null,
    publisher: options.publisher ?? result.meta.publisher ?? null,
    sourceUrl: options.source ?? result.meta.sourceUrl ?? null,
    date,
    language: options.language ?? result.meta.language ?? 'en',
    caption: result.caption,
    status: options.publish ? 'published' : 'draft',
    speakers: result.speakers.map((s) => ({ name: s.name, aliases: s.labels.filter((l) => l !== s.name), bio: s.bio, bioSource: s.bio ? title : null })),
    participants: result.speakers.map((s) => ({ speaker: s.name, role: s.role })),
    passages: result.passages.map((p) => ({ kind: p.kind, speaker: p.speaker, text: p.text, answers: p.answers, topicSlugs: [] })),
  };
}

/** Each unknown label with its line, and the two ways to resolve it. */
export function describeProblems(result: ImportResult): string {
  const labels = [...new Set(result.problems.map((p) => p.label))];
  const example = labels[0] ?? 'XY';
  return [
    `${result.problems.length === 1 ? 'a line starts' : `${result.problems.length} lines start`} with a speaker label that is not known, so the words could belong to anyone:`,
    ...result.problems.map((p) => `  line ${p.line}: "${p.label}:" ${p.text}`),
    `Map each label to a speaker with --speaker "${example}=Full Name", or mark it as text with --text-label "${example}".`,
  ].join('\n');
}

export interface ImportOutcome {
  report: string;
  saved: { id: number; slug: string } | null;
}

export async function runImport(options: ImportCliOptions, databaseUrl: string): Promise<ImportOutcome> {
  const raw = readTranscript(options.file);
  const result = parseDocumentText(raw, {
    kind: options.kind,
    title: options.title,
    subtitle: options.subtitle,
    speakers: speakerHints(options),
    textLabels: options.textLabel,
  });
  // Unknown labels stop a dry run too: its report would otherwise look like a clean import.
  if (result.problems.length > 0) throw new ImportError(describeProblems(result));
  const document = documentFromImport(result, options);
  const report = formatImportReport(result, document);
  if (options.dryRun) return { report: `${report}\nDry run: nothing was written.`, saved: null };

  migrateDatabase(databaseFilePath(databaseUrl));
  const prisma = createPrismaClient(databaseUrl);
  try {
    const saved = await saveNewDocument(prisma, document);
    return { report: `${report}\nSaved as ${document.status} /documents/${saved.slug}`, saved };
  } finally {
    await prisma.$disconnect();
  }
}

export const isInputProblem = (error: unknown) => error instanceof ImportError || error instanceof UsageError || error instanceof z.ZodError;
