// The speaker, described once: its fields, paths, schemas and editorial functions, for the one
// actions factory, table, form and detail page that serve every editorial entity.
import 'server-only';
import { speakerChoices, speakerUsage, listSpeakersForEditors } from '@/lib/data/admin';
import { createSpeaker, deleteSpeaker, getSpeakerForEditing, mergeSpeakers, updateSpeaker, type SpeakerSnapshot } from '@/lib/editorial';
import { speakerPath } from '@/lib/urls';
import { createSpeakerSchema, mergeSpeakersSchema, updateSpeakerSchema, type CreateSpeakerInput, type UpdateSpeakerInput } from '@/lib/validation/editorial';
import { linesOf } from '../entity-actions';
import { counted, type EntityDescriptor } from './types';

export const speakers: EntityDescriptor<SpeakerSnapshot, CreateSpeakerInput, UpdateSpeakerInput> = {
  ui: {
    type: 'speaker',
    noun: 'speaker',
    plural: 'speakers',
    title: 'Speakers',
    listPath: '/admin/speakers',
    publicExample: '/speakers/ada-lovelace',
    fields: [
      { name: 'bio', label: 'Bio', control: 'textarea', maxLength: 5000, rows: { create: 4, edit: 6 } },
      {
        name: 'bioSource',
        idPart: 'bio-source',
        label: 'Source of the bio',
        control: 'text',
        hint: 'Where the bio was taken from, if anywhere.',
        maxLength: 300,
        editOnly: true,
      },
      {
        name: 'aliases',
        label: 'Other names',
        control: 'textarea',
        hint: 'One a line: initials or spellings used in transcripts.',
        rows: { create: 3, edit: 4 },
      },
    ],
    columns: [
      { label: 'Passages', numeric: true },
      { label: 'Documents', numeric: true },
    ],
    listNote: 'Documents counts the documents a speaker takes part in (as interviewer, author…).',
    mergeExplanation:
      "For a duplicate: its passages and document roles move to the chosen speaker, its name and other names become that speaker's other names, and its bio is kept if that speaker has none. Then “{name}” is deleted.",
    historyLabels: { name: 'Name', slug: 'Address', bio: 'Bio', bioSource: 'Source of the bio', aliases: 'Other names' },
  },
  publicPath: speakerPath,
  schemas: { create: createSpeakerSchema, update: updateSpeakerSchema, merge: mergeSpeakersSchema },
  input: {
    create: (values) => ({ bio: values.bio, aliases: linesOf(values.aliases) ?? [] }),
    update: (values) => ({ bio: values.bio, bioSource: values.bioSource, aliases: linesOf(values.aliases) }),
  },
  editorial: { get: getSpeakerForEditing, create: createSpeaker, update: updateSpeaker, merge: mergeSpeakers, remove: deleteSpeaker },
  list: async () => (await listSpeakersForEditors()).map((s) => ({ id: s.id, name: s.name, slug: s.slug, cells: [s._count.passages, s._count.participants] })),
  createChoices: async () => [],
  detail: async (speaker) => {
    const [{ passages, documents }, choices] = await Promise.all([speakerUsage(speaker.id), speakerChoices()]);
    const uses = [
      passages > 0 ? `${counted(passages, 'passage is', 'passages are')} attributed to this speaker` : '',
      documents > 0 ? `${counted(documents, 'document names', 'documents name')} this speaker as a participant` : '',
    ].filter(Boolean);
    return {
      counts: [counted(passages, 'passage', 'passages'), counted(documents, 'document', 'documents')],
      blockedReason: uses.length > 0 ? `“${speaker.name}” cannot be deleted: ${uses.join(' and ')}. Merge the speaker into another one instead.` : null,
      mergeChoices: choices.filter((choice) => choice.id !== speaker.id),
      parentChoices: [],
    };
  },
};
