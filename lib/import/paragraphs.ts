// Cuts normalised lines into paragraphs, each with the raw line it starts on.
import { isStandaloneLine } from './chrome';
import { isInitials, parseCapsLine, parseLabel, roleOfLabel } from './labels';
import { endsSentence, wordCount } from './text';
import { largest, smallest } from '@/lib/extremes';

export interface Paragraph {
  text: string;
  /** 1-based line in the raw input. */
  line: number;
}

interface Line {
  text: string;
  line: number;
}

export interface SplitResult {
  paragraphs: Paragraph[];
  /** Lines where a hard-wrapped paragraph was joined back into one. */
  unwrapped: number[];
}

/**
 * Blank lines separate paragraphs. Inside a block, a line that starts a turn or is site chrome starts
 * a new paragraph; the other lines are one paragraph each, unless the block is hard-wrapped prose,
 * whose lines are joined with a space (the only change to the text besides the allowed normalisation).
 */
export function splitParagraphs(lines: string[], firstLineNumber: number): SplitResult {
  const result: SplitResult = { paragraphs: [], unwrapped: [] };
  let block: Line[] = [];
  const flush = () => {
    for (const segment of segments(block)) emitSegment(segment, result);
    block = [];
  };
  lines.forEach((text, i) => {
    if (text === '') flush();
    else block.push({ text, line: firstLineNumber + i });
  });
  flush();
  return result;
}

function segments(block: Line[]): Line[][] {
  const out: Line[][] = [];
  let afterCapsLine = false;
  block.forEach((line, i) => {
    const prev = block[i - 1];
    // A name in capitals on its own line ("JEFF KIM") stands apart from the lines around it, as a
    // label or a heading would, unless a sentence runs through it ("…met\nNASA\nofficials").
    const capsLine = parseCapsLine(line.text) !== null && !(prev && endsMidSentence(prev.text));
    if (!prev || afterCapsLine || capsLine || startsAnew(line.text, prev.text)) out.push([line]);
    else out[out.length - 1]?.push(line);
    afterCapsLine = capsLine;
  });
  return out;
}

function endsMidSentence(text: string): boolean {
  return /[\p{L},]$/u.test(text);
}

function startsAnew(text: string, prev: string): boolean {
  if (isStandaloneLine(text) || isStandaloneLine(prev) || parseLabel(prev)?.rest === '') return true;
  const label = parseLabel(text);
  if (!label) return false;
  // "…people in\nKorea: the …" is a wrapped sentence, not a turn; initials and Q/A are always turns.
  return !endsMidSentence(prev) || isInitials(label.label) || roleOfLabel(label.label) !== null;
}

function emitSegment(segment: Line[], result: SplitResult): void {
  let lines = segment;
  const first = lines[0];
  if (!first) return;
  if (lines.length > 1 && parseLabel(first.text)?.rest === '') {
    result.paragraphs.push(first);
    lines = lines.slice(1);
  }
  if (lines.length === 1 || !isHardWrapped(lines.map((l) => l.text))) {
    for (const line of lines) result.paragraphs.push(line); // not push(...lines): one argument a line overflows the stack
    return;
  }
  const start = lines[0];
  if (!start) return;
  result.paragraphs.push({ text: lines.map((l) => l.text).join(' '), line: start.line });
  result.unwrapped.push(start.line);
}

function isHardWrapped(lines: string[]): boolean {
  if (lines.slice(1).some((l) => /^(?:[-*+•]\s|\d+[.)]\s|#)/.test(l))) return false;
  const [first, second] = lines;
  if (lines.length === 2 && first !== undefined && second !== undefined) {
    return !endsSentence(first) && !first.endsWith(':') && (/^\p{Ll}/u.test(second) || /[,;–—-]$/.test(first));
  }
  const body = lines.slice(0, -1);
  const lengths = body.map((l) => l.length);
  const max = largest(lengths);
  const unfinished = body.filter((l) => !endsSentence(l)).length;
  return max <= 120 && smallest(lengths) >= 0.55 * max && unfinished * 2 >= body.length && body.every((l) => wordCount(l) >= 5);
}
