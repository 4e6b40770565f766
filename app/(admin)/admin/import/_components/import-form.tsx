'use client';
// Import in two steps: paste or upload, see the importer's preview, correct it, save a draft.
import { useActionState, useState, type FormEvent } from 'react';
import { preview, save, type ImportState } from '../actions';
import type { Choice } from '@/lib/data/admin';
import { IMPORT_LIMIT_LABEL, importSizeProblem } from '@/lib/validation/limits';
import { FormMessage } from '@/components/form/field-error';
import { SelectField, TextField } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import { IMPORTABLE_KINDS, optionsOf } from '@/lib/vocabulary';
import { DocumentField, SLUG_FROM_TITLE } from '@/components/admin/document-field';
import { ImportPassages, ImportReport } from './import-report';
import { UnknownLabels } from './unknown-labels';

/** `accept` and `formats` come from the format registry on the server, so no parser is sent to the browser. */
export function ImportForm({ speakers, accept, formats }: { speakers: Choice[]; accept: string; formats: string }) {
  const [previewState, previewAction] = useActionState<ImportState, FormData>(preview, {});
  const [saveState, saveAction] = useActionState<ImportState, FormData>(save, {});
  // Whichever answered last: a preview after a refused save shows the new preview.
  const state = (saveState.stamp ?? 0) > (previewState.stamp ?? 0) ? saveState : previewState;
  const values = state.values ?? {};
  const result = state.preview?.result;
  const [tooBig, setTooBig] = useState<string | null>(null);

  // Checked here first, so an over-long text is never sent and stays in the form as it is.
  const checkSize = (event: FormEvent<HTMLFormElement>) => {
    const form = event.currentTarget;
    const file = (form.elements.namedItem('file') as HTMLInputElement | null)?.files?.[0];
    const raw = (form.elements.namedItem('raw') as HTMLTextAreaElement | null)?.value ?? '';
    const problem =
      (file && file.size > 0 ? importSizeProblem(file.size, `The file ${file.name}`) : null) ?? importSizeProblem(new TextEncoder().encode(raw).length);
    setTooBig(problem);
    if (problem) event.preventDefault();
  };

  return (
    <div className="space-y-10">
      <form action={previewAction} onSubmit={checkSize} className="space-y-4" aria-labelledby="step-1" key={state.stamp ?? 0}>
        <h2 id="step-1" className="text-xl font-semibold">
          1. The text
        </h2>
        <FormMessage message={tooBig ?? (result ? undefined : state.message)} />
        <TextField
          name="raw"
          label="Paste the transcript or essay"
          defaultValue={values.raw}
          multiline
          rows={12}
          hint={`Up to ${IMPORT_LIMIT_LABEL} of text. Labels such as JK:, Jeff Kim:, Q:/A: or **JK:** are recognised; site chrome is dropped.`}
        />
        <div>
          <label htmlFor="import-file" className="block font-medium">
            …or upload a transcript file
          </label>
          <p id="import-file-hint" className="text-sm muted">
            {formats}, up to {IMPORT_LIMIT_LABEL}.
          </p>
          <input id="import-file" name="file" type="file" accept={accept} aria-describedby="import-file-hint" className="mt-1" />
        </div>
        {values.fileName && values.fileData && <CarriedFile name={values.fileName} data={values.fileData} />}
        <input type="hidden" name="textLabels" value={values.textLabels ?? ''} />
        <div className="grid gap-4 md:grid-cols-3">
          <SelectField name="kind" label="Kind" defaultValue={values.kind ?? ''} options={[{ value: '', label: 'Detect' }, ...optionsOf(IMPORTABLE_KINDS)]} />
          <TextField name="title" label="Title (if the text does not start with it)" defaultValue={values.title} />
          <TextField name="speakers" label="Labels" defaultValue={values.speakers} multiline rows={2} hint="One a line: JK = Jeff Kim" />
        </div>
        <SubmitButton pendingLabel="Reading…">Preview</SubmitButton>
      </form>

      {result && state.preview && (
        // Made anew for every answer: a select takes its default only when it mounts, so a kept form
        // would leave the choices of the last preview on turns that moved (a "question" on an answer).
        <form key={state.stamp ?? 0} action={saveAction} className="space-y-6" aria-labelledby="step-2">
          <h2 id="step-2" className="text-xl font-semibold">
            2. Check and correct, then save a draft
          </h2>
          <FormMessage message={state.message} />
          {['raw', 'fileName', 'fileData', 'kind', 'title', 'speakers', 'textLabels'].map((name) => (
            <input key={name} type="hidden" name={name} value={values[name] ?? ''} />
          ))}
          <UnknownLabels problems={result.problems} />
          {result.problems.length > 0 && (
            <SubmitButton formAction={previewAction} pendingLabel="Reading…">
              Apply and preview again
            </SubmitButton>
          )}
          <div className="grid gap-4 md:grid-cols-2">
            <DocumentField field="title" name="documentTitle" value={values.documentTitle ?? result.meta.title} errors={saveState.errors?.title} />
            <DocumentField field="slug" value={values.slug} errors={saveState.errors?.slug} hint={SLUG_FROM_TITLE} />
            <DocumentField field="date" value={values.date ?? result.meta.date} errors={saveState.errors?.date} />
            <DocumentField field="kind" name="documentKind" value={values.documentKind ?? result.kind} />
            <DocumentField field="publisher" value={values.publisher ?? result.meta.publisher} errors={saveState.errors?.publisher} />
            <DocumentField field="sourceUrl" value={values.sourceUrl ?? result.meta.sourceUrl} errors={saveState.errors?.sourceUrl} />
            <DocumentField field="subtitle" value={values.subtitle ?? result.meta.subtitle} errors={saveState.errors?.subtitle} />
            <DocumentField field="language" value={values.language ?? result.meta.language ?? 'en'} errors={saveState.errors?.language} />
          </div>
          <TextField
            name="summary"
            label="Summary"
            defaultValue={values.summary ?? result.meta.summary}
            errors={saveState.errors?.summary}
            multiline
            rows={2}
          />
          <TextField
            name="caption"
            label="Photo caption"
            defaultValue={values.caption ?? result.caption ?? ''}
            errors={saveState.errors?.caption}
            multiline
            rows={2}
          />

          <fieldset className="space-y-3">
            <legend className="font-semibold">Speakers</legend>
            {state.preview.speakers.map((s, i) => (
              <div key={s.name} className="grid gap-3 md:grid-cols-[1fr_1fr_1fr] md:items-end">
                <p>
                  <strong>{s.name}</strong> ({s.role}){s.labels.length > 0 && <> · labels {s.labels.join(', ')}</>}
                  {s.bio && <> · bio found</>}
                </p>
                <SelectField
                  name={`speaker-${i}`}
                  label={`${s.name} is`}
                  defaultValue={values[`speaker-${i}`] ?? (s.existing ? String(s.existing.id) : 'new')}
                  options={[{ value: 'new', label: 'A new speaker' }, ...speakers.map((c) => ({ value: String(c.id), label: c.name }))]}
                />
                <TextField name={`speaker-name-${i}`} label="Name, if new" defaultValue={values[`speaker-name-${i}`] ?? s.name} />
              </div>
            ))}
          </fieldset>

          <ImportPassages result={result} values={values} />
          <ImportReport result={result} />
          <SubmitButton pendingLabel="Saving…">Save as draft</SubmitButton>
        </form>
      )}
    </div>
  );
}

/** The file of the last preview, sent again with the next one unless the editor asks for the pasted text. */
function CarriedFile({ name, data }: { name: string; data: string }) {
  return (
    <div className="text-sm">
      <input type="hidden" name="fileName" value={name} />
      <input type="hidden" name="fileData" value={data} />
      <p>
        Reading the uploaded file <strong>{name}</strong> (choose another file to replace it).
      </p>
      <label>
        <input type="checkbox" name="dropFile" value="yes" /> Read the pasted text instead
      </label>
    </div>
  );
}
