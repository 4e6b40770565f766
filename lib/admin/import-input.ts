// What the import form sends, read for the import actions: the text (pasted or uploaded, its size
// checked before it is decoded) or a file in another format, the kind asked for, and which of the
// editor's choices still hold.
import 'server-only';
import { isPlainText } from '@/lib/import/formats';
import { IMPORTABLE_KINDS, isOneOf, type ImportableKind } from '@/lib/vocabulary';
import { importSizeProblem } from '@/lib/validation/limits';

/**
 * What the importer reads: text (pasted, or a plain text file, which goes into the text box so the
 * editor can correct it), or a file in another format (captions, DOCX), carried back and forth as
 * base64 with its name in hidden fields, so that the save reads the file itself again.
 */
export type ImportInput = { raw: string } | { fileName: string; fileData: string } | { tooBig: string };

/** The size of the file a base64 string holds, without decoding it. */
export const base64Size = (data: string) => Math.floor((data.replace(/=+$/, '').length * 3) / 4);

export async function importInput(form: FormData): Promise<ImportInput> {
  const file = form.get('file');
  if (file instanceof File && file.size > 0) {
    const tooBig = importSizeProblem(file.size, `The file ${file.name}`);
    if (tooBig) return { tooBig };
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (isPlainText({ name: file.name, bytes })) return { raw: new TextDecoder('utf-8').decode(bytes) };
    return { fileName: file.name, fileData: Buffer.from(bytes).toString('base64') };
  }
  // A file uploaded for an earlier preview, unless the editor chose to read the pasted text instead.
  const fileName = String(form.get('fileName') ?? '');
  const fileData = String(form.get('fileData') ?? '');
  if (fileName && fileData && form.get('dropFile') !== 'yes') {
    const tooBig = importSizeProblem(base64Size(fileData), `The file ${fileName}`);
    return tooBig ? { tooBig } : { fileName, fileData };
  }
  const raw = String(form.get('raw') ?? '');
  const tooBig = importSizeProblem(new TextEncoder().encode(raw).length);
  return tooBig ? { tooBig } : { raw };
}

/** The kind the editor chose, or undefined for "detect" (and for anything that is no importable kind). */
export const kindOf = (value: string | undefined): ImportableKind | undefined => (isOneOf(IMPORTABLE_KINDS, value) ? value : undefined);

/** The form's values without the one-off answers for unknown labels, which are folded in already. */
export const withoutAnswers = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).filter(([key]) => !key.startsWith('unknown-')));

/**
 * For a new preview: choices made per passage or per speaker of the previous one are dropped, since
 * they are keyed by position and a resolved label adds passages and speakers, which would shift a
 * "question" or an archive speaker onto someone else's turn.
 */
export const forNewPreview = (values: Record<string, string>): Record<string, string> =>
  Object.fromEntries(
    Object.entries(values).filter(
      ([key]) => !/^(?:unknown|keep|kind|speaker|speaker-name)-\d+$/.test(key) && !key.startsWith('unknown-') && key !== 'dropFile',
    ),
  );
