'use client';
// The error page when the root layout itself failed: it replaces the whole document.
import { ErrorMessage } from '@/components/error-message';
import './globals.css';

export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans antialiased">
        <title>Something went wrong · Interview Archive</title>
        <ErrorMessage error={error} retry={retry} />
      </body>
    </html>
  );
}
