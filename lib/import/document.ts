// Reads the paragraphs once for chrome, labels, names and the navigation tail, before kind-specific assembly.
import { closingBioRun } from './bio';
import { chromeReason, isTailMarker, parseByline } from './chrome';
import type { Block } from './draft';
import { isInitials, labelKey, parseCapsLine, parseLabel, roleOfLabel } from './labels';
import { bioName, nameSequences } from './names';
import type { Paragraph } from './paragraphs';
import { tieLabel, type KnownName, type Tie } from './speakers';
import { stripMarkup, wordCount } from './text';
import type { SpeakerHint } from './types';

const MAX_TAIL_WORDS = 60;

export function readBlocks(paragraphs: Paragraph[]): Block[] {
  const blocks: Block[] = paragraphs.map((p, index) => ({
    ...p,
    index,
    headerChrome: chromeReason(p.text, 'header'),
    bodyChrome: chromeReason(p.text, 'body'),
    label: parseLabel(p.text) ?? parseCapsLine(p.text),
    tail: false,
  }));
  markTail(blocks);
  return blocks;
}

/**
 * "Up Next:" / "Related Articles:" and everything after them, when what follows is only short
 * link text and no speaker of the piece talks again.
 */
function markTail(blocks: Block[]): void {
  const start = blocks.findIndex((b, i) => {
    if (!isTailMarker(b.text)) return false;
    const before = new Set(blocks.slice(0, i).flatMap((x) => (x.label ? [labelKey(x.label.label)] : [])));
    return blocks.slice(i + 1).every((x) => wordCount(x.text) <= MAX_TAIL_WORDS && !(x.label && before.has(labelKey(x.label.label))));
  });
  if (start >= 0) for (const block of blocks.slice(start)) block.tail = true;
}

/** How often each label starts a paragraph, by label key. */
export function labelUses(blocks: Block[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const b of blocks) {
    if (b.label && !b.tail && !b.bodyChrome) uses.set(labelKey(b.label.label), (uses.get(labelKey(b.label.label)) ?? 0) + 1);
  }
  return uses;
}

/** A label paragraph that is surely a turn even before names are known: given, generic or repeated. */
function isObviousTurn(block: Block, uses: Map<string, number>, hints: SpeakerHint[]): boolean {
  if (!block.label) return false;
  const key = labelKey(block.label.label);
  if ((uses.get(key) ?? 0) >= 2 || roleOfLabel(block.label.label)) return true;
  return hints.some((h) => labelKey(h.name) === key || (h.labels ?? []).some((l) => labelKey(l) === key));
}

/** The first line stands for the title when none is given: the first paragraph that is not chrome or a turn. */
export function findTitle(blocks: Block[], uses: Map<string, number>, hints: SpeakerHint[]): Block | null {
  const first = blocks.find((b) => !b.tail && !b.headerChrome);
  if (!first || isObviousTurn(first, uses, hints) || (first.label && isInitials(first.label.label))) return null;
  const text = stripMarkup(first.text);
  // Headlines do not end with a full stop; a first line that does is the body's first sentence.
  return wordCount(text) <= 30 && text.length <= 200 && !/\.["'”’)]*$/.test(text) ? first : null;
}

/** Names the text itself gives, strongest source first: bylines, closing bios, the title, the standfirst. */
export function knownNames(blocks: Block[], title: string | undefined, uses: Map<string, number>, hints: SpeakerHint[]): KnownName[] {
  const firstTurn = blocks.findIndex((b) => isObviousTurn(b, uses, hints));
  const header = firstTurn < 0 ? blocks : blocks.slice(0, firstTurn);
  const known: KnownName[] = [];
  const add = (name: string, source: KnownName['source'], rank: number) => known.push({ name, source, rank });
  for (const b of header) {
    if (b.headerChrome === 'byline') for (const n of parseByline(b.text, 'header')?.names ?? []) add(n, 'byline', 1);
  }
  for (const b of closingBioRun(blocks, (x) => isObviousTurn(x, uses, hints))) {
    const name = bioName(b.text);
    if (name) add(name, 'closing bio', 2);
  }
  if (title) for (const n of nameSequences(title)) add(n, 'title', 3);
  for (const b of header) {
    // A label names no one by itself: "Maria Lopez: Welcome." must not vouch for its own label.
    const text = b.label ? b.label.rest : b.text;
    if (!b.headerChrome && !b.tail && wordCount(b.text) <= 60) for (const n of nameSequences(text)) add(n, 'standfirst', 4);
  }
  return known;
}

export interface TurnReading {
  ties: Map<number, Tie>;
  /** Accepted turns whose label could not be tied: block index → message. */
  untied: Map<number, string>;
  /**
   * Paragraphs that start like a turn with a label that is neither given, tied to a name the text
   * gives, nor repeated: block index → why it is not known. Their words belong to no known speaker.
   */
  unknown: Map<number, string>;
}

export const noTurns = (): TurnReading => ({ ties: new Map(), untied: new Map(), unknown: new Map() });

/**
 * Which label paragraphs are turns: a label is accepted when it is given, ties to a name the text
 * gives, or is used at least twice. Any other label-shaped start is unknown: it may be prose with a
 * colon or a speaker nobody named, and only the editor can tell which.
 */
export function readTurns(blocks: Block[], hints: SpeakerHint[], known: KnownName[], titleIndex: number | null): TurnReading {
  const uses = labelUses(blocks);
  const reading: TurnReading = { ties: new Map(), untied: new Map(), unknown: new Map() };
  for (const block of blocks) {
    if (!block.label || block.tail || block.bodyChrome || block.index === titleIndex) continue;
    const outcome = tieLabel(block.label.label, hints, known);
    const repeated = (uses.get(labelKey(block.label.label)) ?? 0) >= 2;
    if ('error' in outcome) {
      if (repeated) reading.untied.set(block.index, outcome.error);
      else if (!block.headerChrome) reading.unknown.set(block.index, outcome.error);
    } else if (repeated || outcome.strong) {
      reading.ties.set(block.index, outcome);
    } else if (!block.headerChrome) {
      reading.unknown.set(block.index, `"${outcome.name}" is not among the speakers given or named in the text`);
    }
  }
  return reading;
}

/** Paragraphs starting with a label the editor marked as text are read as plain text. */
export function applyTextLabels(blocks: Block[], textLabels: string[], notes: string[]): void {
  for (const wanted of textLabels) {
    const key = labelKey(wanted.replace(/:$/, ''));
    if (!key) continue;
    const lines = blocks.filter((b) => b.label && labelKey(b.label.label) === key).map((b) => b.line);
    for (const block of blocks) if (block.label && labelKey(block.label.label) === key) block.label = null;
    notes.push(
      lines.length > 0
        ? `"${wanted}:" read as text, not a speaker label, as asked (line ${lines.join(', ')})`
        : `"${wanted}" was marked as text but starts no paragraph`,
    );
  }
}
