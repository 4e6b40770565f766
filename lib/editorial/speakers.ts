// Speakers: create, edit (name, slug, bio, aliases), merge one into another, delete when unused.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { slugify } from '@/lib/slug';
import { createSpeakerSchema, entityActionSchema, mergeSpeakersSchema, updateSpeakerSchema } from '@/lib/validation/editorial';
import type { CreateSpeakerInput, EntityActionInput, MergeEntitiesInput, UpdateSpeakerInput } from '@/lib/validation/editorial';
import { changedAmong, quoted } from './audit';
import { setChangedColumns } from './columns';
import { deleteEntity, mergeEntities, type MergeSpec } from './entity-merge';
import { EditorialError, parseInput, ValidationError } from './errors';
import { editFields } from './field-edit';
import { runWrite, type EditOptions, type EditResult } from './history';
import { insertEntryRow, recordCreated } from './new-entry';
import { speakerPaths } from './paths';
import { speakerSnapshot, sql, type SpeakerSnapshot } from './snapshots';
import { nowIso, writerOf, type WriteDb } from '@/lib/db';

export function getSpeakerForEditing(id: number, options?: EditOptions): SpeakerSnapshot | null {
  return speakerSnapshot(writerOf(options).db, id);
}

function slugTaken(db: WriteDb, slug: string, exceptId: number | null): boolean {
  return sql(db, 'SELECT 1 FROM Speaker WHERE slug = ? AND id IS DISTINCT FROM ?').get(slug, exceptId) !== undefined;
}

/** Makes the speaker's aliases exactly `aliases`. */
function setAliases(db: WriteDb, speakerId: number, aliases: string[]): void {
  const current = (sql(db, 'SELECT alias FROM SpeakerAlias WHERE speakerId = ?').all(speakerId) as { alias: string }[]).map((a) => a.alias);
  for (const alias of current) if (!aliases.includes(alias)) sql(db, 'DELETE FROM SpeakerAlias WHERE speakerId = ? AND alias = ?').run(speakerId, alias);
  for (const alias of aliases) if (!current.includes(alias)) sql(db, 'INSERT INTO SpeakerAlias (speakerId, alias) VALUES (?, ?)').run(speakerId, alias);
}

interface SpeakerColumns {
  slug?: string;
  name?: string;
  bio?: string | null;
  bioSource?: string | null;
}

function setSpeakerColumns(db: WriteDb, id: number, next: SpeakerColumns): void {
  const current = sql(db, 'SELECT slug, name, bio, bioSource FROM Speaker WHERE id = ?').get(id) as Required<SpeakerColumns>;
  setChangedColumns(db, 'Speaker', id, current, next);
}

/** Ids of the documents that name the speaker (as participant or on a passage). */
function documentsOfSpeaker(db: WriteDb, speakerId: number): number[] {
  return (
    sql(db, `SELECT documentId FROM Participant WHERE speakerId = ? UNION SELECT documentId FROM Passage WHERE speakerId = ? ORDER BY 1`).all(
      speakerId,
      speakerId,
    ) as { documentId: number }[]
  ).map((r) => r.documentId);
}

/** A new speaker's checked input and its address, or why it is refused; nothing is written. */
export function checkNewSpeaker(input: CreateSpeakerInput): { data: ReturnType<typeof createSpeakerSchema.parse>; slug: string } {
  const data = parseInput(createSpeakerSchema, input);
  const slug = data.slug ?? slugify(data.name);
  if (!slug) throw new ValidationError('The name makes no address.', { slug: ['give an address: the name has no letters or digits to make one'] });
  return { data, slug };
}

/**
 * Writes a checked new speaker, its revision and its audit entry inside the caller's transaction
 * (so a document imported with it can be written in the same one).
 */
export function insertSpeaker(db: WriteDb, editor: Editor, checked: ReturnType<typeof checkNewSpeaker>, options?: EditOptions): EditResult & { slug: string } {
  const { data, slug } = checked;
  if (slugTaken(db, slug, null)) throw new ValidationError(`The address “${slug}” is taken.`, { slug: ['is taken by another speaker'] });
  const id = insertEntryRow(db, 'speaker', { slug, name: data.name, bio: data.bio ?? null, bioSource: data.bioSource ?? null });
  setAliases(db, id, data.aliases);
  return recordCreated(db, editor, {
    entityType: 'speaker',
    id,
    slug,
    message: data.message,
    summary: `Created the speaker ${quoted(data.name)} (${slug})`,
    ip: options?.ip,
    paths: (snapshot) => speakerPaths(db, [snapshot], []),
  });
}

/** Creates a speaker (slug made from the name when not given). */
export async function createSpeaker(editor: Editor, input: CreateSpeakerInput, options?: EditOptions): Promise<EditResult & { slug: string }> {
  const checked = checkNewSpeaker(input);
  return runWrite(options, (db) => insertSpeaker(db, editor, checked, options));
}

/** Changes the fields given; `aliases` replaces the whole list. */
export async function updateSpeaker(editor: Editor, input: UpdateSpeakerInput, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(updateSpeakerSchema, input);
  return editFields(
    editor,
    'speaker',
    data,
    {
      write: (db) => {
        setSpeakerColumns(db, data.id, { slug: data.slug, name: data.name, bio: data.bio, bioSource: data.bioSource });
        if (data.aliases) setAliases(db, data.id, data.aliases);
      },
      changed: (before, after) => changedAmong(['name', 'slug', 'bio', 'bioSource', 'aliases'], before, after),
      name: (after) => `the speaker ${quoted(after.name)}`,
      paths: (before, after, db) => speakerPaths(db, [before, after], [data.id]),
    },
    options,
  );
}

/** What points at a speaker, for the shared merge and delete (entity-merge.ts). */
const SPEAKER: MergeSpec<SpeakerSnapshot> = {
  entityType: 'speaker',
  table: 'Speaker',
  documentsOf: documentsOfSpeaker,
  paths: speakerPaths,
  move: (db, target, source) => {
    sql(db, 'UPDATE Passage SET speakerId = ?, updatedAt = ? WHERE speakerId = ?').run(target.id, nowIso(), source.id);
    // The source's roles the target does not have yet move to it (SQLite's UPDATE OR IGNORE, said in SQL PostgreSQL reads too).
    sql(
      db,
      `UPDATE Participant SET speakerId = ? WHERE speakerId = ?
       AND NOT EXISTS (SELECT 1 FROM Participant o WHERE o.documentId = Participant.documentId AND o.role = Participant.role AND o.speakerId = ?)`,
    ).run(target.id, source.id, target.id);
    sql(db, 'DELETE FROM Participant WHERE speakerId = ?').run(source.id);
    const aliases = new Set([...target.aliases, ...source.aliases]);
    if (source.name !== target.name) aliases.add(source.name);
    setAliases(db, target.id, [...aliases]);
    if (!target.bio && source.bio) setSpeakerColumns(db, target.id, { bio: source.bio, bioSource: source.bioSource });
    return [];
  },
};

/**
 * Merges speaker `sourceId` into `targetId`: passages and participants (a role the target has in that
 * document already is kept once), aliases (plus the source's name) and, when the target has none,
 * the bio move to the target; the source is deleted.
 */
export async function mergeSpeakers(editor: Editor, input: MergeEntitiesInput, options?: EditOptions): Promise<EditResult & { merged: number }> {
  return mergeEntities(editor, SPEAKER, parseInput(mergeSpeakersSchema, input), options);
}

/** Deletes a speaker that no document names. Otherwise an EditorialError says where it is used. */
export async function deleteSpeaker(editor: Editor, input: EntityActionInput, options?: EditOptions): Promise<EditResult> {
  return deleteEntity(
    editor,
    SPEAKER,
    parseInput(entityActionSchema, input),
    (db, before) => {
      const documents = documentsOfSpeaker(db, before.id).length;
      const passages = (sql(db, 'SELECT COUNT(*) AS n FROM Passage WHERE speakerId = ?').get(before.id) as { n: number }).n;
      if (documents === 0) return null;
      return (
        `${quoted(before.name)} cannot be deleted: ${documents === 1 ? 'one document names' : `${documents} documents name`} this speaker` +
        `${passages > 0 ? ` (${passages} passage${passages === 1 ? '' : 's'})` : ''}. Merge the speaker into another one instead, or remove those references first.`
      );
    },
    options,
  );
}

/** Makes the speaker equal to a snapshot (restoreRevision). */
export function applySpeakerSnapshot(db: WriteDb, current: SpeakerSnapshot, target: SpeakerSnapshot): string[] {
  if (target.slug !== current.slug && slugTaken(db, target.slug, current.id)) {
    throw new EditorialError(`Version ${target.version} had the address “${target.slug}”, which another speaker has now; change that one first.`);
  }
  setSpeakerColumns(db, current.id, { slug: target.slug, name: target.name, bio: target.bio, bioSource: target.bioSource });
  setAliases(db, current.id, target.aliases);
  return [];
}
