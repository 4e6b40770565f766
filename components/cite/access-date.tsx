'use client';
// The access date of a citation on a cached page: the server's HTML, shared by every reader, says
// "[date of access]"; the reader's browser writes its own today there, as the format writes dates.
import { useSyncExternalStore } from 'react';
import { formatAccessDate, isoDay, localDay } from '@/lib/citations/access-date';
import type { CitationFormat } from '@/lib/citations/formats';

const noSubscription = () => () => {};
// A string, so the snapshot stays equal all day and React renders once.
const today = () => isoDay(localDay(new Date()));
const unknownOnServer = () => null;

export const ACCESS_DATE_PLACEHOLDER = '[date of access]';

export function AccessDate({ format }: { format: CitationFormat }) {
  const iso = useSyncExternalStore(noSubscription, today, unknownOnServer);
  if (iso === null) return <span data-access-date="">{ACCESS_DATE_PLACEHOLDER}</span>;
  const [year, month, day] = iso.split('-').map(Number);
  return (
    <time dateTime={iso} data-access-date={iso}>
      {formatAccessDate(format, { year, month, day })}
    </time>
  );
}
