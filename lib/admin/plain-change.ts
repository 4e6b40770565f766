// The one shape of a back-office button that works without JavaScript: check the session, run the
// change, revalidate what it touched, and go back with ?notice= or ?error= saying what happened.
import 'server-only';
import { redirect } from 'next/navigation';
import { EditorialError, type EditResult } from '@/lib/editorial';
import { anchorSchema, idSchema } from '@/lib/validation/editorial-fields';
import { editorContext, revalidateAfterSave, type ActionContext } from './context';

/**
 * The address to go back to with a message. The WHATWG URL parser writes it, not a template: the
 * path and fragment carry what the form sent (an anchor of NUL or a lone surrogate, say), and a raw
 * control or non-ASCII character in the redirect header makes Node refuse to send the answer at all.
 */
function backTo(path: string, message: Record<string, string>, hash: string) {
  const url = new URL(path, 'http://back.invalid');
  url.search = new URLSearchParams(message).toString();
  url.hash = hash;
  return `${url.pathname}${url.search}${url.hash}`;
}

/**
 * An entry's back-office page, or its list when the form's id is not an id. What a hostile form sent
 * never becomes the address to go back to: Next.js renders the redirect's page in the same answer,
 * and an address of a few kilobytes fails there with no message at all.
 */
export function entryPath(listPath: string, id: unknown): string {
  const parsed = idSchema.safeParse(id);
  return parsed.success ? `${listPath}/${parsed.data}` : listPath;
}

/** The fragment of a passage on its document's editor, or none when the anchor is not a passage number. */
export function passageHash(anchor: unknown): string {
  const parsed = anchorSchema.safeParse(anchor);
  return parsed.success ? `#passage-${parsed.data}` : '';
}

export const withNotice = (path: string, notice: string, hash = '') => backTo(path, { notice }, hash);
export const withError = (path: string, error: string, hash = '') => backTo(path, { error }, hash);

interface PlainChange<R extends EditResult> {
  /** Where to come back to, and the fragment to land on there. */
  back: string;
  hash?: string;
  change: (context: ActionContext) => Promise<R>;
  /** What to tell the editor when it worked. */
  done: (result: R) => string;
  /** Who may do it: editorContext unless the change is an admin's. */
  context?: () => Promise<ActionContext>;
}

export async function plainChange<R extends EditResult>({ back, hash = '', change, done, context = editorContext }: PlainChange<R>): Promise<never> {
  const ctx = await context();
  let target: string;
  try {
    const result = await change(ctx);
    revalidateAfterSave(result.paths);
    target = withNotice(back, done(result), hash);
  } catch (error) {
    // A refused change comes back as a message; anything else is a bug and must not look like one.
    if (!(error instanceof EditorialError)) throw error;
    target = withError(back, error.message, hash);
  }
  redirect(target);
}
