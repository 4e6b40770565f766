// One topic in the back office: edit it, merge it into another, delete it when unused, and its history.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/admin/notice';
import { EntityDeleteForm } from '@/components/admin/entity/entity-delete-form';
import { EntityMergeForm } from '@/components/admin/entity/entity-merge-form';
import { readComparison, RevisionHistory } from '@/components/admin/entity/revision-history';
import { TopicEditForm } from '@/components/admin/topics/topic-edit-form';
import { requireEditor } from '@/lib/auth/session';
import { topicChoices, topicPassageCount, topicTree } from '@/lib/data/admin';
import { getTopicForEditing, listRevisions } from '@/lib/editorial';
import { topicPath } from '@/lib/urls';
import { deleteTopicAction, mergeTopicAction, restoreTopicRevisionAction } from '../actions';

export const metadata: Metadata = { title: 'Edit topic', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const LABELS = { name: 'Name', slug: 'Address', description: 'Description', parentSlug: 'Parent topic (address)' };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
const idOf = (text: string) => (/^\d{1,9}$/.test(text) && Number(text) > 0 ? Number(text) : null);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The topic and every topic under it, at any depth: none of them can be its parent. */
function withDescendants(id: number, tree: { id: number; parentId: number | null }[]): Set<number> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const topic of tree) {
      if (topic.parentId !== null && found.has(topic.parentId) && !found.has(topic.id)) {
        found.add(topic.id);
        grew = true;
      }
    }
  }
  return found;
}

export default async function TopicAdminPage({ params, searchParams }: Props) {
  await requireEditor();
  const [{ id: idText }, query] = await Promise.all([params, searchParams]);
  const id = idOf(idText);
  const topic = id === null ? null : getTopicForEditing(id);
  if (!topic) notFound();

  const [passages, tree, choices] = await Promise.all([topicPassageCount(topic.id), topicTree(), topicChoices()]);
  const childIds = new Set(tree.filter((t) => t.parentId === topic.id).map((t) => t.id));
  const subtopics = choices.filter((choice) => childIds.has(choice.id));
  const notParents = withDescendants(topic.id, tree);
  const parent = choices.find((choice) => choice.id === topic.parentId);
  const revisions = listRevisions('topic', topic.id);
  const comparison = readComparison('topic', topic.id, query, revisions, topic.version);
  const uses = [
    passages > 0 ? `${plural(passages, 'passage is', 'passages are')} tagged with it` : '',
    subtopics.length > 0 ? `${plural(subtopics.length, 'topic sits', 'topics sit')} under it` : '',
  ].filter(Boolean);
  const blockedReason = uses.length > 0 ? `“${topic.name}” cannot be deleted: ${uses.join(' and ')}. Merge it into another topic instead.` : null;

  return (
    <div className="space-y-10">
      <header>
        <p className="text-sm">
          <Link href="/admin/topics">Topics</Link>
          {parent && (
            <>
              {' '}
              <span aria-hidden="true">›</span> <Link href={`/admin/topics/${parent.id}`}>{parent.name}</Link>
            </>
          )}
        </p>
        <h1 className="mt-1 font-serif text-3xl">{topic.name}</h1>
        <p className="mt-1 text-sm muted">
          Version {topic.version} · {plural(passages, 'passage', 'passages')} · <Link href={topicPath(topic.slug)}>Public page</Link>
        </p>
        {subtopics.length > 0 && (
          <p className="mt-1 text-sm">
            Subtopics:{' '}
            {subtopics.map((sub, index) => (
              <span key={sub.id}>
                {index > 0 && ', '}
                <Link href={`/admin/topics/${sub.id}`}>{sub.name}</Link>
              </span>
            ))}
          </p>
        )}
      </header>
      <Notice notice={first(query.notice)} error={first(query.error)} />
      <section aria-labelledby="edit-heading">
        <h2 id="edit-heading" className="mb-4 font-serif text-2xl">
          Edit
        </h2>
        <TopicEditForm key={topic.version} topic={topic} choices={choices.filter((choice) => !notParents.has(choice.id))} />
      </section>
      <section aria-labelledby="merge-heading">
        <h2 id="merge-heading" className="mb-4 font-serif text-2xl">
          Merge into another topic
        </h2>
        <EntityMergeForm
          noun="topic"
          id={topic.id}
          name={topic.name}
          expectedVersion={topic.version}
          choices={choices.filter((choice) => choice.id !== topic.id)}
          action={mergeTopicAction}
          explanation={`For a duplicate: the passages tagged with it are tagged with the chosen topic instead, and its subtopics move under that topic. Then “${topic.name}” is deleted.`}
        />
      </section>
      <section aria-labelledby="delete-heading">
        <h2 id="delete-heading" className="mb-4 font-serif text-2xl">
          Delete
        </h2>
        <EntityDeleteForm noun="topic" id={topic.id} name={topic.name} expectedVersion={topic.version} blockedReason={blockedReason} action={deleteTopicAction} />
      </section>
      <RevisionHistory
        noun="topic"
        id={topic.id}
        basePath={`/admin/topics/${topic.id}`}
        currentVersion={topic.version}
        revisions={revisions}
        comparison={comparison}
        restoreAction={restoreTopicRevisionAction}
        labels={LABELS}
      />
    </div>
  );
}
