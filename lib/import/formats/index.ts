// Every transcript format the importer reads, and the one way callers (the back office, the command
// line) turn an uploaded or pasted file into the importer's result.
import 'server-only';
import { parseDocumentText } from '../index';
import type { ImportOptions, ImportResult } from '../types';
import { srtFormat, vttFormat } from './captions';
import { docxFormat } from './docx';
import { ohmsFormat } from './ohms';
import type { TranscriptFile, TranscriptFormat } from './types';

export type { TranscriptFile, TranscriptFormat } from './types';
export { parseCaptions, srtFormat, vttFormat } from './captions';
export { docxFormat, parseDocx } from './docx';
export { ohmsFormat, parseOhms } from './ohms';

/** Plain text and Markdown, pasted or uploaded: today's importer, and the fallback for anything else textual. */
export const textFormat: TranscriptFormat = {
  label: 'Plain text or Markdown',
  extensions: ['.txt', '.md'],
  accepts: () => true,
  parse: (file, options) => parseDocumentText(new TextDecoder('utf-8').decode(file.bytes), options),
};

/**
 * Tried in order; the first that accepts the file reads it. Plain text comes last: it takes what no
 * other format claims (.txt, .md, pasted text).
 */
export const TRANSCRIPT_FORMATS: readonly TranscriptFormat[] = [
  vttFormat,
  srtFormat,
  // Every .xml file: one that is not OHMS is refused with a message rather than read as text.
  ohmsFormat,
  // .docx (and .doc, so its editor is told to save it as .docx) or any zip holding word/document.xml.
  docxFormat,
  textFormat,
];

/** The format that reads this file. */
export function formatOf(file: TranscriptFile): TranscriptFormat {
  return TRANSCRIPT_FORMATS.find((format) => format.accepts(file)) ?? textFormat;
}

/** Whether the file is read as text an editor may also paste and edit (plain text), rather than carried as a file. */
export const isPlainText = (file: TranscriptFile) => formatOf(file) === textFormat;

/** Reads the file in its format; throws ImportError with a clear message on one it cannot read. */
export async function parseTranscriptFile(file: TranscriptFile, options: ImportOptions = {}): Promise<ImportResult> {
  return withSavableTimes(await formatOf(file).parse(file, options));
}

/**
 * A passage is timed with a start and an end after it, or not at all: the write path refuses anything
 * else. A format that knows only a start (OHMS's last passage without a stated duration, an open last
 * cue) or places passages at one moment leaves them untimed here, and says so, so the preview shows
 * what the save will store and the save never fails on times the editor could not fix in the form.
 */
export function withSavableTimes(result: ImportResult): ImportResult {
  let untimed = 0;
  const passages = result.passages.map((passage) => {
    const { startMs, endMs } = passage;
    if (startMs == null && endMs == null) return passage;
    if (typeof startMs === 'number' && typeof endMs === 'number' && endMs > startMs) return passage;
    untimed++;
    return { ...passage, startMs: null, endMs: null };
  });
  if (untimed === 0) return result;
  const note = `${untimed === 1 ? 'one passage has' : `${untimed} passages have`} no end after its start in the file: left untimed; set the times in the passage editor after saving`;
  return { ...result, passages, notes: [...result.notes, note] };
}

/** The upload field's accept list: every format's endings, plus the text types browsers know. */
export const TRANSCRIPT_ACCEPT = [...new Set(TRANSCRIPT_FORMATS.flatMap((f) => f.extensions)), 'text/plain', 'text/markdown', 'text/vtt'].join(',');

/** "WebVTT captions (.vtt), SRT subtitles (.srt), …": what the upload field takes, for its hint. */
export const TRANSCRIPT_FORMAT_NAMES = TRANSCRIPT_FORMATS.map((f) => `${f.label} (${f.extensions.join(', ')})`).join(', ');
