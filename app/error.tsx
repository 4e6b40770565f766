'use client';
// The error page for any page below the root layout. See components/error-message.tsx for what it shows.
import { ErrorMessage } from '@/components/error-message';

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorMessage error={error} retry={retry} />;
}
