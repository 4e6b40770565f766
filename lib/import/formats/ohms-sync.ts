// OHMS 5.x <sync>: where the transcript stood at each full minute of the recording, and the passage
// times estimated from it.
//
// The element reads "1:|27(8)|43(1)|…": the number before the colon is the interval in minutes, and
// the k-th entry after it (k = 1, 2, …) says that at k intervals into the recording the speech had
// reached line L, word W of the transcript ("27(8)": line 27, word 8). Lines are the transcript's
// lines as written, counted from 1, blank ones included; words are counted from 1 on their line. An
// empty entry is a minute OHMS gave no marker, and is skipped.
//
// A passage's start is estimated from the markers around its first word: linearly, by the words
// between the marker at or before it and the next one (speech runs at a fairly even pace within a
// minute, so this lands within seconds where taking the earlier marker alone could be a minute
// early). Before the first marker, the transcript's first word stands at 0:00 (a recording starts no
// later than its first word); after the last one, the transcript's end stands at the recording's
// stated duration when OHMS gives one past the last marker (a recording ends no earlier than its last
// word). Without a duration there is no pace to go by after the last marker, so its time is kept: at
// or before the words, never after them, so playing from it never skips any. A passage ends where
// the next one starts; the last one at the stated duration, else its end is left open. Markers that
// point past the transcript, or that go backwards, are refused rather than bent into place.
import { ImportError } from '../errors';
import type { ImportedPassage } from '../types';

interface Anchor {
  /** Index of a word in the whole transcript, from 0. */
  word: number;
  ms: number;
}

const MINUTE_MS = 60_000;

const wordsOf = (line: string) => line.split(/\s+/).filter(Boolean).length;

/** The anchors <sync> gives, checked against the transcript's lines; the transcript's start is the first. */
export function readSync(sync: string, lines: string[]): Anchor[] {
  const colon = sync.indexOf(':');
  const interval = colon > 0 ? sync.slice(0, colon).trim() : '';
  if (!/^\d+$/.test(interval) || Number(interval) === 0) {
    throw new ImportError(`the sync data does not start with its interval in minutes ("1:|…"): found "${sync.slice(0, 20)}"`);
  }
  const wordsBefore: number[] = [];
  lines.reduce((sum, line, i) => ((wordsBefore[i] = sum), sum + wordsOf(line)), 0);

  const anchors: Anchor[] = [{ word: 0, ms: 0 }];
  sync
    .slice(colon + 1)
    .split('|')
    .forEach((entry, k) => {
      const text = entry.trim();
      if (text === '') return;
      const minute = k * Number(interval);
      const mark = /^(\d+)\((\d+)\)$/.exec(text);
      if (!mark) throw new ImportError(`the sync data is not understood at minute ${minute}: "${text}" (line(word) expected, like "27(8)")`);
      const line = Number(mark[1]);
      const word = Number(mark[2]);
      if (line < 1 || line > lines.length) {
        throw new ImportError(
          `the sync data points past the transcript: minute ${minute} is marked at line ${line}, but the transcript has ${lines.length} lines`,
        );
      }
      const onLine = wordsOf(lines[line - 1] ?? '');
      if (word < 1 || word > onLine) {
        throw new ImportError(
          `the sync data points past the transcript: minute ${minute} is marked at word ${word} of line ${line}, which has ${onLine} words`,
        );
      }
      const at = (wordsBefore[line - 1] ?? 0) + word - 1;
      const previous = anchors[anchors.length - 1]!;
      if (at < previous.word) {
        throw new ImportError(`the sync data goes backwards: minute ${minute} is marked at line ${line}, before the mark of the minute earlier`);
      }
      anchors.push({ word: at, ms: k * Number(interval) * MINUTE_MS });
    });
  return anchors;
}

/** Estimated time of a word (index from 0), as the comment at the top explains. */
function timeOfWord(word: number, anchors: Anchor[]): number {
  let at = 0;
  for (let i = 0; i < anchors.length; i++) if (anchors[i]!.word <= word) at = i;
  const before = anchors[at]!;
  const after = anchors.slice(at + 1).find((a) => a.word > word);
  if (!after) return before.ms;
  return Math.floor(before.ms + ((word - before.word) / (after.word - before.word)) * (after.ms - before.ms));
}

/** OHMS's <duration> ("1:2:0", "01:02:00") in milliseconds; null when absent, zero or not a duration. */
export function durationMs(duration: string): number | null {
  const m = /^(\d+):(\d{1,2}):(\d{1,2})$/.exec(duration);
  if (!m) return null;
  const ms = (Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3])) * 1000;
  return ms > 0 ? ms : null;
}

/** Gives each passage its start (from its first line's first word) and end, in place. */
export function timePassages(passages: ImportedPassage[], lines: string[], synced: Anchor[], recordingEnd: number | null): void {
  const wordsBefore: number[] = [];
  const total = lines.reduce((sum, line, i) => ((wordsBefore[i] = sum), sum + wordsOf(line)), 0);
  const last = synced[synced.length - 1]!;
  const anchors = recordingEnd !== null && recordingEnd > last.ms && total > last.word ? [...synced, { word: total, ms: recordingEnd }] : synced;
  passages.forEach((p) => (p.startMs = timeOfWord(wordsBefore[p.line - 1] ?? 0, anchors)));
  passages.forEach((p, i) => {
    const next = passages[i + 1];
    const end = next ? next.startMs! : recordingEnd;
    p.endMs = end !== null && end >= p.startMs! ? end : null;
  });
}
