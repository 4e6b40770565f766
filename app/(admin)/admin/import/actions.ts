'use server';
// Import: preview what the importer makes of a pasted or uploaded text, then save the editor's
// corrected version as a draft. The text is parsed again on save, so what is saved is what the
// importer makes of the text, with the editor's choices on top, never passages sent by the browser.
import { redirect } from 'next/navigation';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { previewImport, runImporter, type ImportPreview } from '@/lib/admin/import-preview';
import { createDocument, createSpeaker } from '@/lib/editorial';
import { ImportError } from '@/lib/import';
import { slugify } from '@/lib/slug';

export interface ImportState extends ActionState {
  preview?: ImportPreview;
}

async function rawText(form: FormData): Promise<string> {
  const file = form.get('file');
  if (file instanceof File && file.size > 0) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return new TextDecoder('utf-8').decode(bytes);
  }
  return String(form.get('raw') ?? '');
}

const kindOf = (value: string | undefined) => (value === 'interview' || value === 'essay' ? value : undefined);

export async function preview(_previous: ImportState, form: FormData): Promise<ImportState> {
  await editorContext();
  const values = formValues(form);
  try {
    const raw = await rawText(form);
    const result = await previewImport({ raw, kind: kindOf(values.kind), title: values.title, speakerLines: values.speakers });
    return { preview: result, values: { ...values, raw } };
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message, values };
    throw error;
  }
}

export async function save(_previous: ImportState, form: FormData): Promise<ImportState> {
  const { editor, options } = await editorContext();
  const values = formValues(form);
  let id: number;
  try {
    const result = runImporter({ raw: values.raw ?? '', kind: kindOf(values.kind), title: values.title, speakerLines: values.speakers });
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
        participants: participants.filter((p, i, all) => all.findIndex((q) => q.speakerId === p.speakerId && q.role === p.role) === i),
        passages,
        message: 'Imported',
      },
      options,
    );
    revalidateAfterSave(created.paths);
    id = created.id;
  } catch (error) {
    if (error instanceof ImportError) return { message: error.message, values };
    const state: ImportState = stateFromError(error, values);
    state.preview = await previewImport({ raw: values.raw ?? '', kind: kindOf(values.kind), title: values.title, speakerLines: values.speakers }).catch(() => undefined);
    return state;
  }
  redirect(`/admin/documents/${id}?${new URLSearchParams({ notice: 'Imported as a draft. Check it, then publish.' })}`);
}
