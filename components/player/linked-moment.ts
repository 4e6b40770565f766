'use client';
// The moment a link asks for (?t=65, ?t=1:05, ?t=65,80), read in the browser from the address this
// reader opened: null in the server's HTML, which the page cache shares with every reader.
import { useMemo, useSyncExternalStore } from 'react';
import { parseMoment, type Moment } from '@/lib/media/moment';

const noSubscription = () => () => {};

export function useLinkedMoment(): Moment | null {
  const t = useSyncExternalStore(
    noSubscription,
    () => new URLSearchParams(window.location.search).get('t'),
    () => null,
  );
  return useMemo(() => parseMoment(t), [t]);
}
