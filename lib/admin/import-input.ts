// What the import form sends, read for the import actions: the text (pasted or uploaded, its size
// checked before it is decoded), the kind asked for, and which of the editor's choices still hold.
import 'server-only';
import { IMPORTABLE_KINDS, isOneOf, type ImportableKind } from '@/lib/vocabulary';
import { importSizeProblem } from '@/lib/validation/limits';

/** The pasted or uploaded text, or why it is refused. */
export async function rawText(form: FormData): Promise<{ raw: string } | { tooBig: string }> {
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
  Object.fromEntries(Object.entries(values).filter(([key]) => !/^(?:unknown|keep|kind|speaker|speaker-name)-\d+$/.test(key) && !key.startsWith('unknown-')));
