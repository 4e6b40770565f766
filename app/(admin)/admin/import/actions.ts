'use server';
// Import: preview what the importer makes of a pasted or uploaded text, then save the editor's
// corrected version as a draft. The text is parsed again on save, so what is saved is what the
// importer makes of the text, with the editor's choices on top, never passages sent by the browser.
import { redirect } from 'next/navigation';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { previewImport, resolveUnknownLabels, runImporterForSave, unresolvedMessage, type ImportPreview } from '@/lib/admin/import-preview';
import { importSizeProblem } from '@/lib/validation/limits';
import { createDocument, createSpeaker, ValidationError } from '@/lib/editorial';
import { documentFieldsSchema } from '@/lib/validation/editorial';
import { ImportError } from '@/lib/import';
import { slugify } from '@/lib/slug';

export interface ImportState extends ActionState {
  preview?: ImportPreview;
  /** When the state was made, so the form shows whichever of preview and save answered last. */
  stamp?: number;
}

/** The pasted or uploaded text, or why it is refused; the size is checked before it is decoded. */
async function rawText(form: FormData): Promise<{ raw: string } | { tooBig: string }> {
  const file = form.get('file');
  if (file instanceof File && file.size > 0) {
    const tooBig = importSizeProblem(file.size, `The file ${file.name}`);
    if (tooBig) return { tooBig };
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { raw: new TextDecoder('utf-8').decode(bytes) };
  }
  const raw = String(form.get('raw') ?? '');
  const tooBig = importSizeProblem(new TextEncoder().encode(raw).length);
  return tooBig ? { tooBig } : { raw };
}

const kindOf = (value: string | undefined): 'interview' | 'essay' | undefined => (value === 'interview' || value === 'essay' ? value : undefined);

/** The form's values without the one-off answers for unknown labels, which are folded in already. */
const withoutAnswers = (values: Record<string, string>): Record<string, string> => Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith('unknown-')));

/**
 * For a new preview: choices made per passage or per speaker of the previous one are dropped, since
 * they are keyed by position and a resolved label adds passages and speakers, which would shift a
 * "question" or an archive speaker onto someone else's turn.
 */
const forNewPreview = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter(([key]) => !/^(?:unknown|keep|kind|speaker|speaker-name)-\d+$/.test(key) && !key.startsWith('unknown-')));

export async function preview(_previous: ImportState, form: FormData): Promise<ImportState> {
  await editorContext();
  const values = formValues(form);
  const stamp = Date.now();
  // The editor's text is given back whatever happens, so a refusal never loses it.
  const text = await rawText(form);
  if ('tooBig' in text) return { message: text.tooBig, values, stamp };
  const resolved = resolveUnknownLabels(values);
  const kept: Record<string, string> = { ...forNewPreview(values), raw: text.raw, speakers: resolved.speakerLines, textLabels: resolved.textLabelLines };
  try {
    const result = await previewImport({ raw: text.raw, kind: kindOf(kept.kind), title: kept.title, speakerLines: kept.speakers, textLabelLines: kept.textLabels });
    const message = [...resolved.errors, unresolvedMessage(result.result)].filter(Boolean).join(' ') || undefined;
    return { preview: result, values: kept, message, stamp };
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message, values: kept, stamp };
    throw error;
  }
}

export async function save(_previous: ImportState, form: FormData): Promise<ImportState> {
  const { editor, options } = await editorContext();
  const values = withoutAnswers(formValues(form));
  const stamp = Date.now();
  const request = { raw: values.raw ?? '', kind: kindOf(values.kind), title: values.title, speakerLines: values.speakers, textLabelLines: values.textLabels };
  let id: number;
  try {
    // Refused while any unknown label is unresolved: its words could belong to anyone.
    const result = runImporterForSave(request);
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
    const speakerIds = new Map<string, number>();
    for (const [i, speaker] of result.speakers.entries()) {
      const choice = values[`speaker-${i}`] ?? 'new';
      if (choice !== 'new') {
        speakerIds.set(speaker.name, Number(choice));
        continue;
      }
      const created = await createSpeaker(
        editor,
        { name: values[`speaker-name-${i}`] || speaker.name, bio: speaker.bio ?? undefined, aliases: speaker.labels.filter((l) => l !== speaker.name) },
        options,
      );
      speakerIds.set(speaker.name, created.id);
    }
    const kept = result.passages.map((p, i) => ({ ...p, index: i })).filter((p) => values[`keep-${p.index}`] === 'yes');
    const passages = kept.map((p, i) => {
      const kind = (values[`kind-${p.index}`] as typeof p.kind) || p.kind;
      const previousQuestion = kind === 'answer' ? kept.slice(0, i).findLastIndex((q) => ((values[`kind-${q.index}`] as string) || q.kind) === 'question') : -1;
      return { kind, speakerId: p.speaker ? (speakerIds.get(p.speaker) ?? null) : null, text: p.text, questionIndex: previousQuestion >= 0 ? previousQuestion : null };
    });
    const participants = result.speakers.map((s) => ({ speakerId: speakerIds.get(s.name)!, role: s.role }));
    const created = await createDocument(
      editor,
      {
        ...fields,
        participants: participants.filter((p, i, all) => all.findIndex((q) => q.speakerId === p.speakerId && q.role === p.role) === i),
        passages,
        message: 'Imported',
      },
      options,
    );
    revalidateAfterSave(created.paths);
    id = created.id;
  } catch (error) {
    const state: ImportState = error instanceof ImportError ? { message: error.message, values } : stateFromError(error, values);
    state.preview = await previewImport(request).catch(() => undefined);
    state.stamp = stamp;
    return state;
  }
  redirect(`/admin/documents/${id}?${new URLSearchParams({ notice: 'Imported as a draft. Check it, then publish.' })}`);
}
