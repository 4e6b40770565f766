'use server';
// Server actions for passages: edit, add, move, split, merge, delete, tag. Each checks the session
// itself. A passage change is a change of its document: expectedVersion is the document's.
import { redirect } from 'next/navigation';
import { editorContext, revalidateAfterSave, type ActionContext } from '@/lib/admin/context';
import { entryPath, passageHash, plainChange, withError, withNotice } from '@/lib/admin/plain-change';
import { formOf, formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { formChange } from '@/lib/admin/form-change';
import { clockValue, timesFromForm } from '@/lib/admin/passage-times';
import { formIdParam } from '@/lib/validation/params';
import type { PassageKind } from '@/lib/vocabulary';
import {
  addPassage,
  ConflictError,
  deletePassage,
  EditorialError,
  getDocumentForEditing,
  mergePassages,
  reorderPassages,
  splitPassage,
  tagPassage,
  untagPassage,
  updatePassage,
  wordDiff,
  type DocumentSnapshot,
  type EditResult,
} from '@/lib/editorial';

const DOCUMENTS = '/admin/documents';
const documentEditor = (id: unknown) => entryPath(DOCUMENTS, id);
/** A passage's own editor page; the documents list when the form named no document. */
function passageEditor(documentId: unknown, anchor: unknown) {
  const document = documentEditor(documentId);
  return document === DOCUMENTS ? DOCUMENTS : entryPath(`${document}/passages`, anchor);
}

export async function savePassage(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { editor, options } = await editorContext();
  const values = formValues(form);
  try {
    const result = await updatePassage(
      editor,
      {
        documentId: values.documentId,
        expectedVersion: values.expectedVersion,
        anchor: values.anchor,
        text: values.text,
        kind: values.kind as PassageKind,
        speakerId: values.speakerId ?? '',
        questionAnchor: values.questionAnchor ?? '',
        // A form without the time fields (an older page still open) leaves the times as they are.
        ...('startMs' in values || 'endMs' in values ? timesFromForm(values) : {}),
        message: values.message ?? '',
      },
      options,
    );
    revalidateAfterSave(result.paths);
    return {
      ok: true,
      message: result.changed ? `Saved as version ${result.version} of the document.` : 'Nothing had changed.',
      values: {
        ...values,
        expectedVersion: String(result.version),
        startMs: clockValue(result.passage.startMs),
        endMs: clockValue(result.passage.endMs),
      },
    };
  } catch (error) {
    const state = stateFromError(error, values);
    if (error instanceof ConflictError) {
      const current = (error.current as DocumentSnapshot).passages.find((p) => String(p.anchor) === values.anchor);
      state.diff = wordDiff(current?.text ?? '', values.text ?? '');
    }
    return state;
  }
}

/**
 * The form's document as the editor sees it, or null when the form names none. Its id is checked
 * first, as every page's is: text or an over-large number names no document. Unchecked, Number() of it
 * (NaN, 2^53) reached PostgreSQL's integer comparison, whose error failed the action with an error page.
 */
function formDocument(form: FormData): DocumentSnapshot | null {
  const value = form.get('documentId');
  const id = formIdParam(typeof value === 'string' ? value : undefined);
  return id === null ? null : getDocumentForEditing(id);
}

/** A one-button change of a passage, back to the document editor with what happened. */
function passageChange(form: FormData, change: (ctx: ActionContext) => Promise<EditResult>, done: string, hash = '') {
  return plainChange({ back: documentEditor(form.get('documentId')), hash, change, done: () => done });
}

const ref = (form: FormData) => ({
  documentId: String(form.get('documentId')),
  expectedVersion: String(form.get('expectedVersion')),
  anchor: String(form.get('anchor')),
  message: String(form.get('message') ?? ''),
});

export async function movePassage(sent: FormData) {
  const form = formOf(sent);
  const direction = form.get('direction') === 'up' ? -1 : 1;
  await passageChange(
    form,
    async ({ editor, options }) => {
      const document = formDocument(form);
      if (!document) throw new EditorialError('This document no longer exists.');
      const order = document.passages.map((p) => p.anchor);
      const from = order.indexOf(Number(form.get('anchor')));
      const to = from + direction;
      if (from === -1 || to < 0 || to >= order.length) throw new EditorialError('That passage cannot move further.');
      [order[from], order[to]] = [order[to], order[from]];
      const { anchor: _anchor, ...rest } = ref(form);
      return reorderPassages(editor, { ...rest, order }, options);
    },
    `Moved passage ${form.get('anchor')} ${direction < 0 ? 'up' : 'down'}.`,
    passageHash(form.get('anchor')),
  );
}

export async function removePassage(sent: FormData) {
  const form = formOf(sent);
  if (form.get('confirm') !== 'yes') redirect(withError(documentEditor(form.get('documentId')), 'Tick the box to confirm deleting the passage.'));
  await passageChange(
    form,
    ({ editor, options }) => deletePassage(editor, ref(form), options),
    `Deleted passage ${form.get('anchor')}. Its anchor will never be given to another passage.`,
  );
}

export async function mergeWithNext(sent: FormData) {
  const form = formOf(sent);
  const { anchor, ...rest } = ref(form);
  await passageChange(
    form,
    ({ editor, options }) => mergePassages(editor, { ...rest, first: anchor, second: String(form.get('next')) }, options),
    `Merged passage ${form.get('next')} into passage ${anchor}.`,
    passageHash(anchor),
  );
}

/** Whether the form's passage has times now: a split without the cut's time leaves both parts untimed. */
function isTimed(form: FormData): boolean {
  const passage = formDocument(form)?.passages.find((p) => String(p.anchor) === String(form.get('anchor')));
  return passage?.startMs != null;
}

export async function split(sent: FormData) {
  const form = formOf(sent);
  // Said, not done silently: the form has no field for the time of the cut, so the parts lose the times.
  const cleared = isTimed(form) ? ' Its times in the recording were cleared: set each part’s in its passage editor.' : '';
  await passageChange(
    form,
    ({ editor, options }) => splitPassage(editor, { ...ref(form), paragraph: String(form.get('paragraph')) }, options),
    `Split passage ${form.get('anchor')} before its paragraph ${form.get('paragraph')}.${cleared}`,
    passageHash(form.get('anchor')),
  );
}

export async function tag(sent: FormData) {
  const form = formOf(sent);
  const removing = form.get('remove') === 'yes';
  const change = removing ? untagPassage : tagPassage;
  await plainChange({
    back: passageEditor(form.get('documentId'), form.get('anchor')),
    change: ({ editor, options }) => change(editor, { ...ref(form), topicId: String(form.get('topicId')) }, options),
    done: () => (removing ? 'Topic removed.' : 'Topic added.'),
  });
}

export async function createPassage(_previous: ActionState, form: FormData): Promise<ActionState> {
  return formChange(
    form,
    ({ editor, options }, values) =>
      addPassage(
        editor,
        {
          documentId: values.documentId,
          expectedVersion: values.expectedVersion,
          afterAnchor: values.afterAnchor ?? '',
          kind: values.kind as PassageKind,
          speakerId: values.speakerId ?? '',
          questionAnchor: values.questionAnchor ?? '',
          text: values.text ?? '',
          message: values.message ?? '',
        },
        options,
      ),
    (result, values) => withNotice(documentEditor(values.documentId), `Added passage ${result.anchor}.`, `#passage-${result.anchor}`),
  );
}
