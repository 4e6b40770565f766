'use client';
// Every field of a document, saved against the version the editor opened. A failed save keeps the
// input; a stale one shows what was saved meanwhile beside what the editor typed.
import { useActionState } from 'react';
import { saveDocumentFields } from '../../actions';
import type { ActionState } from '@/lib/admin/action-state';
import type { Choice } from '@/lib/data/admin';
import type { DocumentSnapshot } from '@/lib/editorial';
import { FormMessage } from '@/components/form/field-error';
import { TextField } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import { PARTICIPANT_ROLES } from '@/lib/vocabulary';
import { DocumentField, type DocumentFieldName } from '@/components/admin/document-field';
import { Options } from '@/components/form/options';
import { LabelledSection } from '@/components/labelled-section';

const ROLES = PARTICIPANT_ROLES.map((r) => ({ value: r, label: r }));
const LABELS: Record<string, string> = {
  title: 'Title',
  slug: 'Address',
  subtitle: 'Subtitle',
  kind: 'Kind',
  date: 'Date',
  publisher: 'Publisher',
  sourceUrl: 'Source',
  language: 'Language',
  summary: 'Summary',
  caption: 'Caption',
};
/** The one-line fields, in the order of the two-column grid, with this form's own rules. */
const GRID_FIELDS: { field: DocumentFieldName; hint?: string; required?: boolean }[] = [
  { field: 'title' },
  { field: 'slug', hint: 'Changing it breaks links to the old address.', required: true },
  { field: 'subtitle' },
  { field: 'kind' },
  { field: 'date' },
  { field: 'publisher' },
  { field: 'sourceUrl' },
  { field: 'language', required: true },
];
/** Blank rows under the current participants, for adding one. */
const SPARE_ROWS = 2;

export function DocumentFieldsForm({ document, speakers }: { document: DocumentSnapshot; speakers: Choice[] }) {
  const [state, action] = useActionState<ActionState, FormData>(saveDocumentFields, {});
  const v = (name: keyof DocumentSnapshot) => state.values?.[name] ?? (document[name] as string | null) ?? '';
  const e = (name: string) => state.errors?.[name];
  const current = state.conflict?.current as DocumentSnapshot | undefined;
  // After a conflict, saving again means saving over the version the editor has now seen.
  const expectedVersion = state.conflict ? state.conflict.currentVersion : state.ok ? state.values?.expectedVersion : document.version;
  const rows = [
    ...document.participants.map((p) => ({ speakerId: String(p.speakerId), role: p.role as string })),
    ...Array.from({ length: SPARE_ROWS }, () => ({ speakerId: '', role: 'author' })),
  ];

  return (
    <form action={action} className="space-y-4" aria-label="Document details">
      <input type="hidden" name="id" value={document.id} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <FormMessage message={state.message} ok={state.ok} />
      {current && (
        <LabelledSection
          id="fields-conflict"
          title={<>Saved meanwhile (version {state.conflict!.currentVersion}) beside yours</>}
          level={3}
          className="rounded-md border-2 border-amber-500 p-4"
          headingClassName="font-semibold"
        >
          <p className="text-sm">Nothing was overwritten; your values are still in the form. Change what you want, then save over theirs.</p>
          <table className="mt-2 w-full text-left text-sm">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Saved meanwhile</th>
                <th scope="col">Yours</th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(LABELS)
                .filter((field) => (current[field as keyof DocumentSnapshot] ?? '') !== (state.values?.[field] ?? ''))
                .map((field) => (
                  <tr key={field} className="align-top">
                    <th scope="row" className="pr-2">
                      {LABELS[field]}
                    </th>
                    <td className="pr-2">{String(current[field as keyof DocumentSnapshot] ?? '—')}</td>
                    <td>{state.values?.[field] || '—'}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </LabelledSection>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        {GRID_FIELDS.map((rules) => (
          <DocumentField key={rules.field} {...rules} value={v(rules.field)} errors={e(rules.field)} />
        ))}
      </div>
      <TextField name="summary" label="Summary" defaultValue={v('summary')} errors={e('summary')} multiline />
      <TextField name="caption" label="Photo caption" defaultValue={v('caption')} errors={e('caption')} multiline rows={2} />
      <fieldset aria-describedby="participants-errors">
        <legend className="font-medium">Participants</legend>
        <div className="mt-1 space-y-2">
          {rows.map((row, i) => (
            <div key={i} className="flex flex-wrap gap-2">
              <RowSelect
                name={`participant-speaker-${i}`}
                label={`Participant ${i + 1}`}
                value={state.values?.[`participant-speaker-${i}`] ?? row.speakerId}
                options={[{ value: '', label: 'None' }, ...speakers.map((s) => ({ value: s.id, label: s.name }))]}
              />
              <RowSelect
                name={`participant-role-${i}`}
                label={`Role of participant ${i + 1}`}
                value={state.values?.[`participant-role-${i}`] ?? row.role}
                options={ROLES}
              />
            </div>
          ))}
        </div>
        <div id="participants-errors" aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
          {e('participants')?.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      </fieldset>
      <TextField name="message" label="Note on this change (optional)" defaultValue={state.values?.message} errors={e('message')} />
      <SubmitButton pendingLabel="Saving…">{state.conflict ? 'Save mine over theirs' : 'Save details'}</SubmitButton>
    </form>
  );
}

/**
 * One menu of a participant row, labelled for screen readers. Keyed on its value so that after a save
 * the menu shows what was sent, not what the browser kept from before.
 */
function RowSelect({
  name,
  label,
  value,
  options,
}: {
  name: string;
  label: string;
  value: string;
  options: readonly { value: string | number; label: string }[];
}) {
  return (
    <>
      <label className="sr-only" htmlFor={name}>
        {label}
      </label>
      <select
        key={`${name}-${value}`}
        id={name}
        name={name}
        defaultValue={value}
        className="rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
      >
        <Options options={options} />
      </select>
    </>
  );
}
