// One speaker in the back office: edit it, merge it into another, delete it when unused, and its history.
import { speakers } from '@/lib/admin/entities/speakers';
import { entityDetailPage, entityMetadata } from '../../_entity/pages';
import { deleteSpeakerAction, mergeSpeakerAction, restoreSpeakerRevisionAction, updateSpeakerAction } from '../../entity-actions';

export const metadata = entityMetadata('Edit speaker');
export default entityDetailPage(speakers, {
  update: updateSpeakerAction,
  merge: mergeSpeakerAction,
  remove: deleteSpeakerAction,
  restore: restoreSpeakerRevisionAction,
});
