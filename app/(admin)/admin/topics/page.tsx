// Topics in the back office: every topic with where it is used, and a form to create one.
import { topics } from '@/lib/admin/entities/topics';
import { entityListPage, entityMetadata } from '../_entity/pages';
import { createTopicAction } from '../entity-actions';

export const metadata = entityMetadata('Topics');
export default entityListPage(topics, createTopicAction);
