// The topic, described once: its fields, paths, schemas and editorial functions, for the one actions
// factory, table, form and detail page that serve every editorial entity.
import 'server-only';
import { listTopicsForEditors, topicChoices, topicPassageCount, topicPlace } from '@/lib/data/admin';
import { createTopic, deleteTopic, getTopicForEditing, mergeTopics, updateTopic, type TopicSnapshot } from '@/lib/editorial';
import { topicPath } from '@/lib/urls';
import { createTopicSchema, mergeTopicsSchema, updateTopicSchema, type CreateTopicInput, type UpdateTopicInput } from '@/lib/validation/editorial';
import { counted, type EntityDescriptor } from './types';

export const topics: EntityDescriptor<TopicSnapshot, CreateTopicInput, UpdateTopicInput> = {
  ui: {
    type: 'topic',
    noun: 'topic',
    plural: 'topics',
    title: 'Topics',
    listPath: '/admin/topics',
    publicExample: '/topics/human-rights',
    fields: [
      { name: 'description', label: 'Description', control: 'textarea', maxLength: 2000, rows: { create: 3, edit: 4 } },
      { name: 'parentId', idPart: 'parent', label: 'Parent topic', control: 'parent', hint: 'The broader topic this one sits under, if any.' },
    ],
    columns: [{ label: 'Parent' }, { label: 'Passages', numeric: true }],
    mergeExplanation:
      'For a duplicate: the passages tagged with it are tagged with the chosen topic instead, and its subtopics move under that topic. Then “{name}” is deleted.',
    historyLabels: { name: 'Name', slug: 'Address', description: 'Description', parentSlug: 'Parent topic (address)' },
  },
  publicPath: topicPath,
  schemas: { create: createTopicSchema, update: updateTopicSchema, merge: mergeTopicsSchema },
  input: {
    // "" is "no parent".
    create: (values) => ({ description: values.description, parentId: values.parentId ?? '' }),
    update: (values) => ({ description: values.description, parentId: values.parentId }),
  },
  editorial: { get: getTopicForEditing, create: createTopic, update: updateTopic, merge: mergeTopics, remove: deleteTopic },
  list: async () => (await listTopicsForEditors()).map((t) => ({ id: t.id, name: t.name, slug: t.slug, cells: [t.parent?.name ?? null, t._count.passages] })),
  createChoices: topicChoices,
  detail: async (topic) => {
    const [passages, place] = await Promise.all([topicPassageCount(topic.id), topicPlace(topic.id, topic.parentId)]);
    const uses = [
      passages > 0 ? `${counted(passages, 'passage is', 'passages are')} tagged with it` : '',
      place.subtopics.length > 0 ? `${counted(place.subtopics.length, 'topic sits', 'topics sit')} under it` : '',
    ].filter(Boolean);
    return {
      counts: [counted(passages, 'passage', 'passages')],
      blockedReason: uses.length > 0 ? `“${topic.name}” cannot be deleted: ${uses.join(' and ')}. Merge it into another topic instead.` : null,
      mergeChoices: place.choices.filter((choice) => choice.id !== topic.id),
      parentChoices: place.allowedParents,
      parent: place.parent,
      children: { label: 'Subtopics', entries: place.subtopics },
    };
  },
};
