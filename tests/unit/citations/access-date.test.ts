// The browser writes a cached page's access date with lib/citations/access-date.ts, a small table kept
// out of citation-js so none of it reaches the client. Here each format's table is checked against
// what citation-js itself writes for the same day, every month of the year, so the two cannot drift.
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAccessDate, isoDay, localDay, type DayDate } from '@/lib/citations/access-date';
import { recordItem, type CslItem } from '@/lib/citations/csl-item';
import { renderCitation } from '@/lib/citations/engine';
import { CITATION_FORMATS } from '@/lib/citations/formats';

const item = (accessed: DayDate): CslItem => ({
  id: 'a_test_item',
  'citation-key': 'a_test_item',
  type: 'article-magazine',
  title: 'A Title',
  author: [{ given: 'Given', family: 'Family' }],
  'container-title': 'A Magazine',
  issued: { 'date-parts': [[2016, 12]] },
  accessed: { 'date-parts': [[accessed.year, accessed.month, accessed.day]] },
  URL: 'https://archive.example/documents/a/passages/1',
  archive: 'Interview Archive',
  language: 'en',
});

// Every month, with one- and two-digit days.
const DAYS: DayDate[] = Array.from({ length: 12 }, (_, i) => ({ year: 2027, month: i + 1, day: ((i * 5) % 28) + 1 }));

beforeAll(() => {
  // The first render of each style builds its CSL engine: seconds on a busy machine.
  for (const format of CITATION_FORMATS) renderCitation(item(DAYS[0]), format);
}, 180_000);

describe.each(CITATION_FORMATS)('%s', (format) => {
  it.each(DAYS)('writes %o as citation-js does', (day) => {
    const rendered = renderCitation(item(day), format, recordItem(item(day)));
    expect(rendered).toContain(formatAccessDate(format, day));
  });
});

it('writes the days as the styles do', () => {
  const day = { year: 2026, month: 9, day: 2 };
  expect(CITATION_FORMATS.map((f) => formatAccessDate(f, day))).toEqual(['September 2, 2026', '2 Sept. 2026', 'September 2, 2026', '2026-09-02', '2026/9/2/']);
});

it("reads the reader's own calendar day, not UTC's", () => {
  // 23:30 local time on 31 December is still that day where the reader is, whatever UTC says.
  const lateEvening = new Date(2026, 11, 31, 23, 30);
  expect(localDay(lateEvening)).toEqual({ year: 2026, month: 12, day: 31 });
  expect(isoDay(localDay(lateEvening))).toBe('2026-12-31');
});
