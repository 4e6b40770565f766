// The back office's table of speakers: name, address, passages, documents, and links to edit and to the public page.
import Link from 'next/link';
import type { listSpeakersForEditors } from '@/lib/data/admin';
import { speakerPath } from '@/lib/urls';

type SpeakerRow = Awaited<ReturnType<typeof listSpeakersForEditors>>[number];

export function SpeakerTable({ speakers }: { speakers: SpeakerRow[] }) {
  if (speakers.length === 0) return <p className="muted">No speakers yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left text-sm">
        <caption className="sr-only">Speakers by name</caption>
        <thead>
          <tr className="border-b border-stone-300 dark:border-stone-700">
            <th scope="col" className="py-2 pr-4">Name</th>
            <th scope="col" className="py-2 pr-4">Address</th>
            <th scope="col" className="py-2 pr-4 text-right">Passages</th>
            <th scope="col" className="py-2 pr-4 text-right">Documents</th>
            <th scope="col" className="py-2 pr-4">Links</th>
          </tr>
        </thead>
        <tbody>
          {speakers.map((speaker) => (
            <tr key={speaker.id} className="border-b border-stone-200 align-top dark:border-stone-800">
              <th scope="row" className="py-2 pr-4 font-medium">
                <Link href={`/admin/speakers/${speaker.id}`}>{speaker.name}</Link>
              </th>
              <td className="py-2 pr-4 font-mono text-xs">{speaker.slug}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{speaker._count.passages}</td>
              <td className="py-2 pr-4 text-right tabular-nums">{speaker._count.participants}</td>
              <td className="py-2 pr-4">
                <ul className="flex flex-wrap gap-x-3">
                  <li>
                    <Link href={`/admin/speakers/${speaker.id}`}>
                      Edit<span className="sr-only"> {speaker.name}</span>
                    </Link>
                  </li>
                  <li>
                    <Link href={speakerPath(speaker.slug)}>
                      Public page<span className="sr-only"> of {speaker.name}</span>
                    </Link>
                  </li>
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
