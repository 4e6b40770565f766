// The one shape of a back-office form's save that answers to useActionState: check the session, run
// the change on the form's values, revalidate what it touched and go on to the page it names; a refused
// change comes back to the form with its messages and everything the editor typed.
import 'server-only';
import { redirect } from 'next/navigation';
import type { EditResult } from '@/lib/editorial';
import { attemptChange, formValues, type ActionState } from './action-state';
import { editorContext, revalidateAfterSave, type ActionContext } from './context';

export async function formChange<R extends Pick<EditResult, 'paths'>>(
  sent: unknown,
  change: (context: ActionContext, values: Record<string, string>) => Promise<R>,
  next: (result: R, values: Record<string, string>) => string,
): Promise<ActionState> {
  const context = await editorContext();
  const values = formValues(sent);
  const attempt = await attemptChange(values, async () => {
    const result = await change(context, values);
    revalidateAfterSave(result.paths);
    return next(result, values);
  });
  if (attempt.refused) return attempt.refused;
  redirect(attempt.saved);
}
