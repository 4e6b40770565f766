// Edit one passage: its text, kind, speaker and question; tag and untag its topics.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { PassageForm } from '../../_components/passage-form';
import { Notice } from '@/components/admin/notice';
import { requireEditor } from '@/lib/auth/session';
import { speakerChoices, topicChoices } from '@/lib/data/admin';
import { getDocumentForEditing } from '@/lib/editorial';
import { passagePath } from '@/lib/urls';
import { anchorParam, idParam } from '@/lib/validation/params';
import { tag } from '../actions';
import { LabelledSection } from '@/components/labelled-section';

type Props = { params: Promise<{ id: string; anchor: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata: Metadata = { title: 'Edit passage' };

export default async function EditPassagePage({ params, searchParams }: Props) {
  await requireEditor();
  const [{ id, anchor }, query] = await Promise.all([params, searchParams]);
  const documentId = idParam(id);
  const document = documentId === null ? null : getDocumentForEditing(documentId);
  const passage = document?.passages.find((p) => p.anchor === anchorParam(anchor));
  if (!document || !passage) notFound();
  const [speakers, topics] = await Promise.all([speakerChoices(), topicChoices()]);
  const tagged = new Set(passage.topics);

  return (
    <>
      <p className="text-sm">
        <Link href={`/admin/documents/${document.id}#passage-${passage.anchor}`}>← {document.title}</Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">Passage {passage.anchor}</h1>
      <p className="mt-1 muted">
        Document version {document.version}
        {document.status === 'published' && !document.deletedAt && (
          <>
            {' '}
            · <Link href={passagePath(document.slug, passage.anchor)}>View on the site</Link>
          </>
        )}
      </p>
      <div className="mt-4">
        <Notice notice={query.notice} error={query.error} />
      </div>
      <PassageForm
        documentId={document.id}
        version={document.version}
        passage={passage}
        questions={document.passages.filter((p) => p.kind === 'question' && p.anchor !== passage.anchor)}
        speakers={speakers}
      />

      <LabelledSection id="topics" title="Topics" className="mt-10" headingClassName="text-xl font-semibold">
        <ul className="mt-3 flex flex-wrap gap-2">
          {topics.map((topic) => (
            <li key={topic.id}>
              <form action={tag}>
                <input type="hidden" name="documentId" value={document.id} />
                <input type="hidden" name="expectedVersion" value={document.version} />
                <input type="hidden" name="anchor" value={passage.anchor} />
                <input type="hidden" name="topicId" value={topic.id} />
                {tagged.has(topic.slug) && <input type="hidden" name="remove" value="yes" />}
                <button
                  aria-pressed={tagged.has(topic.slug)}
                  className={`chip ${tagged.has(topic.slug) ? 'bg-amber-100 font-semibold dark:bg-amber-900' : ''}`}
                >
                  {topic.name}
                  <span className="sr-only">{tagged.has(topic.slug) ? ' (tagged; press to remove)' : ' (press to tag)'}</span>
                </button>
              </form>
            </li>
          ))}
        </ul>
      </LabelledSection>
    </>
  );
}
