// An editorial entity's own page (a speaker, a topic…): edit it, merge it into another, delete it
// when unused, and its history. The route's page loads it (lib/admin/entities/load.ts) and passes its actions.
import Link from 'next/link';
import { Notice } from '@/components/admin/notice';
import type { ActionState } from '@/lib/admin/action-state';
import type { EntityDetail } from '@/lib/admin/entities/load';
import type { EntityUi } from '@/lib/admin/entities/types';
import { EntityDeleteForm } from './entity-delete-form';
import { EntityForm } from './entity-form';
import { EntityMergeForm } from './entity-merge-form';
import type { EntryTarget } from './entry-target';
import { RevisionHistory } from './revision-history';

type PlainAction = (formData: FormData) => Promise<void>;

interface Props {
  entity: EntityUi;
  detail: EntityDetail;
  publicPath: string;
  query: Record<string, string | string[] | undefined>;
  actions: { update: (state: ActionState, formData: FormData) => Promise<ActionState>; merge: PlainAction; remove: PlainAction; restore: PlainAction };
}

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="mb-4 font-serif text-2xl">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function EntityDetailView({ entity, detail: { entry, extras, revisions, comparison }, publicPath, query, actions }: Props) {
  const { noun, listPath } = entity;
  const target: EntryTarget = { noun, id: entry.id, name: entry.name, expectedVersion: entry.version };
  const link = (choice: { id: number; name: string }) => <Link href={`${listPath}/${choice.id}`}>{choice.name}</Link>;
  return (
    <div className="space-y-10">
      <header>
        <p className="text-sm">
          <Link href={listPath}>{entity.title}</Link>
          {extras.parent && (
            <>
              {' '}
              <span aria-hidden="true">›</span> {link(extras.parent)}
            </>
          )}
        </p>
        <h1 className="mt-1 font-serif text-3xl">{entry.name}</h1>
        <p className="mt-1 text-sm muted">
          Version {entry.version} · {extras.counts.join(' · ')} · <Link href={publicPath}>Public page</Link>
        </p>
        {extras.children && extras.children.entries.length > 0 && (
          <p className="mt-1 text-sm">
            {extras.children.label}:{' '}
            {extras.children.entries.map((child, index) => (
              <span key={child.id}>
                {index > 0 && ', '}
                {link(child)}
              </span>
            ))}
          </p>
        )}
      </header>
      <Notice notice={query.notice} error={query.error} />
      <Section id="edit-heading" title="Edit">
        <EntityForm key={entry.version} entity={entity} entry={entry} choices={extras.parentChoices} action={actions.update} />
      </Section>
      <Section id="merge-heading" title={`Merge into another ${noun}`}>
        <EntityMergeForm {...target} choices={extras.mergeChoices} action={actions.merge} explanation={entity.mergeExplanation.replace('{name}', entry.name)} />
      </Section>
      <Section id="delete-heading" title="Delete">
        <EntityDeleteForm {...target} blockedReason={extras.blockedReason} action={actions.remove} />
      </Section>
      <RevisionHistory
        noun={noun}
        id={entry.id}
        basePath={`${listPath}/${entry.id}`}
        currentVersion={entry.version}
        revisions={revisions}
        comparison={comparison}
        restoreAction={actions.restore}
        labels={entity.historyLabels}
      />
    </div>
  );
}
