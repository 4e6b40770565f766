'use server';
// Import: preview what the importer makes of a pasted or uploaded text, then save the editor's
// corrected version as a draft. The text is parsed again on save, so what is saved is what the
// importer makes of the text, with the editor's choices on top, never passages sent by the browser.
import { redirect } from 'next/navigation';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { formOf, formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { previewImport, resolveUnknownLabels, unresolvedMessage, type ImportPreview } from '@/lib/admin/import-preview';
import { importSizeProblem } from '@/lib/validation/limits';
import { importRequestOf, saveImport } from '@/lib/admin/import-save';
import { ImportError } from '@/lib/import';

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

export async function preview(_previous: ImportState, sent: FormData): Promise<ImportState> {
  await editorContext();
  const form = formOf(sent);
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

export async function save(_previous: ImportState, sent: FormData): Promise<ImportState> {
  const { editor, options } = await editorContext();
  const values = withoutAnswers(formValues(sent));
  const stamp = Date.now();
  const request = importRequestOf(values);
  let id: number;
  try {
    const saved = await saveImport(editor, values, options);
    revalidateAfterSave(saved.paths);
    id = saved.id;
  } catch (error) {
    const state: ImportState = error instanceof ImportError ? { message: error.message, values } : stateFromError(error, values);
    state.preview = await previewImport(request).catch(() => undefined);
    state.stamp = stamp;
    return state;
  }
  redirect(`/admin/documents/${id}?${new URLSearchParams({ notice: 'Imported as a draft. Check it, then publish.' })}`);
}
