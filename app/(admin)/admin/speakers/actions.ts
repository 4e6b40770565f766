'use server';
// Speakers in the back office: create, edit, merge, delete, restore a revision. Each action checks the
// signed-in editor first; what they do is the one factory of every editorial entity (lib/admin/entity-actions.ts).
import type { ActionState } from '@/lib/admin/action-state';
import { editorContext } from '@/lib/admin/context';
import { speakers } from '@/lib/admin/entities/speakers';
import { entityActions } from '@/lib/admin/entity-actions';

const actions = entityActions(speakers);

export async function createSpeakerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return actions.create(await editorContext(), formData);
}

export async function updateSpeakerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return actions.update(await editorContext(), formData);
}

export async function mergeSpeakerAction(formData: FormData): Promise<void> {
  return actions.merge(await editorContext(), formData);
}

export async function deleteSpeakerAction(formData: FormData): Promise<void> {
  return actions.remove(await editorContext(), formData);
}

export async function restoreSpeakerRevisionAction(formData: FormData): Promise<void> {
  return actions.restore(await editorContext(), formData);
}
