// OHMS 6's <vtt_transcript>: WebVTT with <v NAME> voice tags, read by the captions importer once
// three habits of OHMS's own are undone (as other OHMS readers do, e.g. the Science History
// Institute's): the "WEBVTT" first line is sometimes left out; paragraphs inside a cue are split by
// <br><br>, which WebVTT does not know; and the last cue may end at 00:00:00.000, OHMS's way of
// giving it no end. Nothing else is rewritten, and any other fault is the captions importer's to refuse.
import { ImportError } from '../errors';
import type { ImportOptions, ImportResult } from '../types';
import { parseCaptions } from './captions';

const NO_END = /(-->[ \t]*)00:00:00\.000(?=[ \t]|$)/;

/** "01:02:03.004" or "02:03.004" in milliseconds; null when it is neither. */
function vttMs(stamp: string): number | null {
  const m = /^(?:(\d+):)?([0-5]\d):([0-5]\d)\.(\d{3})$/.exec(stamp);
  return m ? ((Number(m[1] ?? 0) * 60 + Number(m[2])) * 60 + Number(m[3])) * 1000 + Number(m[4]) : null;
}

function vttTimestamp(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

export function parseOhmsVtt(vtt: string, options: ImportOptions, recordingEnd: number | null, notes: string[]): ImportResult {
  let text = vtt.trimStart();
  if (!/^WEBVTT(?:[ \t\r\n]|$)/.test(text)) text = `WEBVTT\n\n${text}`;
  // Paragraph breaks become word breaks: the captions importer joins a turn's cues into one passage.
  text = text.replace(/(?:<br\s*\/?>\s*)+/gi, ' ');

  const lines = text.split(/\r\n|\r|\n/);
  const lastTiming = lines.findLastIndex((line) => line.includes('-->'));
  const openEnded = lastTiming >= 0 && NO_END.test(lines[lastTiming]!) && !/^[ \t]*00:00:00\.000[ \t]*-->/.test(lines[lastTiming]!);
  // The cue is given an end a millisecond after its start so that it reads as a cue; that stand-in
  // never reaches the result, as the passage's end is set below (open, or the recording's end).
  if (openEnded) {
    const start = vttMs(lines[lastTiming]!.trim().split(/[ \t]/)[0] ?? '');
    if (start !== null) lines[lastTiming] = lines[lastTiming]!.replace(NO_END, `$1${vttTimestamp(start + 1)}`);
  }

  let result: ImportResult;
  try {
    result = parseCaptions(lines.join('\n'), 'vtt', options);
  } catch (error) {
    if (error instanceof ImportError) throw new ImportError(`in the OHMS <vtt_transcript>, ${error.message}`);
    throw error;
  }
  const last = result.passages[result.passages.length - 1];
  if (openEnded && last) {
    last.endMs = recordingEnd !== null && recordingEnd >= (last.startMs ?? 0) ? recordingEnd : null;
    notes.push(
      last.endMs === null
        ? 'the last cue has no end in the OHMS file (00:00:00.000): the last passage’s end is left open'
        : 'the last cue has no end in the OHMS file (00:00:00.000): the last passage ends with the recording',
    );
  }
  return result;
}
