// A passage's place in a recording, when it has one. Passages carry no times yet (issue 12 adds
// startMs/endMs to the passage); the exports read them through this one function, so the times
// slot in when the read model gains them, without a change to any format.
import type { PassageView } from '@/lib/data/dto';

export interface PassageTimes {
  startMs: number;
  endMs: number;
}

/** A passage as the exports take it: the read model's, with times when it has them. */
export type TimedPassage = Omit<PassageView, 'startMs' | 'endMs'> & { startMs?: number | null; endMs?: number | null };

export function passageTimes(passage: TimedPassage): PassageTimes | null {
  const { startMs, endMs } = passage;
  if (typeof startMs !== 'number' || typeof endMs !== 'number') return null;
  if (!Number.isInteger(startMs) || !Number.isInteger(endMs) || startMs < 0 || endMs <= startMs) return null;
  return { startMs, endMs };
}

/**
 * Every passage's times, or null when any passage lacks them: a file that mixed real times with
 * made-up ones would put some passages at the wrong moment of the recording.
 */
export function allPassageTimes(passages: TimedPassage[]): PassageTimes[] | null {
  const times = passages.map(passageTimes);
  return passages.length > 0 && times.every((t) => t !== null) ? (times as PassageTimes[]) : null;
}
