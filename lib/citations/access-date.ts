// The access date written as each citation format writes it. Pure and tiny: a cached page is shared
// by every reader, so the citations on it carry a placeholder that the reader's browser fills with
// its own today (components/cite/access-date.tsx); the server renders the same strings to find where
// the placeholder goes. tests/unit/citations/access-date.test.ts checks every month against what
// citation-js itself writes, so this table cannot drift from the styles.
import type { CitationFormat } from './formats';

export interface DayDate {
  year: number;
  month: number;
  day: number;
}

const LONG = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// The CSL en-US locale's short month terms, which MLA uses.
const SHORT = ['Jan.', 'Feb.', 'Mar.', 'Apr.', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const pad = (n: number) => String(n).padStart(2, '0');

export function formatAccessDate(format: CitationFormat, { year, month, day }: DayDate): string {
  switch (format) {
    case 'apa':
    case 'chicago':
      return `${LONG[month - 1]} ${day}, ${year}`;
    case 'mla':
      return `${day} ${SHORT[month - 1]} ${year}`;
    case 'bibtex':
      return `${year}-${pad(month)}-${pad(day)}`;
    case 'ris':
      return `${year}/${month}/${day}/`;
  }
}

/** The calendar day `date` falls on where the code runs: in a browser, the reader's own today. */
export const localDay = (date: Date): DayDate => ({ year: date.getFullYear(), month: date.getMonth() + 1, day: date.getDate() });

/** "2026-12-02": a day as the machine-readable value of a <time> element. */
export const isoDay = ({ year, month, day }: DayDate) => `${year}-${pad(month)}-${pad(day)}`;
