'use client';
// Edits one passage against the document version the editor opened. If someone saved in between,
// nothing is overwritten: the editor sees both versions side by side, keeps everything they typed,
// and chooses which to keep or merges the two by hand.
import { useActionState } from 'react';
import { savePassage } from '../passages/actions';
import type { ActionState } from '@/lib/admin/action-state';
import type { Choice } from '@/lib/data/admin';
import type { DocumentSnapshot, PassageSnapshot } from '@/lib/editorial';
import { DiffWords } from '@/components/admin/entity/revision-diff';
import { FormMessage } from '@/components/form/field-error';
import { SelectField, TextField } from '@/components/form/field';
import { usePassageLengthGuard } from './passage-length';
import { SubmitButton } from '@/components/form/submit-button';
import { PASSAGE_KINDS } from '@/lib/vocabulary';
import { formatClock } from '@/lib/time/clock';
import { LabelledSection } from '@/components/labelled-section';

const clock = (ms: number | null) => (ms === null ? '' : formatClock(ms));

interface PassageFormProps {
  documentId: number;
  version: number;
  passage: PassageSnapshot;
  questions: PassageSnapshot[];
  speakers: Choice[];
}

export function PassageForm({ documentId, version, passage, questions, speakers }: PassageFormProps) {
  const [state, action] = useActionState<ActionState, FormData>(savePassage, {});
  const [tooLong, guardLength] = usePassageLengthGuard();
  const conflict = state.conflict;
  const current = conflict ? (conflict.current as DocumentSnapshot).passages.find((p) => p.anchor === passage.anchor) : undefined;
  const values = state.values;
  // After a conflict, saving again means saving over the version the editor has now seen.
  const expectedVersion = conflict ? conflict.currentVersion : state.ok ? Number(values?.expectedVersion) : version;

  return (
    <form action={action} onSubmit={guardLength} className="space-y-4" aria-label={`Passage ${passage.anchor}`}>
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="anchor" value={passage.anchor} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <FormMessage message={tooLong ?? state.message} ok={tooLong ? false : state.ok} />

      {conflict && (
        <LabelledSection
          id="conflict"
          title="Someone else saved this document while you were editing"
          className="rounded-md border-2 border-amber-500 p-4"
          headingClassName="text-lg font-semibold"
        >
          <p className="mt-1 text-sm">
            Nothing was overwritten and nothing you typed is lost. Your text is in the box below; the version saved in the meantime (version{' '}
            {conflict.currentVersion}) is beside it. Keep yours, take theirs, or combine them in your box, then save.
          </p>
          <div className="mt-4 grid gap-4 md:grid-cols-2">
            <div>
              <h3 className="font-semibold">Saved meanwhile (version {conflict.currentVersion})</h3>
              {current ? (
                <>
                  <p className="text-sm muted">
                    {current.kind} · {current.speakerName ?? 'no speaker'}
                  </p>
                  <blockquote aria-label="Text saved meanwhile" className="mt-2 whitespace-pre-wrap rounded bg-stone-100 p-3 font-serif dark:bg-stone-900">
                    {current.text}
                  </blockquote>
                </>
              ) : (
                <p>This passage was deleted in the meantime. Saving will fail; copy your text somewhere safe or add it as a new passage.</p>
              )}
            </div>
            <div>
              <h3 className="font-semibold">What changes if you save yours</h3>
              <p aria-label="Differences" className="mt-2 whitespace-pre-wrap rounded bg-stone-100 p-3 font-serif dark:bg-stone-900">
                <DiffWords parts={state.diff ?? []} />
              </p>
            </div>
          </div>
        </LabelledSection>
      )}

      <TextField
        name="text"
        label={conflict ? 'Your text (not saved yet)' : 'Text'}
        defaultValue={values?.text ?? passage.text}
        errors={tooLong ? ['is longer than a passage takes'] : state.errors?.text}
        multiline
        rows={12}
        hint="A blank line separates paragraphs."
      />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          name="kind"
          label="Kind"
          defaultValue={values?.kind ?? passage.kind}
          options={PASSAGE_KINDS.map((k) => ({ value: k, label: k }))}
          errors={state.errors?.kind}
        />
        <SelectField
          name="speakerId"
          label="Speaker"
          defaultValue={values?.speakerId ?? (passage.speakerId ? String(passage.speakerId) : '')}
          options={[{ value: '', label: 'No speaker' }, ...speakers.map((s) => ({ value: String(s.id), label: s.name }))]}
          errors={state.errors?.speakerId}
        />
        <SelectField
          name="questionAnchor"
          label="Answers the question"
          defaultValue={values?.questionAnchor ?? (passage.questionAnchor ? String(passage.questionAnchor) : '')}
          options={[{ value: '', label: 'None' }, ...questions.map((q) => ({ value: String(q.anchor), label: `¶${q.anchor}: ${q.text.slice(0, 60)}` }))]}
          errors={state.errors?.questionAnchor}
        />
      </div>
      <fieldset className="grid gap-4 md:grid-cols-2">
        <legend className="font-medium">Time in the recording (optional)</legend>
        <TextField
          name="startMs"
          label="Start"
          hint="Like 1:05, 1:05.250, 01:02:03 or seconds. Give both, or leave both empty."
          defaultValue={values?.startMs ?? clock(passage.startMs)}
          errors={state.errors?.startMs}
        />
        <TextField name="endMs" label="End" defaultValue={values?.endMs ?? clock(passage.endMs)} errors={state.errors?.endMs} />
      </fieldset>
      <TextField name="message" label="Note on this change (optional)" defaultValue={values?.message} errors={state.errors?.message} />
      <SubmitButton pendingLabel="Saving…">{conflict ? 'Save my version over theirs' : 'Save passage'}</SubmitButton>
    </form>
  );
}
