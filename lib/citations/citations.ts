// Citations of a document or passage in every format: whole, for the API (dated the day of the
// request), or split around the access date, for cached pages whose reader's browser fills it in.
import 'server-only';
import { formatAccessDate, type DayDate } from './access-date';
import { cslItem, recordItem, type CitationSubject, type CslItem } from './csl-item';
import { renderCitation } from './engine';
import { CITATION_FORMAT_LABELS, CITATION_FORMATS, isProseFormat, type CitationFormat } from './formats';

export type { CitationSubject, CslItem } from './csl-item';

/** Today in UTC: the server's access date, for answers rendered per request (the API). */
export const utcDay = (date: Date = new Date()): DayDate => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });

/** The CSL-JSON of a document or passage, accessed on `accessed`. */
export const citationItem = (subject: CitationSubject, accessed: DayDate): CslItem => cslItem(subject, accessed);

function render(item: CslItem, format: CitationFormat): string {
  const text = renderCitation(item, format, recordItem(item));
  // No CSL style has a place for the original's address beside the archive's own, so the prose
  // styles end with it; BibTeX and RIS carry it in their note.
  const original = typeof item.note === 'string' && isProseFormat(format) ? ` ${item.note}.` : '';
  return text + original;
}

/** One format's citation, whole. */
export function citationText(subject: CitationSubject, format: CitationFormat, accessed: DayDate): string {
  return render(citationItem(subject, accessed), format);
}

export interface PageCitation {
  format: CitationFormat;
  label: string;
  /** The citation up to its access date, and after it: the reader's browser writes the date between. */
  before: string;
  after: string;
}

// A day no citation of this archive otherwise contains, rendered in place of the access date so that
// the text around it can be cut there.
const SENTINEL: DayDate = { year: 1901, month: 1, day: 1 };

/** Every format's citation for a page that is cached and shared by all readers (see PageCitation). */
export function pageCitations(subject: CitationSubject): PageCitation[] {
  const item = citationItem(subject, SENTINEL);
  return CITATION_FORMATS.map((format) => {
    const text = render(item, format);
    const date = formatAccessDate(format, SENTINEL);
    const at = text.indexOf(date);
    if (at < 0 || text.indexOf(date, at + 1) >= 0) throw new Error(`The ${format} citation does not give its access date exactly once.`);
    return { format, label: CITATION_FORMAT_LABELS[format], before: text.slice(0, at), after: text.slice(at + date.length) };
  });
}
