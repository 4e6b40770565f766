// OHMS index points as the document's table of contents: each becomes a section starting at the
// passage spoken at its time.
//
// Where a point starts is found by its own words first: OHMS copies the transcript's words at the
// point into <partial_transcript>, and when they occur in exactly one passage, that passage is where
// the point is, whatever the estimated times say (they can be a little off, see ohms-sync.ts). Else
// the point's time decides: the last passage starting at or before it (the first passage when the
// point comes before any). A point neither way can place (words found nowhere or in several
// passages, and no times) is left out and reported, never put at a guessed passage.
import { compareKey } from '../text';
import { formatWholeClock as formatClock } from '@/lib/time/clock';
import type { ImportedPassage, ImportedSection } from '../types';
import type { OhmsIndexPoint } from './ohms-record';

const clock = (seconds: number) => formatClock(seconds * 1000);

/** The passage whose text holds the point's words, when exactly one does. */
function passageByWords(point: OhmsIndexPoint, keys: string[]): number | null {
  // OHMS cuts the partial transcript short with an ellipsis that the transcript itself does not have.
  const words = compareKey(point.partialTranscript.replace(/(?:\.\.\.|…)+$/, ''));
  if (words.length === 0) return null;
  const holders = keys.flatMap((key, i) => (key.includes(words) ? [i] : []));
  return holders.length === 1 ? holders[0]! : null;
}

function passageByTime(point: OhmsIndexPoint, passages: ImportedPassage[]): number | null {
  if (passages.length === 0 || passages.some((p) => p.startMs == null)) return null;
  const ms = point.seconds * 1000;
  let found = 0;
  passages.forEach((p, i) => {
    if (p.startMs! <= ms) found = i;
  });
  return found;
}

export function indexSections(points: OhmsIndexPoint[], passages: ImportedPassage[], notes: string[]): ImportedSection[] {
  const keys = passages.map((p) => compareKey(p.text));
  const sections: ImportedSection[] = [];
  points.forEach((point, i) => {
    const title = point.title || `Index point at ${clock(point.seconds)}`;
    if (!point.title) notes.push(`index point ${i + 1} has no title: it is called "${title}"`);
    const passage = passageByWords(point, keys) ?? passageByTime(point, passages);
    if (passage === null) {
      notes.push(
        `index point "${title}" (${clock(point.seconds)}) was left out of the table of contents: its words are not found in one passage, and the passages have no times to place it by`,
      );
      return;
    }
    sections.push({ title, synopsis: point.synopsis || null, keywords: [...new Set(point.keywords)], passage });
  });
  return sections;
}
