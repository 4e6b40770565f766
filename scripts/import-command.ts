// The work behind `npm run import`: parse options, run the importer, print what it made and what it
// could not place, and save a draft unless --dry-run. Any problem stops it before anything is written.
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { migrateAt, openWriter, writeTargetOf } from '@/lib/db';
import { ValidationError } from '@/lib/editorial/errors';
import { createDocumentAsSystem, type DocumentWithSpeakers } from '@/lib/editorial/new-document';
import { ImportError, type ImportResult, type SpeakerHint } from '@/lib/import';
import { parseTranscriptFile, type TranscriptFile } from '@/lib/import/formats';
import { sectionsForKept } from '@/lib/import/formats/sections';
import { parsePartialDate } from '@/lib/dates';
import { slugify } from '@/lib/slug';
import { importCliOptionsSchema, type ImportCliOptions } from '@/lib/validation/import-options';
import { importSizeProblem } from '@/lib/validation/limits';
import { describeIssues } from '@/lib/validation/common';
import type { DocumentStatus } from '@/lib/vocabulary';
import { formatImportReport, type ReportHeading } from './import-report';

export const IMPORT_USAGE = `Usage: npm run import -- <file> [options]
  <file>: plain text or Markdown (.txt, .md), WebVTT (.vtt), SRT (.srt), OHMS XML (.xml) or Word (.docx)
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
    throw new UsageError(
      describeIssues(options.error)
        .map((p) => `--${flag(p.parameter.split('.')[0] ?? '')}: ${p.message}`)
        .join('\n'),
    );
  }
  return options.data;
}

function readTranscript(file: string): TranscriptFile {
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new ImportError(`cannot read ${file}: no such file`);
  }
  const tooBig = importSizeProblem(size, file);
  if (tooBig) throw new ImportError(tooBig);
  return { name: basename(file), bytes: new Uint8Array(readFileSync(file)) };
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

/** What the command line saves: the document the editorial layer is given, and the facts its report shows. */
export interface CliDocument extends DocumentWithSpeakers {
  status: DocumentStatus;
  heading: ReportHeading;
}

/** Each label once (the first spelling), leaving out the speaker's own name: the aliases of a speaker. */
const aliasesOf = (name: string, labels: string[]) =>
  labels.filter((label, i) => label !== name && labels.findIndex((l) => l.toLowerCase() === label.toLowerCase()) === i);

/**
 * Turns the importer's result and the options into a new draft (or published) document. Speakers
 * are named, not picked: each is the archive's speaker of that name or address, or a new one.
 */
export function documentFromImport(result: ImportResult, options: ImportCliOptions): CliDocument {
  const title = options.title ?? result.meta.title;
  if (!title) throw new ImportError('no title: give --title or a "title" in front matter');
  const date = options.date ?? (typeof result.meta.date === 'string' ? result.meta.date : undefined);
  if (!date || !parsePartialDate(date)) {
    throw new ImportError('no publication date: give --date YYYY, YYYY-MM or YYYY-MM-DD, or a "date" in front matter');
  }
  const status: DocumentStatus = options.publish ? 'published' : 'draft';
  const slug = options.slug ?? slugify(title);
  const publisher = options.publisher ?? result.meta.publisher ?? null;
  return {
    status,
    heading: { slug, title, date, publisher, status },
    speakers: result.speakers.map((s) => ({
      name: s.name,
      aliases: aliasesOf(s.name, s.labels),
      bio: s.bio,
      bioSource: s.bio ? title : null,
      match: true,
      message: 'Imported from the command line',
    })),
    document: (speakerIds) => {
      const ids = new Map(result.speakers.map((s, i) => [s.name, speakerIds[i]]));
      const idOf = (name: string) => {
        const id = ids.get(name);
        // Never a passage without its speaker: the importer names only speakers it lists.
        if (id === undefined) throw new ImportError(`"${name}" is not one of this document's speakers`);
        return id;
      };
      return {
        slug,
        kind: result.kind,
        title,
        subtitle: options.subtitle ?? result.meta.subtitle ?? null,
        summary: result.meta.summary ?? null,
        publisher,
        sourceUrl: options.source ?? result.meta.sourceUrl ?? null,
        date,
        language: options.language ?? result.meta.language ?? 'en',
        caption: result.caption,
        // A speaker named twice in one role (two labels of one person) is one participant.
        participants: result.speakers
          .map((s) => ({ speakerId: idOf(s.name), role: s.role }))
          .filter((p, i, all) => all.findIndex((q) => q.speakerId === p.speakerId && q.role === p.role) === i),
        passages: result.passages.map((p) => ({
          kind: p.kind,
          speakerId: p.speaker === null ? null : idOf(p.speaker),
          text: p.text,
          questionIndex: p.answers,
          startMs: p.startMs ?? null,
          endMs: p.endMs ?? null,
        })),
        // Every passage is kept here, so each section stays at its own passage.
        sections: sectionsForKept(
          result.sections ?? [],
          result.passages.map((_, i) => i),
        ).sections,
        recordingUrl: result.recordingUrl ?? null,
        message: 'Imported from the command line',
      };
    },
  };
}

/** A refusal of the editorial layer as the command line says it: each field with its flag where it has one. */
export function describeRefusal(error: ValidationError, document: CliDocument): string {
  const fields = Object.entries(error.fieldErrors).map(([field, problems]) =>
    field === 'slug' ? `a document with the address "${document.heading.slug}" exists already: choose another with --slug` : `${field}: ${problems.join('; ')}`,
  );
  return [error.message, ...error.formErrors, ...fields].join('\n');
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
  const result = await parseTranscriptFile(readTranscript(options.file), {
    kind: options.kind,
    title: options.title,
    subtitle: options.subtitle,
    speakers: speakerHints(options),
    textLabels: options.textLabel,
  });
  // Unknown labels stop a dry run too: its report would otherwise look like a clean import.
  if (result.problems.length > 0) throw new ImportError(describeProblems(result));
  const document = documentFromImport(result, options);
  const report = formatImportReport(result, document.heading);
  if (options.dryRun) return { report: `${report}\nDry run: nothing was written.`, saved: null };

  // Either engine: the SQLite file or the PostgreSQL database DATABASE_URL names.
  await migrateAt(databaseUrl);
  const writer = openWriter(writeTargetOf(databaseUrl));
  try {
    // As the system editor, made on first use in the same transaction: a refused import writes nothing.
    const saved = createDocumentAsSystem(document, { writer, status: document.status });
    return { report: `${report}\nSaved as ${document.status} /documents/${saved.slug}`, saved: { id: saved.id, slug: saved.slug } };
  } catch (error) {
    if (error instanceof ValidationError) throw new ImportError(describeRefusal(error, document));
    throw error;
  } finally {
    writer.close();
  }
}

export const isInputProblem = (error: unknown) => error instanceof ImportError || error instanceof UsageError || error instanceof z.ZodError;
