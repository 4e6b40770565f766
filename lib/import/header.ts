// Sorts what comes before the body: title, repeats, bylines, captions, headings; the rest is left to the caller.
import { isBodyCaption, isHeaderCaption } from './caption';
import { drop, placeCaption, repeatReason, type Block, type Draft } from './draft';
import { endsSentence, findProseDate, sentencesOf, wordCount } from './text';

export type HeaderMark =
  | { kind: 'title' }
  | { kind: 'drop'; reason: string }
  /** `strong`: a photo credit, not just a word like "photo". */
  | { kind: 'caption'; strong: boolean };

export function classifyHeader(block: Block, draft: Draft, titleIndex: number | null): HeaderMark | null {
  if (block.index === titleIndex) return { kind: 'title' };
  if (block.headerChrome) return { kind: 'drop', reason: block.headerChrome };
  const repeated = repeatReason(draft, block.text);
  if (repeated) return { kind: 'drop', reason: repeated };
  if (isBodyCaption(block.text)) return { kind: 'caption', strong: true };
  if (isHeaderCaption(block.text)) return { kind: 'caption', strong: false };
  // A few words with no sentence ending ("Recent Features") is a site heading above the piece.
  if (!block.label && wordCount(block.text) <= 4 && !endsSentence(block.text) && !/[,;:]$/.test(block.text)) {
    return { kind: 'drop', reason: 'navigation' };
  }
  return null;
}

export function applyHeaderMark(draft: Draft, block: Block, mark: HeaderMark): void {
  if (mark.kind === 'title') {
    drop(draft, block, 'title');
    return;
  }
  if (mark.kind === 'caption') {
    placeCaption(draft, block);
    return;
  }
  drop(draft, block, mark.reason);
  if ((mark.reason === 'byline' || mark.reason === 'date line') && draft.meta.date === undefined) {
    const date = findProseDate(block.text);
    if (date) {
      draft.meta.date = date;
      draft.notes.push(`date ${date} taken from the ${mark.reason} at line ${block.line}`);
    }
  }
}

/** A standfirst: one finished sentence, short enough to be a summary rather than an introduction. */
export function isDek(text: string): boolean {
  return wordCount(text) <= 50 && sentencesOf(text).length === 1 && endsSentence(text);
}
