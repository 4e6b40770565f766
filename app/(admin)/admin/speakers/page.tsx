// Speakers in the back office: every speaker with where it is used, and a form to create one.
import { speakers } from '@/lib/admin/entities/speakers';
import { entityListPage, entityMetadata } from '../_entity/pages';
import { createSpeakerAction } from '../entity-actions';

export const metadata = entityMetadata('Speakers');
export default entityListPage(speakers, createSpeakerAction);
