// Every back-office form, field by field, as fast-check arbitraries of symbolic values ("the current
// version of the document", "an anchor it has", "a speaker made by this run") mixed with hostile ones.
// A case is generated once and resolved against the database just before it is sent, so a value
// meant to be valid still is after the previous cases changed things.
import fc from 'fast-check';
import { queryE2e } from './e2e-database';
import { badId, hostileString } from './hostile-values';

export type Entity = 'document' | 'speaker' | 'topic';

/** A field's value before resolution. */
export type Token =
  | { t: 'text'; v: string }
  /** The i-th (mod count) entry made by this run. */
  | { t: 'pool'; entity: Entity; i: number }
  /** The version of the form's subject, plus delta (0 is current, so the save can succeed). */
  | { t: 'version'; delta: number }
  /** The i-th (mod count) anchor of the subject document. */
  | { t: 'anchor'; i: number }
  /** The i-th (mod count) revision version of the subject. */
  | { t: 'revision'; i: number };

const text = (arb: fc.Arbitrary<string>) => arb.map((v): Token => ({ t: 'text', v }));
const hostile = text(hostileString);

function sometimes(valid: fc.Arbitrary<Token>, weight = 3): fc.Arbitrary<Token> {
  return fc.oneof({ weight, arbitrary: valid }, { weight: 1, arbitrary: hostile });
}

const pool = (entity: Entity) => fc.nat(20).map((i): Token => ({ t: 'pool', entity, i }));
/** An id of this run's entries, one that does not exist, or something that is not an id. */
const id = (entity: Entity) => fc.oneof({ weight: 5, arbitrary: pool(entity) }, { weight: 2, arbitrary: text(badId) });
const version = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Token>({ t: 'version', delta: 0 }) },
  { weight: 1, arbitrary: fc.constantFrom<Token>({ t: 'version', delta: -1 }, { t: 'version', delta: 1 }, { t: 'version', delta: -1000 }) },
  { weight: 1, arbitrary: text(badId) },
);
const anchor = fc.oneof({ weight: 5, arbitrary: fc.nat(20).map((i): Token => ({ t: 'anchor', i })) }, { weight: 1, arbitrary: text(badId) });
const literal = (...values: string[]) => text(fc.constantFrom(...values));
const line = sometimes(text(fc.string({ minLength: 1, maxLength: 60 })));
const words = fc.array(fc.constantFrom('river', 'winter', 'Hyesan', 'crossing', 'the', 'ice', 'held', '조선', 'café', '—', '“quoted”'), {
  minLength: 1,
  maxLength: 30,
});
const prose = sometimes(
  text(
    fc
      .array(
        words.map((w) => w.join(' ')),
        { minLength: 1, maxLength: 3 },
      )
      .map((p) => p.join('\n\n')),
  ),
);
const slug = sometimes(text(fc.stringMatching(/^[a-z0-9]{1,12}(-[a-z0-9]{1,8}){0,3}$/).map((s) => `fuzz-${s}`)));
const date = sometimes(literal('2020', '2016-12', '2018-08-28', '1999-02-29', '2020-13', '0000', '2020-02-30', ''));
const message = fc.oneof({ weight: 2, arbitrary: literal('', 'fuzz') }, { weight: 1, arbitrary: hostile });
const confirm = sometimes(literal('yes'), 4);

export interface FormSpec {
  /** The end of the action's key: "<file>#<export>". */
  action: string;
  as: 'editor' | 'admin';
  /** What the version, anchor and revision tokens refer to: the entry named by this field. */
  subject?: { field: string; entity: Entity };
  fields: Record<string, fc.Arbitrary<Token>>;
  /** Whose action it is, when another part of the code than the editorial forms owns it (see below). */
  owner?: 'import' | 'users';
  /**
   * False only where a refused call is known to leave something behind and the fix belongs to the
   * form's owner: then the case still must not fail with a 5xx and must say why it refused.
   */
  refusalWritesNothing?: boolean;
}

const documentStatus = (action: string, as: FormSpec['as'] = 'editor'): FormSpec => ({
  action: `documents/actions.ts#${action}`,
  as,
  subject: { field: 'id', entity: 'document' },
  fields: { id: id('document'), expectedVersion: version, message, confirm },
});

const passageRef = { documentId: id('document'), expectedVersion: version, anchor, message };
const passageForm = (action: string, fields: Record<string, fc.Arbitrary<Token>>): FormSpec => ({
  action: `documents/[id]/passages/actions.ts#${action}`,
  as: 'editor',
  subject: { field: 'documentId', entity: 'document' },
  fields: { ...passageRef, ...fields },
});

const entityForms = (entity: 'speaker' | 'topic', prefix: string, own: Record<string, fc.Arbitrary<Token>>): FormSpec[] => {
  // Speakers and topics share one 'use server' file: one actions factory serves every editorial entity.
  const file = 'admin/entity-actions.ts#';
  const subject = { field: 'id', entity };
  return [
    { action: `${file}create${prefix}Action`, as: 'editor', fields: { ...own, slug, message } },
    {
      action: `${file}update${prefix}Action`,
      as: 'editor',
      subject,
      fields: { ...own, id: id(entity), expectedVersion: version, overwriteVersion: fc.oneof(literal(''), version), slug, message },
    },
    {
      action: `${file}merge${prefix}Action`,
      as: 'editor',
      subject,
      fields: { id: id(entity), targetId: id(entity), expectedVersion: version, confirm, message },
    },
    { action: `${file}delete${prefix}Action`, as: 'editor', subject, fields: { id: id(entity), expectedVersion: version, confirm, message } },
    {
      action: `${file}restore${prefix}RevisionAction`,
      as: 'editor',
      subject,
      fields: {
        id: id(entity),
        version: fc.oneof(
          fc.nat(5).map((i): Token => ({ t: 'revision', i })),
          hostile,
        ),
        expectedVersion: version,
        message,
      },
    },
  ];
};

const passageKind = sometimes(literal('question', 'answer', 'paragraph'));
const participantRows = {
  'participant-speaker-0': sometimes(pool('speaker')),
  'participant-role-0': sometimes(literal('interviewer', 'interviewee', 'author', 'translator', 'editor')),
  'participant-speaker-1': sometimes(pool('speaker')),
  'participant-role-1': sometimes(literal('author', 'interviewee')),
};

/** Every form of the back office, with the fields its action reads. */
export const FORMS: FormSpec[] = [
  {
    action: 'documents/actions.ts#saveDocumentFields',
    as: 'editor',
    subject: { field: 'id', entity: 'document' },
    fields: {
      id: id('document'),
      expectedVersion: version,
      slug,
      kind: sometimes(literal('interview', 'essay', 'speech', 'testimony')),
      title: line,
      subtitle: line,
      summary: prose,
      publisher: line,
      sourceUrl: sometimes(literal('', 'https://example.org/a', 'http://example.org/b?c=d#e')),
      date,
      language: sometimes(literal('en', 'ko', 'en-GB')),
      caption: prose,
      message,
      ...participantRows,
    },
  },
  documentStatus('publish'),
  documentStatus('unpublish'),
  documentStatus('deleteDocument'),
  documentStatus('restoreDocument', 'admin'),
  {
    action: 'documents/new/actions.ts#createDraft',
    as: 'editor',
    fields: {
      title: line,
      slug,
      kind: sometimes(literal('interview', 'essay')),
      date,
      publisher: line,
      sourceUrl: sometimes(literal('', 'https://example.org/')),
      language: sometimes(literal('en', 'ko')),
    },
  },
  {
    action: 'documents/[id]/history/actions.ts#restoreDocumentRevision',
    as: 'editor',
    subject: { field: 'id', entity: 'document' },
    fields: {
      id: id('document'),
      revisionVersion: fc.oneof(
        fc.nat(5).map((i): Token => ({ t: 'revision', i })),
        hostile,
      ),
      expectedVersion: version,
      message,
    },
  },
  passageForm('savePassage', {
    text: prose,
    kind: passageKind,
    speakerId: fc.oneof(literal(''), sometimes(pool('speaker'))),
    questionAnchor: fc.oneof(literal(''), anchor),
  }),
  passageForm('movePassage', { direction: sometimes(literal('up', 'down')) }),
  passageForm('removePassage', { confirm }),
  passageForm('mergeWithNext', { next: anchor }),
  passageForm('split', { paragraph: sometimes(literal('2', '3', '1', '0')) }),
  passageForm('tag', { topicId: id('topic'), remove: sometimes(literal('yes', 'no')) }),
  {
    action: 'documents/[id]/passages/actions.ts#createPassage',
    as: 'editor',
    subject: { field: 'documentId', entity: 'document' },
    fields: {
      documentId: id('document'),
      expectedVersion: version,
      afterAnchor: fc.oneof(literal(''), anchor),
      kind: passageKind,
      speakerId: fc.oneof(literal(''), sometimes(pool('speaker'))),
      questionAnchor: fc.oneof(literal(''), anchor),
      text: prose,
      message,
    },
  },
  ...entityForms('speaker', 'Speaker', {
    name: line,
    bio: prose,
    bioSource: line,
    aliases: sometimes(text(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 6 }).map((a) => a.join('\n')))),
  }),
  ...entityForms('topic', 'Topic', { name: line, description: prose, parentId: fc.oneof(literal(''), id('topic')) }),
  {
    action: 'import/actions.ts#preview',
    as: 'editor',
    owner: 'import',
    fields: {
      raw: sometimes(literal('AB: Where?\n\nCD: Here.', 'One paragraph.\n\nAnother.')),
      kind: sometimes(literal('interview', 'essay')),
      title: line,
      speakers: sometimes(literal('AB = Ann Bell\nCD = Chol Do')),
    },
  },
  {
    action: 'import/actions.ts#save',
    as: 'editor',
    owner: 'import',
    fields: {
      raw: sometimes(literal('Fuzz Talk\n\nFZ: Where did you go?\n\nQY: Over the hill.\n', 'A paragraph of an essay.\n\nAnother one.\n'), 2),
      kind: sometimes(literal('interview', 'essay')),
      speakers: sometimes(literal('FZ = Fuzz Asker\nQY = Quinn Yoon')),
      'speaker-0': fc.oneof(literal('new'), pool('speaker'), hostile),
      'speaker-name-0': line,
      'speaker-1': fc.oneof(literal('new'), pool('speaker'), hostile),
      'keep-0': sometimes(literal('yes')),
      'keep-1': sometimes(literal('yes')),
      'kind-1': passageKind,
      slug,
      documentTitle: line,
      documentKind: sometimes(literal('interview', 'essay')),
      date,
      language: sometimes(literal('en')),
      summary: prose,
    },
  },
  {
    action: 'users/actions.ts#createUserAction',
    as: 'admin',
    owner: 'users',
    // New editor accounts only (an address drawn twice is refused as taken): nobody signs in as them.
    fields: {
      // Also the signed-in accounts' addresses as another case and with spaces: refused as taken, never a second row.
      email: sometimes(
        fc.oneof(
          text(fc.stringMatching(/^[a-z0-9]{1,3}$/).map((s) => `fuzz-${s}@example.org`)),
          literal(' E2E-Admin@Archive.test ', 'e2e-editor@archive.TEST'),
        ),
      ),
      name: line,
      role: sometimes(literal('editor')),
      password: sometimes(literal('correct horse battery staple', 'short')),
    },
  },
  // Existing accounts are never named: a fuzzed role change could lock the next specs out.
  { action: 'users/actions.ts#changeRoleAction', as: 'admin', owner: 'users', fields: { userId: text(badId), role: sometimes(literal('editor', 'admin')) } },
  { action: 'users/actions.ts#setDisabledAction', as: 'admin', owner: 'users', fields: { userId: text(badId), disabled: sometimes(literal('true', 'false')) } },
];

/** A form's fields, each present or left out (as a browser leaves out an unticked checkbox). */
export function formCase(spec: FormSpec): fc.Arbitrary<Partial<Record<string, Token>>> {
  return fc.record(spec.fields, { requiredKeys: [] });
}

// ---------------------------------------------------------------------------------------------
// Resolution against the database

const TABLE: Record<Entity, string> = { document: 'Document', speaker: 'Speaker', topic: 'Topic' };

/** The entries that existed before this run: never named by a case, so the specs after this one find them as they were. */
export interface Baseline {
  maxId: Record<Entity, number>;
}

export async function baselineOf(): Promise<Baseline> {
  const max = async (entity: Entity) => Number((await queryE2e<{ m: number }>(`SELECT coalesce(max(id), 0) AS m FROM ${TABLE[entity]}`))[0].m);
  return { maxId: { document: await max('document'), speaker: await max('speaker'), topic: await max('topic') } };
}

/**
 * An id the database could hold: PostgreSQL's ids are 32-bit (a larger value in a statement is an
 * error there, not a miss), and past them nothing exists on either engine.
 */
export const isStorableId = (id: number) => Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647;

/** The ids this run made, oldest first. */
export async function poolOf(baseline: Baseline, entity: Entity): Promise<number[]> {
  return (await queryE2e<{ id: number }>(`SELECT id FROM ${TABLE[entity]} WHERE id > ? ORDER BY id`, baseline.maxId[entity])).map((r) => r.id);
}

/** Turns a case's tokens into the strings sent. */
export async function resolveCase(baseline: Baseline, spec: FormSpec, tokens: Partial<Record<string, Token>>): Promise<Record<string, string>> {
  const pools = new Map<Entity, number[]>();
  for (const token of Object.values(tokens)) {
    if (token?.t === 'pool' && !pools.has(token.entity)) pools.set(token.entity, await poolOf(baseline, token.entity));
  }
  const plain = (token: Token | undefined): string | undefined => {
    if (!token) return undefined;
    if (token.t === 'text') return token.v;
    if (token.t === 'pool') {
      const ids = pools.get(token.entity)!;
      return ids.length > 0 ? String(ids[token.i % ids.length]) : '987654';
    }
    return undefined;
  };
  const subjectId = spec.subject ? Number(plain(tokens[spec.subject.field])) : NaN;
  const subject = spec.subject && isStorableId(subjectId) ? { entity: spec.subject.entity, id: subjectId } : null;
  const current = subject
    ? (await queryE2e<{ version: number }>(`SELECT version FROM ${TABLE[subject.entity]} WHERE id = ?`, subject.id))[0]?.version
    : undefined;
  const anchors =
    subject?.entity === 'document'
      ? (await queryE2e<{ anchor: number }>('SELECT anchor FROM Passage WHERE documentId = ? ORDER BY position', subject.id)).map((r) => r.anchor)
      : [];
  const versions = subject
    ? (
        await queryE2e<{ version: number }>('SELECT version FROM Revision WHERE entityType = ? AND entityId = ? ORDER BY version', subject.entity, subject.id)
      ).map((r) => r.version)
    : [];

  const resolved: Record<string, string> = {};
  for (const [name, token] of Object.entries(tokens)) {
    if (!token) continue;
    let value = plain(token);
    if (token.t === 'version') value = String((current ?? 1) + token.delta);
    if (token.t === 'anchor') value = anchors.length > 0 ? String(anchors[token.i % anchors.length]) : '1';
    if (token.t === 'revision') value = versions.length > 0 ? String(versions[token.i % versions.length]) : '1';
    if (value !== undefined) resolved[name] = value;
  }
  return resolved;
}
