// A document or one of its passages as a CSL-JSON item: what every citation format is written from.
// The item cites the archive's copy (its own address, the passage's position, the date it was read)
// of the original publication (author, title, publisher, date at its precision, original address).
import 'server-only';
import type { DocumentDetail, ParticipantRef, PassageView } from '@/lib/data/dto';
import { citedMoment, momentParam, type Moment } from '@/lib/media/moment';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, passageDetailPath } from '@/lib/urls';
import type { DayDate } from './access-date';

export const ARCHIVE_NAME = 'Interview Archive';

export interface CitationSubject {
  document: DocumentDetail;
  /** A passage of `document`; absent to cite the whole document. */
  passage?: PassageView;
  /** A moment or clip of the recording within the passage (a link's ?t=); else the passage's own times, when it has them. */
  moment?: Moment | null;
}

export interface CslName {
  family?: string;
  given?: string;
  literal?: string;
}

export interface CslItem {
  id: string;
  'citation-key': string;
  type: string;
  title: string;
  author?: CslName[];
  interviewer?: CslName[];
  translator?: CslName[];
  editor?: CslName[];
  'container-title'?: string;
  publisher?: string;
  issued: { 'date-parts': number[][] };
  accessed: { 'date-parts': number[][] };
  URL: string;
  archive: string;
  archive_location?: string;
  language: string;
  note?: string;
  [field: string]: unknown;
}

/** A name as people write it, "Seongmin Lee": the last word is the family name; one word stays whole. */
export function cslName(name: string): CslName {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return { literal: name.trim() };
  return { given: words.slice(0, -1).join(' '), family: words[words.length - 1] };
}

const namesWith = (participants: ParticipantRef[], roles: string[]) => participants.filter((p) => roles.includes(p.role)).map((p) => cslName(p.name));

/** "2016-12" → [[2016, 12]]: the date at its own precision, never a made-up first of the month. */
export const dateParts = (iso: string) => [iso.split('-').map(Number)];

// CSL has no type for every kind: an essay appeared in a periodical (its publisher's), a speech is a
// speech, testimony is a document.
const TYPE: Record<string, string> = { interview: 'interview', essay: 'article-magazine', speech: 'speech', testimony: 'document' };

/** "passage 12 of 48": the passage's place in reading order, with its anchor (¶) when that differs. */
export function passagePosition(document: DocumentDetail, passage: PassageView): string {
  const ordinal = document.passages.findIndex((p) => p.id === passage.id) + 1;
  const noun = passage.kind === 'paragraph' ? 'paragraph' : 'passage';
  const place = `${noun} ${ordinal} of ${document.passages.length}`;
  return ordinal === passage.anchor ? place : `${place} (¶${passage.anchor})`;
}

/**
 * A BibTeX key, also the item's id: letters, digits and "_" only (citation-js replaces any other key).
 * A slug has single hyphens, so "__p" cannot come from one: no passage's key is another document's.
 */
export function citationKey({ document, passage }: CitationSubject): string {
  const base = document.slug.replaceAll('-', '_');
  return passage ? `${base}__p${passage.anchor}` : base;
}

export function citationUrl({ document, passage, moment }: CitationSubject): string {
  if (!passage) return absoluteUrl(documentPath(document.slug));
  const path = passageDetailPath(document.slug, passage.anchor);
  return absoluteUrl(moment ? `${path}?t=${momentParam(moment)}` : path);
}

/** The part of the recording cited: the clip asked for, or the passage's own begin and end when timed and playable. */
function citedTimes({ document, passage, moment }: CitationSubject): string | null {
  if (!passage || !document.recording) return null;
  if (moment) return citedMoment(moment);
  return passage.startMs !== null && passage.endMs !== null ? citedMoment({ startMs: passage.startMs, endMs: passage.endMs }) : null;
}

export function cslItem(subject: CitationSubject, accessed: DayDate): CslItem {
  const { document, passage } = subject;
  const type = TYPE[document.kind] ?? 'document';
  const authors = namesWith(document.participants, ['author', 'interviewee']);
  // A passage is by its speaker; the interviewers are named unless the passage is one of theirs.
  const author = passage?.speaker ? [cslName(passage.speaker.name)] : authors;
  const interviewers = document.participants.filter((p) => p.role === 'interviewer' && p.slug !== passage?.speaker?.slug).map((p) => cslName(p.name));
  const translators = namesWith(document.participants, ['translator']);
  const editors = namesWith(document.participants, ['editor']);
  const key = citationKey(subject);
  return {
    id: key,
    'citation-key': key,
    type,
    title: document.title,
    ...(author.length > 0 && { author }),
    ...(type === 'interview' && interviewers.length > 0 && { interviewer: interviewers }),
    ...(translators.length > 0 && { translator: translators }),
    ...(editors.length > 0 && { editor: editors }),
    // The publisher is where the original appeared: the styles name it as the container (with
    // `publisher` as well they would name it twice).
    ...(document.publisher && { 'container-title': document.publisher }),
    issued: { 'date-parts': dateParts(document.date.iso) },
    accessed: { 'date-parts': [[accessed.year, accessed.month, accessed.day]] },
    URL: citationUrl(subject),
    archive: ARCHIVE_NAME,
    ...(passage && { archive_location: [passagePosition(document, passage), citedTimes(subject)].filter(Boolean).join(', recording ') }),
    language: document.language,
    ...(document.sourceUrl && { note: `Originally published at ${document.sourceUrl}` }),
  };
}

/**
 * The item as BibTeX and RIS carry it: their converters keep no archive, position or interviewer, so
 * those go in the note; an interview is cited as the web page it is here (BibTeX's @online, RIS's
 * ELEC) rather than as a sound recording, which is what citation-js makes of CSL's "interview".
 */
export function recordItem(item: CslItem): CslItem {
  const interviewBy = item.interviewer?.length ? `Interview by ${item.interviewer.map((n) => n.literal ?? `${n.given} ${n.family}`).join(' and ')}` : null;
  const note = [interviewBy, [item.archive, item.archive_location].filter(Boolean).join(', '), item.note].filter(Boolean).join('. ');
  const { interviewer: _interviewer, 'container-title': container, ...rest } = item;
  if (item.type === 'article-magazine') return { ...rest, 'container-title': container, note: `${note}.` };
  // A web page's converters drop its container; where it appeared is its publisher there.
  return { ...rest, type: 'webpage', ...(container && { publisher: container }), note: `${note}.` };
}
