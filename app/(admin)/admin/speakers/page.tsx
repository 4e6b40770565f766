// Speakers in the back office: every speaker with where they appear, and a form to create one.
import type { Metadata } from 'next';
import { Notice } from '@/components/admin/notice';
import { SpeakerCreateForm } from '@/components/admin/speakers/speaker-create-form';
import { SpeakerTable } from '@/components/admin/speakers/speaker-table';
import { requireEditor } from '@/lib/auth/session';
import { listSpeakersForEditors } from '@/lib/data/admin';

export const metadata: Metadata = { title: 'Speakers', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function SpeakersAdminPage({ searchParams }: Props) {
  await requireEditor();
  const [speakers, query] = await Promise.all([listSpeakersForEditors(), searchParams]);

  return (
    <div className="space-y-10">
      <section aria-labelledby="speakers-heading">
        <h1 id="speakers-heading" className="mb-4 font-serif text-3xl">
          Speakers
        </h1>
        <Notice notice={first(query.notice)} error={first(query.error)} />
        <p className="mb-4 text-sm muted">
          {speakers.length} {speakers.length === 1 ? 'speaker' : 'speakers'}. Documents counts the documents a speaker takes part in (as interviewer,
          author…).
        </p>
        <SpeakerTable speakers={speakers} />
      </section>
      <section aria-labelledby="create-speaker-heading">
        <h2 id="create-speaker-heading" className="mb-4 font-serif text-2xl">
          Create a speaker
        </h2>
        <SpeakerCreateForm />
      </section>
    </div>
  );
}
