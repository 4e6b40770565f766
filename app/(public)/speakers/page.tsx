// /speakers: everyone who speaks or writes in a published document.
import type { Metadata } from 'next';
import Link from 'next/link';
import { listSpeakers } from '@/lib/data/speakers';
import { speakerPath } from '@/lib/urls';

export const metadata: Metadata = { title: 'Speakers' };

export default async function SpeakersPage() {
  const speakers = await listSpeakers();
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Speakers</h1>
      <ul className="mt-6 divide-y divide-stone-200 dark:divide-stone-800">
        {speakers.map((s) => (
          <li key={s.slug} className="py-4">
            <h2 className="text-xl font-semibold">
              <Link href={speakerPath(s.slug)}>{s.name}</Link>
            </h2>
            <p className="text-sm muted">
              {s.documentCount} {s.documentCount === 1 ? 'document' : 'documents'} · {s.passageCount} passages
            </p>
            {s.bio && <p className="mt-2 max-w-3xl font-serif">{s.bio}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
