// Decides whether a document writes its speakers as names in capitals on their own line ("JEFF KIM").
import type { Block } from './draft';
import { labelKey, roleOfLabel } from './labels';
import { nameKey } from './names';
import { tieLabel, type KnownName } from './speakers';
import type { SpeakerHint } from './types';

/**
 * A line in capitals is a turn only where the document uses such lines for its speakers: when one
 * of them is a speaker given (by name, label or role), or when at least two different ones are
 * known or repeated, as a conversation's are. Otherwise they are headings and stay text, so a
 * heading in an essay never becomes a speaker. Once the document does use them, a capitals line
 * that is not known is left to readTurns, which makes it a problem for the editor, never a guess.
 */
export function settleCapsLabels(blocks: Block[], hints: SpeakerHint[], known: KnownName[], titleIndex: number | null, notes: string[]): void {
  const candidates = blocks.filter((b) => b.label?.capsLine && !b.tail && !b.bodyChrome && b.index !== titleIndex);
  if (candidates.length > 0 && usesCapsLabels(candidates, hints, known)) {
    const first = candidates[0];
    notes.push(`speaker labels in capitals on their own line read as turns (from "${first?.label?.label}" at line ${first?.line})`);
    return;
  }
  for (const block of blocks) if (block.label?.capsLine) block.label = null;
}

/** Takes capitals lines back to plain text, for a document read as an essay whatever it holds. */
export function dropCapsLabels(blocks: Block[]): void {
  for (const block of blocks) if (block.label?.capsLine) block.label = null;
}

function usesCapsLabels(candidates: Block[], hints: SpeakerHint[], known: KnownName[]): boolean {
  const uses = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const block of candidates) {
    const label = block.label?.label ?? '';
    uses.set(labelKey(label), (uses.get(labelKey(label)) ?? 0) + 1);
    labels.set(labelKey(label), label);
  }
  if ([...labels.values()].some((label) => isGiven(label, hints))) return true;
  let accepted = 0;
  for (const [key, label] of labels) {
    const outcome = tieLabel(label, hints, known);
    if ((uses.get(key) ?? 0) >= 2 || (!('error' in outcome) && outcome.strong)) accepted++;
  }
  return accepted >= 2;
}

/** Named outright in the speakers given: their name, one of their labels, or the role they were given. */
function isGiven(label: string, hints: SpeakerHint[]): boolean {
  const key = labelKey(label);
  const role = roleOfLabel(label);
  return hints.some((h) => nameKey(h.name) === nameKey(label) || (h.labels ?? []).some((l) => labelKey(l) === key) || (role !== null && h.role === role));
}
