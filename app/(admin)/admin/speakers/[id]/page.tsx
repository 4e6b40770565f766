// One speaker in the back office: edit it, merge it into another, delete it when unused, and its history.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/admin/notice';
import { EntityDeleteForm } from '@/components/admin/entity/entity-delete-form';
import { EntityMergeForm } from '@/components/admin/entity/entity-merge-form';
import { readComparison, RevisionHistory } from '@/components/admin/entity/revision-history';
import { SpeakerEditForm } from '@/components/admin/speakers/speaker-edit-form';
import { requireEditor } from '@/lib/auth/session';
import { speakerChoices, speakerUsage } from '@/lib/data/admin';
import { getSpeakerForEditing, listRevisions } from '@/lib/editorial';
import { speakerPath } from '@/lib/urls';
import { deleteSpeakerAction, mergeSpeakerAction, restoreSpeakerRevisionAction } from '../actions';

export const metadata: Metadata = { title: 'Edit speaker', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const LABELS = { name: 'Name', slug: 'Address', bio: 'Bio', bioSource: 'Source of the bio', aliases: 'Other names' };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const idOf = (text: string) => (/^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function SpeakerAdminPage({ params, searchParams }: Props) {
  await requireEditor();
  const [{ id: idText }, query] = await Promise.all([params, searchParams]);
  const id = idOf(idText);
  const speaker = id === null ? null : getSpeakerForEditing(id);
  if (!speaker) notFound();

  const [{ passages, documents }, choices] = await Promise.all([speakerUsage(speaker.id), speakerChoices()]);
  const revisions = listRevisions('speaker', speaker.id);
  const comparison = readComparison('speaker', speaker.id, query, revisions, speaker.version);
  const uses = [
    passages > 0 ? `${plural(passages, 'passage is', 'passages are')} attributed to this speaker` : '',
    documents > 0 ? `${plural(documents, 'document names', 'documents name')} this speaker as a participant` : '',
  ].filter(Boolean);
  const blockedReason =
    uses.length > 0 ? `“${speaker.name}” cannot be deleted: ${uses.join(' and ')}. Merge the speaker into another one instead.` : null;

  return (
    <div className="space-y-10">
      <header>
        <p className="text-sm">
          <Link href="/admin/speakers">Speakers</Link>
        </p>
        <h1 className="mt-1 font-serif text-3xl">{speaker.name}</h1>
        <p className="mt-1 text-sm muted">
          Version {speaker.version} · {plural(passages, 'passage', 'passages')} · {plural(documents, 'document', 'documents')} ·{' '}
          <Link href={speakerPath(speaker.slug)}>Public page</Link>
        </p>
      </header>
      <Notice notice={first(query.notice)} error={first(query.error)} />
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-4 font-serif text-2xl">
          Edit
        </h2>
        <SpeakerEditForm key={speaker.version} speaker={speaker} />
      </section>
      <section aria-labelledby="merge-heading">
        <h2 id="merge-heading" className="mb-4 font-serif text-2xl">
          Merge into another speaker
        </h2>
        <EntityMergeForm
          noun="speaker"
          id={speaker.id}
          name={speaker.name}
          expectedVersion={speaker.version}
          choices={choices.filter((choice) => choice.id !== speaker.id)}
          action={mergeSpeakerAction}
          explanation={`For a duplicate: its passages and document roles move to the chosen speaker, its name and other names become that speaker's other names, and its bio is kept if that speaker has none. Then “${speaker.name}” is deleted.`}
        />
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="mb-4 font-serif text-2xl">
          Delete
        </h2>
        <EntityDeleteForm noun="speaker" id={speaker.id} name={speaker.name} expectedVersion={speaker.version} blockedReason={blockedReason} action={deleteSpeakerAction} />
      </section>
      <RevisionHistory
        noun="speaker"
        id={speaker.id}
        basePath={`/admin/speakers/${speaker.id}`}
        currentVersion={speaker.version}
        revisions={revisions}
        comparison={comparison}
        restoreAction={restoreSpeakerRevisionAction}
        labels={LABELS}
      />
    </div>
  );
}
