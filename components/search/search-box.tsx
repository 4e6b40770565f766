'use client';
// The search box: a plain GET form that works without JavaScript; with it, results follow as the
// reader types (debounced) and the URL follows the query, so the state can be shared.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { QueryField } from './query-field';

const DEBOUNCE_MS = 300;

export function SearchBox({ defaultValue, label, hidden = {} }: { defaultValue: string; label: string; hidden?: Record<string, string> }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [value, setValue] = useState(defaultValue);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(timer.current), []);

  function onChange(next: string) {
    setValue(next);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      const params = new URLSearchParams(searchParams.toString());
      if (next.trim()) params.set('q', next);
      else params.delete('q');
      params.delete('page');
      const query = params.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    }, DEBOUNCE_MS);
  }

  return (
    <form role="search" action={pathname} className="flex flex-wrap gap-2" onSubmit={() => clearTimeout(timer.current)}>
      <QueryField
        id="search-query"
        label={label}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        maxLength={500}
        autoComplete="off"
        placeholder='sanctions, "human rights", smugg*, china -smuggling'
        className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-2 text-lg dark:border-stone-700 dark:bg-stone-900"
      />
      {Object.entries(hidden).map(([name, v]) => (
        <input key={name} type="hidden" name={name} value={v} />
      ))}
      <button type="submit" className="button-primary">
        Search
      </button>
    </form>
  );
}
