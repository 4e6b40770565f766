// The public site's header: the archive's name, its sections and a way into search.
import Link from 'next/link';
import { HeaderNav } from './header-nav';
import { QueryField } from './search/query-field';

const SECTIONS = [
  { href: '/documents', label: 'Documents' },
  { href: '/speakers', label: 'Speakers' },
  { href: '/topics', label: 'Topics' },
  { href: '/timeline', label: 'Timeline' },
];

export function SiteHeader() {
  return (
    <header className="border-b border-stone-200 dark:border-stone-800">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-4">
        <Link href="/" className="text-xl font-semibold text-inherit no-underline dark:text-inherit">
          Interview Archive
        </Link>
        <HeaderNav label="Sections" sections={SECTIONS} />
        <SearchForm />
      </div>
    </header>
  );
}

export function SearchForm({ defaultValue = '', label = 'Search the archive' }: { defaultValue?: string; label?: string }) {
  return (
    <form role="search" action="/search" className="flex gap-2">
      <QueryField
        id="site-search"
        label={label}
        defaultValue={defaultValue}
        placeholder="Search every passage…"
        className="w-56 rounded-md border border-stone-300 bg-white px-3 py-1.5 text-base dark:border-stone-700 dark:bg-stone-900"
      />
      <button type="submit" className="button-primary button-small">
        Search
      </button>
    </form>
  );
}
