// Shown with a 403 when a signed-in editor opens a page that is for admins only.
import Link from 'next/link';

export default function Forbidden() {
  return (
    <main id="main" className="mx-auto max-w-3xl px-4 py-16">
      <h1 className="font-serif text-3xl font-semibold">Admins only</h1>
      <p className="mt-4">This part of the back office is for admins. Ask an admin if you need something changed here.</p>
      <p className="mt-4">
        <Link href="/admin">Back to the back office</Link>
      </p>
    </main>
  );
}
