// OHMS knows only interviews, so the archive's own OHMS export writes an essay as turns of its author
// ("Seongmin Lee: …", one per passage) and says <type>Essay</type>. Read back, such a transcript is an
// essay again: the author's label is taken off the paragraphs it starts (on their own lines, so the
// line numbers <sync> counts stay true), and the name in it is given as the author.
import type { ImportOptions } from '../types';
import type { OhmsRecord } from './ohms-record';

export interface EssayReading {
  transcript: string;
  author: string | null;
  options: ImportOptions;
}

const LABEL = /^([^\s:][^:\n]{0,99}): /;

/** The transcript and options to read an OHMS essay with, or null when the record is no essay. */
export function essayReading(record: OhmsRecord, options: ImportOptions): EssayReading | null {
  if (record.type.toLowerCase() !== 'essay' || options.kind === 'interview') return null;
  const lines = record.transcript.split(/(\r\n|\r|\n)/);
  const first = lines.find((line) => line.trim() !== '') ?? '';
  const author = LABEL.exec(first.trim())?.[1];
  if (!author) return { transcript: record.transcript, author: null, options: { ...options, kind: 'essay' } };
  // lines alternates text and the line break that followed it; a paragraph starts after a blank line.
  let paragraphStart = true;
  const stripped = lines.map((part, i) => {
    if (i % 2 === 1) return part;
    const starts = paragraphStart && part.trim() !== '';
    if (part.trim() !== '') paragraphStart = false;
    else paragraphStart = true;
    return starts && part.trimStart().startsWith(`${author}: `) ? part.replace(`${author}: `, '') : part;
  });
  return {
    transcript: stripped.join(''),
    author,
    options: { ...options, kind: 'essay', speakers: [...(options.speakers ?? []), { name: author, role: 'author' }] },
  };
}
