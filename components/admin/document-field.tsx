// The one-line fields of a document, labelled and explained alike on every form that writes them: a
// new draft, an import's draft and the edit form. Each form gives the value, the errors and, where its
// rules differ, its own hint or requirement (the address is made from the title on the first two).
import { SelectField, TextField } from '@/components/form/field';
import { DOCUMENT_KINDS } from '@/lib/vocabulary';

export type DocumentFieldName = 'title' | 'slug' | 'subtitle' | 'kind' | 'date' | 'publisher' | 'sourceUrl' | 'language';

const FIELDS: Record<DocumentFieldName, { label: string; hint?: string; required?: boolean }> = {
  title: { label: 'Title', required: true },
  slug: { label: 'Address (slug)' },
  subtitle: { label: 'Subtitle' },
  kind: { label: 'Kind' },
  date: { label: 'Publication date', hint: 'YYYY, YYYY-MM or YYYY-MM-DD: the form is the precision.', required: true },
  publisher: { label: 'Publisher' },
  sourceUrl: { label: 'Source address' },
  language: { label: 'Language', hint: 'A tag such as en or ko.' },
};

const KINDS = DOCUMENT_KINDS.map((kind) => ({ value: kind, label: kind }));

export function DocumentField({
  field,
  name = field,
  value,
  errors,
  hint,
  required,
}: {
  field: DocumentFieldName;
  /** The form field's name when it is not the field's own (the import sends documentTitle beside its text's title). */
  name?: string;
  value?: string | null;
  errors?: string[];
  hint?: string;
  required?: boolean;
}) {
  const spec = FIELDS[field];
  if (field === 'kind') return <SelectField name={name} label={spec.label} defaultValue={value} options={KINDS} errors={errors} />;
  return <TextField name={name} label={spec.label} defaultValue={value} errors={errors} hint={hint ?? spec.hint} required={required ?? spec.required} />;
}

/** The address's hint where an empty one is made from the title (a new draft, an import). */
export const SLUG_FROM_TITLE = 'Made from the title when left empty.';
