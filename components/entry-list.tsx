// The public lists of named entries (/speakers, /topics): the page's title, then for each entry a heading
// that links to it, a line of counts and the entry's own words. Speakers read as rows (their bios are long), topics as cards.
import Link from 'next/link';

const LAYOUT = {
  rows: { list: 'mt-6 divide-y divide-stone-200 dark:divide-stone-800', item: 'py-4', heading: 'text-xl font-semibold', blurb: 'mt-2 max-w-3xl font-serif' },
  cards: { list: 'mt-6 grid gap-6 sm:grid-cols-2', item: undefined, heading: 'text-lg font-semibold', blurb: 'mt-1' },
};

/** "1 passage", "3 passages". */
export const countOf = (n: number, singular: string, plural = `${singular}s`) => `${n} ${n === 1 ? singular : plural}`;

interface EntryListProps<T> {
  title: string;
  layout: keyof typeof LAYOUT;
  entries: T[];
  href: (slug: string) => string;
  counts: (entry: T) => string;
  blurb: (entry: T) => string | null;
}

export function EntryList<T extends { slug: string; name: string }>({ title, layout, entries, href, counts, blurb }: EntryListProps<T>) {
  const style = LAYOUT[layout];
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">{title}</h1>
      <ul className={style.list}>
        {entries.map((entry) => (
          <li key={entry.slug} className={style.item}>
            <h2 className={style.heading}>
              <Link href={href(entry.slug)}>{entry.name}</Link>
            </h2>
            <p className="text-sm muted">{counts(entry)}</p>
            {blurb(entry) && <p className={style.blurb}>{blurb(entry)}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
