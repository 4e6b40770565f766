// The result under construction and the small moves every stage makes on it (drop, leave unplaced, note).
import { isBodyCaption } from './caption';
import type { LabelMatch } from './labels';
import { nameKey } from './names';
import type { Paragraph } from './paragraphs';
import { compareKey, excerpt, stripMarkup } from './text';
import type { ImportedPassage, ImportedSpeaker, ImportKind, ImportMeta, ImportProblem, ImportResult, SkippedBlock } from './types';

/** A paragraph with what was read from it before any decision about where it goes. */
export interface Block extends Paragraph {
  index: number;
  /** Chrome reason when read as part of the header / of the body. */
  headerChrome: string | null;
  bodyChrome: string | null;
  label: LabelMatch | null;
  /** Part of the navigation tail ("Up Next:" and everything after it). */
  tail: boolean;
}

export interface Draft {
  kind: ImportKind;
  meta: ImportMeta;
  caption: string | null;
  passages: ImportedPassage[];
  dropped: SkippedBlock[];
  unplaced: SkippedBlock[];
  notes: string[];
  problems: ImportProblem[];
  /** Closing bios by the speaker's name, with the line each came from. */
  bios: Map<string, { text: string; line: number }>;
  /** Header paragraphs taken as summary or subtitle, revisited once the passages are known. */
  derived: { key: 'summary' | 'subtitle'; block: Paragraph; note: string }[];
}

/** A draft with nothing placed yet: what every format's reading starts from. */
export function emptyDraft(kind: ImportKind, meta: ImportMeta = {}, caption: string | null = null): Draft {
  return { kind, meta, caption, passages: [], dropped: [], unplaced: [], notes: [], problems: [], bios: new Map(), derived: [] };
}

/** The finished draft as the importer's result: what it left out and could not place in line order, each note once. */
export function resultOf(draft: Draft, speakers: ImportedSpeaker[]): ImportResult {
  return {
    kind: draft.kind,
    meta: draft.meta,
    caption: draft.caption,
    speakers,
    passages: draft.passages,
    dropped: draft.dropped.sort((a, b) => a.line - b.line),
    unplaced: draft.unplaced.sort((a, b) => a.line - b.line),
    notes: [...new Set(draft.notes)],
    problems: draft.problems.sort((a, b) => a.line - b.line),
  };
}

/** Takes a header paragraph as the summary or subtitle, noting it for the editor. */
export function deriveMeta(draft: Draft, key: 'summary' | 'subtitle', block: Paragraph, note: string): void {
  draft.meta[key] = block.text;
  draft.notes.push(note);
  draft.derived.push({ key, block, note });
}

export function drop(draft: Draft, block: Paragraph, reason: string): void {
  draft.dropped.push({ text: block.text, line: block.line, reason });
}

export function leaveUnplaced(draft: Draft, block: Paragraph, reason: string): void {
  draft.unplaced.push({ text: block.text, line: block.line, reason });
}

/** The first caption is the document's; later ones are kept out of the body and reported. */
export function placeCaption(draft: Draft, block: Paragraph): void {
  const text = stripMarkup(block.text);
  if (draft.caption === null) {
    draft.caption = text;
    draft.notes.push(`caption taken from line ${block.line}`);
  } else if (compareKey(draft.caption) === compareKey(text)) {
    drop(draft, block, 'repeated caption');
  } else {
    drop(draft, block, 'further photo caption');
    draft.notes.push(`further photo caption at line ${block.line} not kept as the caption: ${excerpt(text, 120)}`);
  }
}

/** Why the block repeats a known title, subtitle, summary or caption, or null. */
export function repeatReason(draft: Draft, text: string): string | null {
  const key = compareKey(text);
  if (!key) return null;
  const same = (value: unknown) => typeof value === 'string' && compareKey(value) === key;
  if (same(draft.meta.title)) return 'repeated title';
  if (same(draft.meta.subtitle)) return 'repeated subtitle';
  if (same(draft.meta.summary)) return 'repeated summary';
  if (same(draft.caption)) return 'repeated caption';
  return null;
}

export function setBio(draft: Draft, name: string, block: Paragraph): void {
  const existing = [...draft.bios.keys()].find((n) => nameKey(n) === nameKey(name));
  if (existing) {
    drop(draft, block, `further bio of ${name}`);
    draft.notes.push(`a second bio of "${name}" at line ${block.line} was not kept`);
    return;
  }
  draft.bios.set(name, { text: block.text, line: block.line });
  draft.notes.push(`bio of "${name}" taken from line ${block.line}`);
}

/**
 * A paragraph that starts with an unknown label: its words go to no speaker (left unplaced) and a
 * problem blocks the save until the editor maps the label or marks it as text.
 */
export function flagUnknownLabel(draft: Draft, block: Block, why: string): void {
  const label = block.label?.label ?? '';
  const rest = block.label?.rest ?? '';
  draft.problems.push({
    line: block.line,
    label,
    text: rest.length > 80 ? `${rest.slice(0, 79)}…` : rest,
    message: `line ${block.line} ${block.label?.capsLine ? `is "${label}" on a line of its own` : `starts with "${label}:"`}, which is not a known speaker label (${why}): map it to a speaker or mark it as text`,
  });
  leaveUnplaced(draft, block, `unknown speaker label "${label}"`);
}

export function followsUnknownLabel(draft: Draft, block: Paragraph, label: Block): void {
  leaveUnplaced(draft, block, `follows the unknown speaker label "${label.label?.label ?? ''}" at line ${label.line}`);
}

/**
 * Sets aside a body block that is not the text, the same way in interviews and essays: site chrome
 * and repeats (a pull quote) are dropped, a photo caption becomes the caption. True when it was.
 */
export function setAsideNonText(draft: Draft, block: Block): boolean {
  if (block.bodyChrome) {
    drop(draft, block, block.bodyChrome);
    return true;
  }
  const repeated = repeatReason(draft, block.text);
  if (repeated) {
    drop(draft, block, repeated);
    return true;
  }
  if (isBodyCaption(block.text)) {
    placeCaption(draft, block);
    return true;
  }
  return false;
}
