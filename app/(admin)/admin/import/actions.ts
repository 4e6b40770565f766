'use server';
// Import: preview what the importer makes of a pasted text or an uploaded file (any registered format),
// then save the editor's corrected version as a draft. The text or file is parsed again on save, so
// what is saved is what the importer makes of it, with the editor's choices on top, never passages
// sent by the browser.
import { redirect } from 'next/navigation';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { formOf, formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { previewImport, resolveUnknownLabels, unresolvedMessage, type ImportPreview } from '@/lib/admin/import-preview';
import { forNewPreview, importInput, withoutAnswers } from '@/lib/admin/import-input';
import { importRequestOf, saveImport } from '@/lib/admin/import-save';
import { ImportError } from '@/lib/import';

export interface ImportState extends ActionState {
  preview?: ImportPreview;
  /** When the state was made, so the form shows whichever of preview and save answered last. */
  stamp?: number;
}

export async function preview(_previous: ImportState, sent: FormData): Promise<ImportState> {
  await editorContext();
  const form = formOf(sent);
  const values = formValues(form);
  const stamp = Date.now();
  // The editor's text is given back whatever happens, so a refusal never loses it.
  const input = await importInput(form);
  if ('tooBig' in input) return { message: input.tooBig, values, stamp };
  const resolved = resolveUnknownLabels(values);
  // A file in another format is carried as itself; text (pasted, or a plain text file) in the text box.
  const source = 'raw' in input ? { raw: input.raw, fileName: '', fileData: '' } : { raw: values.raw ?? '', ...input };
  const kept: Record<string, string> = { ...forNewPreview(values), ...source, speakers: resolved.speakerLines, textLabels: resolved.textLabelLines };
  try {
    const result = await previewImport(importRequestOf(kept));
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
  let notes: string[];
  try {
    const saved = await saveImport(editor, values, options);
    revalidateAfterSave(saved.paths);
    id = saved.id;
    notes = saved.notes;
  } catch (error) {
    const state: ImportState = error instanceof ImportError ? { message: error.message, values } : stateFromError(error, values);
    state.preview = await previewImport(request).catch(() => undefined);
    state.stamp = stamp;
    return state;
  }
  redirect(`/admin/documents/${id}?${new URLSearchParams({ notice: ['Imported as a draft. Check it, then publish.', ...notes].join(' ') })}`);
}
