// Builds an essay's passages: finds where the header ends, then one passage per body paragraph.
import { closingBioRun, placeClosingBios } from './bio';
import { bioName } from './names';
import { deriveMeta, drop, leaveUnplaced, setAsideNonText, type Block, type Draft } from './draft';
import { applyHeaderMark, classifyHeader, type HeaderMark } from './header';
import { createRepeatIndex } from './pull-quote';
import { excerpt, wordCount } from './text';

export interface EssayInput {
  blocks: Block[];
  titleIndex: number | null;
  author: string | null;
  /** Every speaker name known, for closing bios. */
  speakers: string[];
}

export const BEFORE_BODY = 'unclassified paragraph before the body';
const MAX_HEADER_TEXTS = 2;
// Marks that also turn up between body paragraphs, so they do not prove the header goes on.
const WEAK_MARKS = new Set(['navigation', 'separator', 'form prompt']);

/**
 * The header is the leading run of chrome, titles, captions and headings. A short paragraph
 * counts as header only when a clear header mark follows it (a subtitle between two title
 * repeats); the first paragraph after the last header mark starts the body.
 */
function headerEnd(blocks: Block[], draft: Draft, titleIndex: number | null): { end: number; marks: Map<number, HeaderMark> } {
  const marks = new Map<number, HeaderMark>();
  const pending: number[] = [];
  let lastMark = -1;
  for (const block of blocks) {
    if (block.tail) break;
    const mark = classifyHeader(block, draft, titleIndex);
    // After prose, a word like "photo" or a short heading is as likely body as header.
    const weak = mark !== null && ((mark.kind === 'caption' && !mark.strong) || (mark.kind === 'drop' && WEAK_MARKS.has(mark.reason)));
    if (mark && !(weak && pending.length > 0)) {
      marks.set(block.index, mark);
      lastMark = block.index;
      continue;
    }
    if (mark) continue;
    if (pending.length >= MAX_HEADER_TEXTS || wordCount(block.text) > 50) break;
    pending.push(block.index);
  }
  let end = lastMark + 1;
  const bodyLeft = blocks.slice(end).some((b) => !b.tail && !b.bodyChrome && !marks.has(b.index));
  const firstPending = pending[0];
  if (!bodyLeft && firstPending !== undefined && firstPending < end) end = firstPending;
  return { end, marks };
}

export function assembleEssay(draft: Draft, input: EssayInput): void {
  const { blocks, author } = input;
  const { end, marks } = headerEnd(blocks, draft, input.titleIndex);
  for (const block of blocks.slice(0, end)) {
    const mark = marks.get(block.index);
    if (mark) applyHeaderMark(draft, block, mark);
    else if (draft.meta.subtitle === undefined) {
      deriveMeta(draft, 'subtitle', block, `subtitle taken from line ${block.line}: ${excerpt(block.text)}`);
    } else if (draft.meta.summary === undefined) {
      deriveMeta(draft, 'summary', block, `summary taken from line ${block.line}: ${excerpt(block.text)}`);
    } else leaveUnplaced(draft, block, BEFORE_BODY);
  }

  const run = closingBioRun(blocks, () => false);
  const bios = placeClosingBios(draft, run, input.speakers);
  for (const block of run) {
    if (bios.has(block.index)) continue;
    draft.notes.push(
      `the paragraph at line ${block.line} may be a bio of "${bioName(block.text)}": it stays a passage unless that person is given as a speaker`,
    );
  }
  const seen = createRepeatIndex();
  for (const block of blocks.slice(end)) {
    if (block.tail || bios.has(block.index)) continue;
    if (setAsideNonText(draft, block)) continue;
    const repeats = seen.find(block.text);
    if (repeats !== null) {
      drop(draft, block, `pull quote repeating passage ${repeats + 1}`);
      continue;
    }
    seen.add(draft.passages.length, block.text);
    draft.passages.push({ kind: 'paragraph', speaker: author, text: block.text, answers: null, line: block.line });
  }
}
