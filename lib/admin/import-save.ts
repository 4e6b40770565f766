// Saving an import: the importer's result for the submitted text, with the editor's choices from
// the preview on top (which speaker is new or an archive one, which passages are kept, their kinds),
// written as a new draft. The text is parsed again here, so what is saved is what the importer makes
// of the text, never passages sent by the browser. A file in another format (captions, DOCX) comes back
// as itself (base64, with its name) and is read again the same way.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { createDocumentWithSpeakers, ValidationError, type EditOptions } from '@/lib/editorial';
import { documentFieldsSchema } from '@/lib/validation/editorial';
import { slugify } from '@/lib/slug';
import { sectionsForKept } from '@/lib/import/formats/sections';
import { kindOf } from './import-input';
import { runImporterForSave, type ImportRequest } from './import-preview';

/** What the importer is asked, from the submitted form values. */
export function importRequestOf(values: Record<string, string>): ImportRequest {
  return {
    raw: values.raw ?? '',
    fileName: values.fileName || undefined,
    fileData: values.fileData || undefined,
    kind: kindOf(values.kind),
    title: values.title,
    speakerLines: values.speakers,
    textLabelLines: values.textLabels,
  };
}

/**
 * Saves the import as a draft and returns its id and the paths to revalidate. Throws ImportError
 * (an unresolved label) or an EditorialError (a refused field, passage or speaker). `notes` says what of
 * the file's table of contents could not be kept with the passages kept.
 */
export async function saveImport(
  editor: Editor,
  values: Record<string, string>,
  options?: EditOptions,
): Promise<{ id: number; paths: string[]; notes: string[] }> {
  // Refused while any unknown label is unresolved: its words could belong to anyone.
  const result = await runImporterForSave(importRequestOf(values));
  const fields = {
    slug: values.slug || slugify(values.documentTitle ?? ''),
    kind: kindOf(values.documentKind) ?? result.kind,
    title: values.documentTitle ?? '',
    subtitle: values.subtitle ?? '',
    summary: values.summary ?? '',
    publisher: values.publisher ?? '',
    sourceUrl: values.sourceUrl ?? '',
    date: values.date ?? '',
    language: values.language || 'en',
    caption: values.caption ?? '',
  };
  // Checked before any speaker is made, so a bad field (a javascript: source address) writes nothing.
  const checked = documentFieldsSchema.omit({ participants: true }).safeParse(fields);
  if (!checked.success) throw ValidationError.fromZod(checked.error);
  // The new speakers are written in the same transaction as the draft (createDocumentWithSpeakers),
  // so a refusal after them (a forged passage kind, a taken address) leaves none behind.
  const fresh = result.speakers.map((speaker, i) => ({ speaker, i })).filter(({ i }) => (values[`speaker-${i}`] ?? 'new') === 'new');
  const kept = result.passages.map((p, i) => ({ ...p, index: i })).filter((p) => values[`keep-${p.index}`] === 'yes');
  const toc = sectionsForKept(
    result.sections ?? [],
    kept.map((p) => p.index),
  );
  const created = await createDocumentWithSpeakers(
    editor,
    {
      speakers: fresh.map(({ speaker, i }) => ({
        name: values[`speaker-name-${i}`] || speaker.name,
        bio: speaker.bio ?? undefined,
        aliases: speaker.labels.filter((l) => l !== speaker.name),
      })),
      document: (newIds) => {
        const speakerIds = new Map<string, number>();
        fresh.forEach(({ speaker }, n) => speakerIds.set(speaker.name, newIds[n]));
        // An archive speaker chosen in the preview; a bad id is refused by the write as an unknown speaker.
        result.speakers.forEach((speaker, i) => {
          if (!speakerIds.has(speaker.name)) speakerIds.set(speaker.name, Number(values[`speaker-${i}`]));
        });
        const passages = kept.map((p, i) => {
          const kind = (values[`kind-${p.index}`] as typeof p.kind) || p.kind;
          const previousQuestion =
            kind === 'answer' ? kept.slice(0, i).findLastIndex((q) => ((values[`kind-${q.index}`] as string) || q.kind) === 'question') : -1;
          return {
            kind,
            speakerId: p.speaker ? (speakerIds.get(p.speaker) ?? null) : null,
            text: p.text,
            questionIndex: previousQuestion >= 0 ? previousQuestion : null,
            startMs: p.startMs ?? null,
            endMs: p.endMs ?? null,
          };
        });
        const participants = result.speakers.map((s) => ({ speakerId: speakerIds.get(s.name)!, role: s.role }));
        return {
          ...fields,
          participants: participants.filter((p, i, all) => all.findIndex((q) => q.speakerId === p.speakerId && q.role === p.role) === i),
          passages,
          sections: toc.sections,
          recordingUrl: result.recordingUrl ?? null,
          message: 'Imported',
        };
      },
    },
    options,
  );
  return { id: created.id, paths: created.paths, notes: toc.dropped };
}
