// What a reader sees when a page fails: a plain apology and a reference to quote. The reference is
// the error's digest, which the server's error log line also carries; the message and stack never
// reach the browser (Next replaces a server error's message, and this shows none at all).

export function errorReference(error: unknown): string | null {
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? error.digest : undefined;
  return typeof digest === 'string' && /^[\w-]{1,64}$/.test(digest) ? digest : null;
}

export function ErrorMessage({ error, retry }: { error: unknown; retry: () => void }) {
  const reference = errorReference(error);
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="font-serif text-3xl font-semibold">Something went wrong</h1>
      <p className="mt-4 font-serif text-lg">This page could not be shown. The fault is ours, not yours; trying again may work.</p>
      {reference && (
        <p className="mt-4">
          If you write to us about it, quote this reference: <code>{reference}</code>
        </p>
      )}
      <p className="mt-6 flex flex-wrap gap-4">
        <button type="button" onClick={() => retry()} className="rounded border border-stone-400 px-3 py-1">
          Try again
        </button>
        {/* A plain link, not next/link: after an error the client router may be the broken part. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
        <a href="/">Go to the home page</a>
      </p>
    </main>
  );
}
