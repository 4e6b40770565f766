// Published documents counted by year and month, for /timeline.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { monthName } from '@/lib/dates';
import { PUBLISHED } from './selections';

export interface TimelineYear {
  year: number;
  count: number;
  months: { month: number; label: string; count: number }[];
  /** Documents dated to the year only, with no month to place them in. */
  yearOnly: number;
}

export async function getTimeline(): Promise<TimelineYear[]> {
  const rows = await prisma.document.findMany({ where: PUBLISHED, select: { publishedOn: true, datePrecision: true } });
  const years = new Map<number, TimelineYear>();
  for (const { publishedOn, datePrecision } of rows) {
    const year = Number(publishedOn.slice(0, 4));
    const entry = years.get(year) ?? { year, count: 0, months: [], yearOnly: 0 };
    entry.count += 1;
    if (datePrecision === 'year') {
      entry.yearOnly += 1;
    } else {
      const month = Number(publishedOn.slice(5, 7));
      const bucket = entry.months.find((m) => m.month === month);
      if (bucket) bucket.count += 1;
      else entry.months.push({ month, label: monthName(month), count: 1 });
    }
    years.set(year, entry);
  }
  return [...years.values()]
    .sort((a, b) => b.year - a.year)
    .map((y) => ({ ...y, months: y.months.sort((a, b) => a.month - b.month) }));
}
