'use server';
// Creates an empty draft document; its passages are added in the editor (or come from an import).
import { redirect } from 'next/navigation';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { createDocument } from '@/lib/editorial';
import { slugify } from '@/lib/slug';

export async function createDraft(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { editor, options } = await editorContext();
  const values = formValues(form);
  let id: number;
  try {
    const created = await createDocument(
      editor,
      {
        title: values.title ?? '',
        slug: values.slug || slugify(values.title ?? ''),
        kind: (values.kind ?? 'interview') as 'interview',
        date: values.date ?? '',
        publisher: values.publisher ?? '',
        sourceUrl: values.sourceUrl ?? '',
        language: values.language || 'en',
        message: 'Created',
      },
      options,
    );
    revalidateAfterSave(created.paths);
    id = created.id;
  } catch (error) {
    return stateFromError(error, values);
  }
  redirect(`/admin/documents/${id}?${new URLSearchParams({ notice: 'Draft created. Add its passages below.' })}`);
}
