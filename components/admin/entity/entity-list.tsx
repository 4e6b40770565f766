// An editorial entity's list page (speakers, topics…): every entry in one table, and the create form.
import Link from 'next/link';
import { AdminTable } from '@/components/admin/admin-table';
import { Notice } from '@/components/admin/notice';
import type { ActionState } from '@/lib/admin/action-state';
import type { EntityListRow, EntityUi } from '@/lib/admin/entities/types';
import type { Choice } from '@/lib/data/admin';
import { EntityForm } from './entity-form';

const numeric = 'text-right tabular-nums';

type Row = EntityListRow & { publicPath: string };

function EntityTable({ entity, rows }: { entity: EntityUi; rows: Row[] }) {
  if (rows.length === 0) return <p className="muted">No {entity.plural} yet.</p>;
  const columns = [
    { label: 'Name' },
    { label: 'Address' },
    ...entity.columns.map((c) => ({ label: c.label, className: c.numeric ? numeric : undefined })),
    { label: 'Links' },
  ];
  return (
    <AdminTable
      caption={`${entity.title} by name`}
      columns={columns}
      rows={rows.map((row) => ({
        key: row.id,
        cells: [
          <Link key="name" href={`${entity.listPath}/${row.id}`}>
            {row.name}
          </Link>,
          <span key="slug" className="font-mono text-xs">
            {row.slug}
          </span>,
          ...row.cells.map(
            (cell, index) =>
              cell ?? (
                <span key={index} className="muted">
                  —
                </span>
              ),
          ),
          <ul key="links" className="flex flex-wrap gap-x-3">
            <li>
              <Link href={`${entity.listPath}/${row.id}`}>
                Edit<span className="sr-only"> {row.name}</span>
              </Link>
            </li>
            <li>
              <Link href={row.publicPath}>
                Public page<span className="sr-only"> of {row.name}</span>
              </Link>
            </li>
          </ul>,
        ],
      }))}
    />
  );
}

interface Props {
  entity: EntityUi;
  rows: Row[];
  choices: Choice[];
  query: Record<string, string | string[] | undefined>;
  createAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
}

export function EntityList({ entity, rows, choices, query, createAction }: Props) {
  const { noun, plural } = entity;
  return (
    <div className="space-y-10">
      <section aria-labelledby={`${plural}-heading`}>
        <h1 id={`${plural}-heading`} className="mb-4 font-serif text-3xl">
          {entity.title}
        </h1>
        <Notice notice={query.notice} error={query.error} />
        <p className="mb-4 text-sm muted">
          {rows.length} {rows.length === 1 ? noun : plural}.{entity.listNote && ` ${entity.listNote}`}
        </p>
        <EntityTable entity={entity} rows={rows} />
      </section>
      <section aria-labelledby={`create-${noun}-heading`}>
        <h2 id={`create-${noun}-heading`} className="mb-4 font-serif text-2xl">
          Create a {noun}
        </h2>
        <EntityForm entity={entity} action={createAction} choices={choices} />
      </section>
    </div>
  );
}
