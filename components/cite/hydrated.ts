'use client';
// Whether this render runs in the browser after hydration: false in the server's HTML (shared by every
// reader through the page cache), true once React has taken over the page.
import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

export const useHydrated = () =>
  useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
