// What a back-office server action hands back to its form: field errors, a message, and for a
// stale save the conflict, so the form can keep everything the editor typed.
import 'server-only';
import { BusyError, ConflictError, EditorialError, NotFoundError, ValidationError } from '@/lib/editorial';

export interface ActionState {
  ok?: boolean;
  message?: string;
  errors?: Record<string, string[]>;
  /** The values the editor submitted, so a failed save shows them again. */
  values?: Record<string, string>;
  conflict?: { currentVersion: number; current: unknown; attempted: unknown };
  /** For a conflict over one text: word by word, from the current text to the editor's. */
  diff?: { value: string; added?: boolean; removed?: boolean }[];
}

/** Turns a refused change into what the form shows; anything unexpected is rethrown. */
export function stateFromError(error: unknown, values?: Record<string, string>): ActionState {
  if (error instanceof ValidationError) {
    return { message: error.message, errors: error.fieldErrors, values };
  }
  if (error instanceof ConflictError) {
    return {
      message: error.message,
      values,
      conflict: { currentVersion: error.currentVersion, current: error.current, attempted: error.attempted },
    };
  }
  if (error instanceof NotFoundError || error instanceof BusyError || error instanceof EditorialError) {
    return { message: error.message, values };
  }
  throw error;
}

/** A change that a form ran: what it saved, or the state that shows the form its refusal. */
export type Attempt<R> = { saved: R; refused?: undefined } | { refused: ActionState };

/** Runs a form's change; a refusal comes back as the form's state with what the editor typed. */
export async function attemptChange<R>(values: Record<string, string>, change: () => Promise<R>): Promise<Attempt<R>> {
  try {
    return { saved: await change() };
  } catch (error) {
    return { refused: stateFromError(error, values) };
  }
}

/**
 * A server action's form as it arrived. An action is a public endpoint and its arguments are whatever
 * the request encoded, not necessarily a FormData: anything else reads as an empty form, which every
 * action refuses with its usual message instead of failing on `form.get`.
 */
export function formOf(sent: unknown): FormData {
  return sent instanceof FormData ? sent : new FormData();
}

/** The submitted text fields of a form, to give back on failure (files and action ids left out). */
export function formValues(sent: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formOf(sent).entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}
