// The shape of an editorial entity's descriptor: one object a kind of entry (speaker, topic, any to
// come) that drives its actions (lib/admin/entity-actions.ts), its table, its create and edit form
// and its detail page (components/admin/entity/). `ui` is plain data, handed to client components as
// a prop; everything else runs on the server.
import type { Editor } from '@/lib/auth/editor';
import type { Choice } from '@/lib/data/admin';
import type { EditOptions, EditResult } from '@/lib/editorial';
import type { EntityActionInput, MergeEntitiesInput } from '@/lib/validation/editorial';
import type { z } from 'zod';

/** One of the entity's own fields, as the create and edit forms show it (name and address are common to all). */
export interface EntityFieldUi {
  /** The form field's name and the snapshot's key. */
  name: string;
  /** The label on the edit form, the history and the conflict table; the create form adds "(optional)". */
  label: string;
  control: 'text' | 'textarea' | 'parent';
  /** The end of the element id when it is not the name ("bio-source"). */
  idPart?: string;
  hint?: string;
  maxLength?: number;
  rows?: { create: number; edit: number };
  /** Only on the edit form. */
  editOnly?: boolean;
}

export interface EntityUi {
  type: 'speaker' | 'topic';
  noun: string;
  plural: string;
  /** The list page's heading. */
  title: string;
  /** The back office list, /admin/<plural>; an entry's page is listPath/<id>. */
  listPath: string;
  /** An example public address, for the address field's hint. */
  publicExample: string;
  fields: EntityFieldUi[];
  /** The table's own columns, between the address and the links. */
  columns: { label: string; numeric?: boolean }[];
  /** A sentence under the list's count, if the columns want explaining. */
  listNote?: string;
  /** What a merge does, with {name} for the entry merged away. */
  mergeExplanation: string;
  /** Field labels of the revision diff. */
  historyLabels: Record<string, string>;
}

export interface EntityListRow {
  id: number;
  name: string;
  slug: string;
  /** One a column of `ui.columns`; null shows as a dash. */
  cells: (string | number | null)[];
}

/** What a detail page shows besides the entry itself. */
export interface EntityDetailExtras {
  /** Counts for the line under the heading ("3 passages"). */
  counts: string[];
  /** Why the entry cannot be deleted, or null. */
  blockedReason: string | null;
  /** The entries it may be merged into. */
  mergeChoices: Choice[];
  /** The entries the edit form's parent menu offers (topics). */
  parentChoices: Choice[];
  /** The entry above it, shown after the list link (a topic's parent). */
  parent?: Choice;
  /** Entries under it, linked ("Subtopics"). */
  children?: { label: string; entries: Choice[] };
}

export interface EntitySnapshotBase {
  id: number;
  version: number;
  slug: string;
  name: string;
}

type FormValues = Record<string, string>;

export interface EntityDescriptor<S extends EntitySnapshotBase, Create, Update> {
  ui: EntityUi;
  publicPath: (slug: string) => string;
  /** The zod schemas the editorial functions check the inputs with. */
  schemas: { create: z.ZodType<unknown, Create>; update: z.ZodType<unknown, Update>; merge: z.ZodType<unknown, MergeEntitiesInput> };
  /** A form's values as the editorial functions' inputs (the own fields; id, name, slug and message are added). */
  input: {
    create: (values: FormValues) => Omit<Create, 'name' | 'slug' | 'message'>;
    update: (values: FormValues) => Omit<Update, 'id' | 'expectedVersion' | 'name' | 'slug' | 'message'>;
  };
  editorial: {
    get: (id: number) => S | null;
    create: (editor: Editor, input: Create, options?: EditOptions) => Promise<EditResult & { slug: string }>;
    update: (editor: Editor, input: Update, options?: EditOptions) => Promise<EditResult>;
    merge: (editor: Editor, input: MergeEntitiesInput, options?: EditOptions) => Promise<EditResult>;
    remove: (editor: Editor, input: EntityActionInput, options?: EditOptions) => Promise<EditResult>;
  };
  /** The list page's rows. */
  list: () => Promise<EntityListRow[]>;
  /** The menu choices of the create form (a new topic's parent). */
  createChoices: () => Promise<Choice[]>;
  detail: (entry: S) => Promise<EntityDetailExtras>;
}

/** "1 passage", "3 passages". */
export const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
