// WebVTT and SRT transcripts: cues read with their times, merged into one passage per speaker turn.
import { emptyDraft, resultOf, type Draft } from '../draft';
import { ImportError } from '../errors';
import { normalizeLine } from '../normalize';
import { mergeHints } from '../speakers';
import type { ImportOptions, ImportResult } from '../types';
import { readCaptionFile, type CaptionFormat } from './caption-cues';
import { assembleCaptionTurns } from './caption-turns';
import type { TranscriptFile, TranscriptFormat } from './types';

/** Parses WebVTT or SRT text; throws ImportError (and returns nothing) on a file it cannot read. */
export function parseCaptions(raw: string, format: CaptionFormat, options: ImportOptions = {}): ImportResult {
  if (options.kind === 'essay') throw new ImportError('captions are read as an interview (turns of speakers), not as an essay');
  if (options.textLabels !== undefined && !Array.isArray(options.textLabels)) throw new ImportError('labels marked as text must be a list of labels');
  const file = readCaptionFile(raw, format);
  const draft: Draft = emptyDraft('interview');
  const title = options.title?.trim() ? normalizeLine(options.title) : file.headerTitle;
  if (title) draft.meta.title = title;
  else draft.notes.push('no title in the captions: give one');
  if (!options.title?.trim() && file.headerTitle) draft.notes.push('title taken from the WEBVTT line');
  if (options.subtitle?.trim()) draft.meta.subtitle = normalizeLine(options.subtitle);

  const speakers = assembleCaptionTurns(draft, file.cues, mergeHints([], options.speakers), options.textLabels ?? []);
  if (draft.passages.length === 0 && draft.problems.length === 0) {
    throw new ImportError('no cue text could be given to a speaker: nothing to import');
  }
  draft.notes.unshift(`read as an interview: ${draft.passages.length} speaker turns from ${file.cues.length} cues`);
  return resultOf(draft, speakers);
}

const decode = (file: TranscriptFile) => new TextDecoder('utf-8').decode(file.bytes);
const endsWith = (name: string, extension: string) => name.toLowerCase().endsWith(extension);
/** The start of the text, without a BOM or leading blank lines, for recognising pasted captions. */
const opening = (file: TranscriptFile) =>
  decode(file.bytes.length > 200 ? { ...file, bytes: file.bytes.subarray(0, 200) } : file)
    .replace(/^\uFEFF/, '')
    .trimStart();

export const vttFormat: TranscriptFormat = {
  label: 'WebVTT captions',
  extensions: ['.vtt'],
  accepts: (file) => endsWith(file.name, '.vtt') || (file.name === '' && /^WEBVTT(?:[ \t\r\n]|$)/.test(opening(file))),
  parse: (file, options) => parseCaptions(decode(file), 'vtt', options),
};

export const srtFormat: TranscriptFormat = {
  label: 'SRT subtitles',
  extensions: ['.srt'],
  // Pasted SRT is recognised by its first cue: a number, then a timing line.
  accepts: (file) => endsWith(file.name, '.srt') || (file.name === '' && /^\d+[ \t]*\r?\n[ \t]*[\d:]+,\d{1,3}[ \t]*-->/.test(opening(file))),
  parse: (file, options) => parseCaptions(decode(file), 'srt', options),
};
