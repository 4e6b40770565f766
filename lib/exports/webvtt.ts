// WebVTT (W3C): one cue per passage, in order, its identifier the passage's anchor ("p3", as in the
// reader's #p3), its words in a voice span naming the speaker (<v.answer Seongmin Lee>) and the kind as
// the span's class. A passage's own times are used when every passage has them (a recording);
// otherwise the cues get times by order, passage N from N-1 to N seconds, and a NOTE at the top says so.
import { refuseDocumentCharacters } from './refusal';
import { allPassageTimes } from './passage-times';
import type { ExportSource } from './source';
import { publishedLine } from './header';

/** Seconds a cue lasts when the document has no times: only the order means anything. */
export const SYNTHETIC_CUE_MS = 1000;

export function vttTimestamp(ms: number): string {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(ms / 3_600_000);
  return `${pad(hours)}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
}

/**
 * Cue text as WebVTT reads it back: "&", "<" and ">" as references (so "-->" can never appear), a
 * carriage return as one, and a line break followed by another as "&#10;", since a blank line
 * would end the cue: "a\n\nb" is written "a&#10;" and "b" on the next line.
 */
export function escapeCueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;')
    .replace(/\n(?=\n)/g, '&#10;');
}

/** A voice's annotation: no "&" or ">" but as references (WebVTT's syntax for a span annotation); names are one line. */
const escapeAnnotation = (name: string) => name.replace(/&/g, '&amp;').replace(/>/g, '&gt;').replace(/</g, '&lt;');

/** A NOTE is a comment: it may not hold "-->" or a blank line, and holds one line here. */
const noteLine = (text: string) => text.replace(/-->/g, '--&gt;').replace(/[\r\n]+/g, ' ');

export function toWebVtt({ document, url }: ExportSource): string {
  // WebVTT turns U+0000 into U+FFFD whatever is written: no way to carry it.
  refuseDocumentCharacters(document, /\u0000/, 'WebVTT');
  const times = allPassageTimes(document.passages);
  const note = [`NOTE ${noteLine(document.title)}`, noteLine(publishedLine(document)), url];
  if (!times) {
    note.push(
      `This document has no recording times: the cues are in the passages' order, passage N from N-1 to N seconds. Each cue's identifier is the passage's anchor (p3 is ${url}#p3).`,
    );
  }
  const blocks = ['WEBVTT', note.join('\n')];
  document.passages.forEach((passage, i) => {
    const start = times ? times[i].startMs : i * SYNTHETIC_CUE_MS;
    const end = times ? times[i].endMs : (i + 1) * SYNTHETIC_CUE_MS;
    const words = escapeCueText(passage.text);
    const text = passage.speaker ? `<v.${passage.kind} ${escapeAnnotation(passage.speaker.name)}>${words}</v>` : words;
    blocks.push(`p${passage.anchor}\n${vttTimestamp(start)} --> ${vttTimestamp(end)}\n${text}`);
  });
  return blocks.join('\n\n') + '\n';
}
