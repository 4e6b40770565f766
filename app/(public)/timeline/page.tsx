// /timeline: published documents by year and month, each count a link to the filtered list.
import type { Metadata } from 'next';
import { PageLink as Link } from '@/components/page-link'; // plain <a> where a query leads to a page's twin
import { pageMetadata } from '@/lib/metadata/page';
import { getTimeline } from '@/lib/data/timeline';
import { documentsPath } from '@/lib/urls';
import { BuildPlaceholder, renderingAtBuild } from '../_lib/build-placeholder';

export const generateMetadata = (): Metadata =>
  pageMetadata({ title: 'Timeline', path: '/timeline', description: 'The archive’s documents by year and month of their original publication.' });

const monthParam = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const plural = (n: number) => `${n} ${n === 1 ? 'document' : 'documents'}`;

export default async function TimelinePage() {
  if (renderingAtBuild()) return <BuildPlaceholder />;
  const years = await getTimeline();
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Timeline</h1>
      {years.length === 0 && <p className="mt-4">Nothing is published yet.</p>}
      <ol className="mt-6 space-y-8" reversed>
        {years.map((year) => (
          <li key={year.year}>
            <h2 className="text-2xl font-semibold">
              <Link href={documentsPath({ from: String(year.year), to: String(year.year) })}>{year.year}</Link>{' '}
              <span className="text-base font-normal muted">{plural(year.count)}</span>
            </h2>
            <ul className="mt-2 space-y-1 border-l-2 border-stone-300 pl-4 dark:border-stone-700">
              {year.months.map((m) => (
                <li key={m.month}>
                  <Link href={documentsPath({ from: monthParam(year.year, m.month), to: monthParam(year.year, m.month) })}>
                    {m.label} {year.year}
                  </Link>{' '}
                  <span className="muted">{plural(m.count)}</span>
                </li>
              ))}
              {year.yearOnly > 0 && <li className="muted">{plural(year.yearOnly)} dated to the year only</li>}
            </ul>
          </li>
        ))}
      </ol>
    </>
  );
}
