'use server';
// Creates an empty draft document; its passages are added in the editor (or come from an import).
import type { ActionState } from '@/lib/admin/action-state';
import { formChange } from '@/lib/admin/form-change';
import type { DocumentKind } from '@/lib/vocabulary';
import { createDocument } from '@/lib/editorial';
import { slugify } from '@/lib/slug';

export async function createDraft(_previous: ActionState, form: FormData): Promise<ActionState> {
  return formChange(
    form,
    ({ editor, options }, values) =>
      createDocument(
        editor,
        {
          title: values.title ?? '',
          slug: values.slug || slugify(values.title ?? ''),
          kind: (values.kind ?? 'interview') as DocumentKind,
          date: values.date ?? '',
          publisher: values.publisher ?? '',
          sourceUrl: values.sourceUrl ?? '',
          language: values.language || 'en',
          message: 'Created',
        },
        options,
      ),
    (created) => `/admin/documents/${created.id}?${new URLSearchParams({ notice: 'Draft created. Add its passages below.' })}`,
  );
}
