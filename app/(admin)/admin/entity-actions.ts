'use server';
// Speakers and topics in the back office: create, edit, merge, delete, restore a revision. Each
// action checks the signed-in editor first; what they do is the one factory of every editorial
// entity (lib/admin/entity-actions.ts), driven by the entity's descriptor (lib/admin/entities/).
import type { ActionState } from '@/lib/admin/action-state';
import { editorContext } from '@/lib/admin/context';
import { speakers } from '@/lib/admin/entities/speakers';
import { topics } from '@/lib/admin/entities/topics';
import { entityActions } from '@/lib/admin/entity-actions';

const speaker = entityActions(speakers);
const topic = entityActions(topics);

export async function createSpeakerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return speaker.create(await editorContext(), formData);
}
export async function createTopicAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return topic.create(await editorContext(), formData);
}
export async function updateSpeakerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return speaker.update(await editorContext(), formData);
}
export async function updateTopicAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  return topic.update(await editorContext(), formData);
}
export async function mergeSpeakerAction(formData: FormData): Promise<void> {
  return speaker.merge(await editorContext(), formData);
}
export async function mergeTopicAction(formData: FormData): Promise<void> {
  return topic.merge(await editorContext(), formData);
}
export async function deleteSpeakerAction(formData: FormData): Promise<void> {
  return speaker.remove(await editorContext(), formData);
}
export async function deleteTopicAction(formData: FormData): Promise<void> {
  return topic.remove(await editorContext(), formData);
}
export async function restoreSpeakerRevisionAction(formData: FormData): Promise<void> {
  return speaker.restore(await editorContext(), formData);
}
export async function restoreTopicRevisionAction(formData: FormData): Promise<void> {
  return topic.restore(await editorContext(), formData);
}
