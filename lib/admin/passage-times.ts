// A passage form's start and end, as an editor types them (`1:05`, `1:05.250`, `01:02:03`, seconds),
// turned into the milliseconds updatePassage takes; a time that is not one is refused on its field.
import 'server-only';
import { ValidationError } from '@/lib/editorial';
import { formatClock, parseClock } from '@/lib/time/clock';

const NOT_A_TIME = 'must be a time like 1:05, 1:05.250, 01:02:03 or a number of seconds';

/** Both fields as milliseconds ('' for an empty field: untimed); throws a ValidationError naming each field that is not a time. */
export function timesFromForm(values: Record<string, string>): { startMs: number | ''; endMs: number | '' } {
  const errors: Record<string, string[]> = {};
  const read = (field: 'startMs' | 'endMs') => {
    const text = (values[field] ?? '').trim();
    if (text === '') return '' as const;
    const ms = parseClock(text);
    if (ms === null) errors[field] = [NOT_A_TIME];
    return ms ?? ('' as const);
  };
  const times = { startMs: read('startMs'), endMs: read('endMs') };
  if (Object.keys(errors).length > 0) throw new ValidationError('A time needs correcting.', errors);
  return times;
}

/** A time as the form shows it: the one way formatClock writes it, or empty when untimed. */
export const clockValue = (ms: number | null): string => (ms === null ? '' : formatClock(ms));
