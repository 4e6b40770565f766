// Decides whether a document writes its speakers as names in capitals on their own line ("JEFF KIM").
import type { Block, Draft } from './draft';
import { isInitials, labelKey, roleOfLabel } from './labels';
import { nameKey } from './names';
import { tieLabel, type KnownName } from './speakers';
import { compareKey } from './text';
import type { SpeakerHint } from './types';

/**
 * A line in capitals is a turn only where the document writes its speakers in capitals: when one
 * such line is a speaker given (by name, label or role), or when at least two different speakers
 * written in capitals (alone on their line, or as "JEFF KIM:") are known or come back, as a
 * conversation's do. Otherwise these lines are headings and stay text, so a heading in an essay
 * never becomes a speaker. Once the document does write its speakers so, a capitals line that is not
 * known is left to readTurns, which makes it a problem for the editor, never a guess.
 */
export function settleCapsLabels(blocks: Block[], hints: SpeakerHint[], known: KnownName[], titleIndex: number | null, draft: Draft): void {
  // The title or subtitle in capitals, repeated above the text, is a heading whatever the document does.
  const heads = new Set([draft.meta.title, draft.meta.subtitle].flatMap((t) => (typeof t === 'string' ? [compareKey(t)] : [])));
  for (const block of blocks) if (block.label?.capsLine && heads.has(compareKey(block.text))) block.label = null;
  const counted = blocks.filter((b) => !b.tail && !b.bodyChrome && b.index !== titleIndex);
  const candidates = counted.filter((b) => b.label?.capsLine);
  if (candidates.length > 0 && writesSpeakersInCapitals(candidates, counted, hints, known)) {
    const first = candidates[0];
    draft.notes.push(`speaker labels in capitals on their own line read as turns (from "${first?.label?.label}" at line ${first?.line})`);
    return;
  }
  dropCapsLabels(blocks);
}

/** Takes capitals lines back to plain text, for a document read as an essay whatever it holds. */
export function dropCapsLabels(blocks: Block[]): void {
  for (const block of blocks) if (block.label?.capsLine) block.label = null;
}

function writesSpeakersInCapitals(candidates: Block[], counted: Block[], hints: SpeakerHint[], known: KnownName[]): boolean {
  if (candidates.some((b) => isGiven(b.label?.label ?? '', hints))) return true;
  const uses = new Map<string, number>();
  const labels = new Map<string, string>();
  for (const block of counted) {
    const label = block.label?.label ?? '';
    // "JK:" is capitals too, but initials say nothing about how names are written.
    if (!block.label || (!block.label.capsLine && !isWrittenInCapitals(label))) continue;
    uses.set(labelKey(label), (uses.get(labelKey(label)) ?? 0) + 1);
    labels.set(labelKey(label), label);
  }
  let accepted = 0;
  for (const [key, label] of labels) {
    const outcome = tieLabel(label, hints, known);
    if ((uses.get(key) ?? 0) >= 2 || (!('error' in outcome) && outcome.strong)) accepted++;
  }
  return accepted >= 2;
}

function isWrittenInCapitals(label: string): boolean {
  return /\p{Lu}/u.test(label) && !/\p{Ll}/u.test(label) && !isInitials(label);
}

/** Named outright in the speakers given: their name, one of their labels, or the role they were given. */
function isGiven(label: string, hints: SpeakerHint[]): boolean {
  const key = labelKey(label);
  const role = roleOfLabel(label);
  return hints.some((h) => nameKey(h.name) === nameKey(label) || (h.labels ?? []).some((l) => labelKey(l) === key) || (role !== null && h.role === role));
}
