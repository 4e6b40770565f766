// One topic in the back office: edit it, merge it into another, delete it when unused, and its history.
import { topics } from '@/lib/admin/entities/topics';
import { entityDetailPage, entityMetadata } from '../../_entity/pages';
import { deleteTopicAction, mergeTopicAction, restoreTopicRevisionAction, updateTopicAction } from '../../entity-actions';

export const metadata = entityMetadata('Edit topic');
export default entityDetailPage(topics, { update: updateTopicAction, merge: mergeTopicAction, remove: deleteTopicAction, restore: restoreTopicRevisionAction });
