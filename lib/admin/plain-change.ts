// The one shape of a back-office button that works without JavaScript: check the session, run the
// change, revalidate what it touched, and go back with ?notice= or ?error= saying what happened.
import 'server-only';
import { redirect } from 'next/navigation';
import { EditorialError, type EditResult } from '@/lib/editorial';
import { editorContext, revalidateAfterSave, type ActionContext } from './context';

export const withNotice = (path: string, notice: string, hash = '') => `${path}?${new URLSearchParams({ notice })}${hash}`;
export const withError = (path: string, error: string, hash = '') => `${path}?${new URLSearchParams({ error })}${hash}`;

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
