// What the speaker and topic server actions share: reading a form's ids and lines, and the ?notice=/?error= of plain forms.
import 'server-only';
import { stateFromError } from '@/lib/admin/action-state';

/** A positive whole number from a form field, or null. */
export function idFrom(value: string | undefined): number | null {
  const text = value?.trim();
  return text && /^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null;
}

/** A textarea's lines, trimmed, empty ones left out (one alias a line); undefined when the field was not sent. */
export function linesOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export { withError, withNotice } from './plain-change';

/** A refused change as one message for ?error=, its field errors included; anything unexpected is rethrown. */
export function refusalMessage(error: unknown): string {
  const state = stateFromError(error);
  const details = Object.entries(state.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join('; ')}.`);
  return [state.message, ...details].filter(Boolean).join(' ');
}
