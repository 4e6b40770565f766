// Publication dates with their precision: "2016-12" is a month, never the first of December.
export type DatePrecision = 'day' | 'month' | 'year';

export interface DatePeriod {
  /** First day of the period, "YYYY-MM-DD". */
  start: string;
  /** Last day of the period, "YYYY-MM-DD". */
  end: string;
  precision: DatePrecision;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD" into the period it names; null when it is no real date. */
export function parsePartialDate(value: string): DatePeriod | null {
  const match = PARTIAL_DATE.exec(value.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1000) return null;
  if (match[2] === undefined) return { start: `${year}-01-01`, end: `${year}-12-31`, precision: 'year' };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  const lastDay = daysInMonth(year, month);
  if (match[3] === undefined) {
    return { start: `${year}-${pad(month)}-01`, end: `${year}-${pad(month)}-${pad(lastDay)}`, precision: 'month' };
  }
  const day = Number(match[3]);
  if (day < 1 || day > lastDay) return null;
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  return { start: iso, end: iso, precision: 'day' };
}

/**
 * One formatter per precision, made once: making an Intl.DateTimeFormat costs ~125 µs, formatting with
 * it ~1 µs, and a search page formats a date for every hit and every year it counts.
 */
const PUBLICATION_DATE_FORMATS: Record<DatePrecision, Intl.DateTimeFormat> = {
  day: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  month: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }),
  year: new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone: 'UTC' }),
};
const MONTH_NAME_FORMAT = new Intl.DateTimeFormat('en-GB', { month: 'long', timeZone: 'UTC' });

/** The date as written at its precision: "28 August 2018", "December 2016", "2016". */
export function formatPublicationDate(start: string, precision: DatePrecision): string {
  const [year, month, day] = start.split('-').map(Number);
  return PUBLICATION_DATE_FORMATS[precision].format(new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1)));
}

/** The date at its precision in ISO form: "2018-08-28", "2016-12", "2016". */
export function isoAtPrecision(start: string, precision: DatePrecision): string {
  return precision === 'day' ? start : precision === 'month' ? start.slice(0, 7) : start.slice(0, 4);
}

export function monthName(month: number): string {
  return MONTH_NAME_FORMAT.format(new Date(Date.UTC(2000, month - 1, 1)));
}

/** "2016-12" → "December 2016": an ISO date at its precision, as written for people. */
export function labelForIsoDate(iso: string): string {
  const period = parsePartialDate(iso);
  return period ? formatPublicationDate(period.start, period.precision) : iso;
}
