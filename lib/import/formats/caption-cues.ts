// Reads a WebVTT or SRT file into timed cues with their text lines, and nothing else: cue numbers and
// identifiers, timing lines, NOTE/STYLE/REGION blocks and markup never reach the text. Each cue's
// timing is parsed by the `subtitle` package. The blocks are found here, with their line numbers,
// because subtitle 4.2.2's own file parser has none to give and trips on parts of WebVTT it does not
// know (STYLE and REGION blocks, named cue identifiers, a second blank line after the header).
import { parseTimestamps } from 'subtitle';
import { ImportError } from '../errors';
import { assertReadableText, splitRawLines } from '../normalize';
import { cueLineTexts } from './caption-markup';

export type CaptionFormat = 'vtt' | 'srt';

/** One line of a cue's text, markup removed, with the voice its WebVTT `<v>` tag names, if any. */
export interface CueLine {
  text: string;
  /** 1-based line in the file. */
  line: number;
  voice: string | null;
  /** Whether it starts with a dialogue dash ("- Hello"), which captions use for a change of speaker. */
  dash: boolean;
}

export interface Cue {
  startMs: number;
  endMs: number;
  /** 1-based line of its timing line. */
  line: number;
  lines: CueLine[];
}

export interface CaptionFile {
  /** What follows "WEBVTT" on the first line, when anything does: a title the file gives itself. */
  headerTitle: string | null;
  cues: Cue[];
}

const NAME: Record<CaptionFormat, string> = { vtt: 'WebVTT', srt: 'SRT' };
const EXAMPLE: Record<CaptionFormat, string> = { vtt: '00:00:01.000 --> 00:00:04.000', srt: '00:00:01,000 --> 00:00:04,000' };

interface RawBlock {
  /** 1-based line of the block's first line. */
  line: number;
  lines: string[];
}

function blocksOf(lines: string[]): RawBlock[] {
  const blocks: RawBlock[] = [];
  let open: RawBlock | null = null;
  lines.forEach((text, i) => {
    if (text.trim() === '') open = null;
    else if (open) open.lines.push(text);
    else {
      open = { line: i + 1, lines: [text] };
      blocks.push(open);
    }
  });
  return blocks;
}

/**
 * Cues run together without the blank line between them (a common SRT slip): a second timing line
 * in a block starts the next cue, with the number above it as its number, so neither the number nor
 * the timing ends up in the text before them.
 */
function splitRunTogether(block: RawBlock): RawBlock[] {
  const timings = block.lines.flatMap((l, i) => (l.includes('-->') ? [i] : []));
  const starts = [0, ...timings.slice(1).map((i) => (/^\s*\d+\s*$/.test(block.lines[i - 1] ?? '') ? i - 1 : i))].filter(
    (s, i, all) => i === 0 || s > all[i - 1]!,
  );
  return starts.map((start, i) => ({ line: block.line + start, lines: block.lines.slice(start, starts[i + 1] ?? block.lines.length) }));
}

const clock = (ms: number) => {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor(s / 60) % 60).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}.${String(ms % 1000).padStart(3, '0')}`;
};

/** Throws ImportError on a file that is not readable captions of this format; writes nothing, guesses nothing. */
export function readCaptionFile(raw: string, format: CaptionFormat): CaptionFile {
  assertReadableText(raw);
  const lines = splitRawLines(raw);
  const blocks = blocksOf(lines).flatMap(splitRunTogether);
  let headerTitle: string | null = null;
  if (format === 'vtt') {
    const first = blocks.shift();
    const signature = /^WEBVTT(?:[ \t](.*))?$/.exec(first?.lines[0] ?? '');
    if (!first || first.line !== 1 || !signature) {
      throw new ImportError('this is not a WebVTT file: its first line must be "WEBVTT"', 1);
    }
    headerTitle = (signature[1] ?? '').replace(/^[\s-–—]+/, '').trim() || null;
    // A first cue written right under the header, without the blank line between them, is a cue:
    // its timing line and what follows go back to be read, never dropped with the header.
    const timingAt = first.lines.findIndex((l) => l.includes('-->'));
    if (timingAt > 0) blocks.unshift({ line: first.line + timingAt, lines: first.lines.slice(timingAt) });
  }

  const cues: Cue[] = [];
  for (const block of blocks) {
    const head = block.lines[0] ?? '';
    // WebVTT's comments and its style and region definitions are not what anyone said.
    if (format === 'vtt' && /^(?:NOTE|STYLE|REGION)(?:[ \t]|$)/.test(head)) continue;
    const timingAt = block.lines.findIndex((l) => l.includes('-->'));
    if (timingAt < 0 || timingAt > 1) {
      const where = timingAt < 0 ? block.line : block.line + timingAt;
      const what = timingAt < 0 ? `"${excerpt(head)}" is outside any cue` : `"${excerpt(head)}" comes before the cue's timing`;
      throw new ImportError(
        `line ${where} of the ${NAME[format]} file: ${what}; each cue is ${format === 'srt' ? 'a number, ' : 'an optional identifier, '}a timing line (${EXAMPLE[format]}) and its text, with a blank line between cues`,
        where,
      );
    }
    // SRT's line above the timing is the cue's number; words there would be lost as a number.
    if (format === 'srt' && timingAt === 1 && !/^\s*\d+\s*$/.test(head)) {
      throw new ImportError(
        `line ${block.line} of the ${NAME[format]} file: "${excerpt(head)}" stands where the cue's number belongs, above its timing; each cue is a number, a timing line (${EXAMPLE[format]}) and its text`,
        block.line,
      );
    }
    const timingLine = block.line + timingAt;
    const timing = readTiming((block.lines[timingAt] ?? '').trim(), timingLine, format);
    const previous = cues[cues.length - 1];
    if (previous && timing.start < previous.startMs) {
      throw new ImportError(
        `line ${timingLine}: the times go backwards (this cue starts at ${clock(timing.start)}, the one before at ${clock(previous.startMs)}): cues must be in the order they are spoken`,
        timingLine,
      );
    }
    const textLines = block.lines
      .slice(timingAt + 1)
      .flatMap((text, i) => cueLineTexts(text).flatMap((read) => (read.text ? [{ ...read, line: timingLine + 1 + i }] : [])));
    cues.push({ startMs: timing.start, endMs: timing.end, line: timingLine, lines: textLines });
  }
  if (cues.length === 0) {
    throw new ImportError(`the ${NAME[format]} file has no cues: nothing with a timing line (${EXAMPLE[format]}) and text to import`);
  }
  return { headerTitle, cues };
}

function readTiming(line: string, at: number, format: CaptionFormat): { start: number; end: number } {
  let timing: { start: number; end: number };
  try {
    timing = parseTimestamps(line);
  } catch {
    throw new ImportError(`line ${at}: the timing "${excerpt(line)}" cannot be read; it should look like ${EXAMPLE[format]}`, at);
  }
  // A cue of no length is refused too: a passage's end comes after its start.
  if (timing.end <= timing.start) {
    const what =
      timing.end === timing.start
        ? `lasts no time (it starts and ends at ${clock(timing.start)})`
        : `ends (${clock(timing.end)}) before it starts (${clock(timing.start)})`;
    throw new ImportError(`line ${at}: the cue ${what}`, at);
  }
  return timing;
}

const excerpt = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);
