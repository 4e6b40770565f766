// Speakers: create, edit (name, slug, bio, aliases), merge one into another, delete when unused.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { slugify } from '@/lib/slug';
import { createSpeakerSchema, updateSpeakerSchema } from '@/lib/validation/editorial';
import type { CreateSpeakerInput } from '@/lib/validation/editorial';
import { quoted } from './audit';
import { setChangedColumns } from './columns';
import { parseInput, ValidationError } from './errors';
import { runWrite, type EditOptions, type EditResult } from './history';
import { insertEntryRow, recordCreated } from './new-entry';
import { speakerPaths } from './paths';
import { checkRestoredSlug, referencedEntityEditing, slugTaken, type ReferencedEntitySpec } from './referenced-entity';
import { speakerSnapshot, sql, type SpeakerSnapshot } from './snapshots';
import { nowIso, writerOf, type WriteDb } from '@/lib/db';

export function getSpeakerForEditing(id: number, options?: EditOptions): SpeakerSnapshot | null {
  return speakerSnapshot(writerOf(options).db, id);
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
  if (slugTaken(db, 'Speaker', slug, null)) throw new ValidationError(`The address “${slug}” is taken.`, { slug: ['is taken by another speaker'] });
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

/**
 * Speakers as entries documents point at: an edit's `aliases` replaces the whole list; a merge moves
 * passages and participants (a role the target has in that document already is kept once), aliases
 * (plus the source's name) and, when the target has none, the bio to the target; a delete is refused
 * while a document names the speaker.
 */
const SPEAKER: ReferencedEntitySpec<SpeakerSnapshot, typeof updateSpeakerSchema> = {
  entityType: 'speaker',
  table: 'Speaker',
  documentsOf: documentsOfSpeaker,
  paths: speakerPaths,
  updateSchema: updateSpeakerSchema,
  fields: ['name', 'slug', 'bio', 'bioSource', 'aliases'],
  write: (db, data) => {
    setSpeakerColumns(db, data.id, { slug: data.slug, name: data.name, bio: data.bio, bioSource: data.bioSource });
    if (data.aliases) setAliases(db, data.id, data.aliases);
  },
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
  blocked: (db, before) => {
    const documents = documentsOfSpeaker(db, before.id).length;
    const passages = (sql(db, 'SELECT COUNT(*) AS n FROM Passage WHERE speakerId = ?').get(before.id) as { n: number }).n;
    if (documents === 0) return null;
    return (
      `${quoted(before.name)} cannot be deleted: ${documents === 1 ? 'one document names' : `${documents} documents name`} this speaker` +
      `${passages > 0 ? ` (${passages} passage${passages === 1 ? '' : 's'})` : ''}. Merge the speaker into another one instead, or remove those references first.`
    );
  },
};

export const { update: updateSpeaker, merge: mergeSpeakers, remove: deleteSpeaker } = referencedEntityEditing(SPEAKER);

/** Makes the speaker equal to a snapshot (restoreRevision). */
export function applySpeakerSnapshot(db: WriteDb, current: SpeakerSnapshot, target: SpeakerSnapshot): string[] {
  checkRestoredSlug(db, SPEAKER, current, target);
  setSpeakerColumns(db, current.id, { slug: target.slug, name: target.name, bio: target.bio, bioSource: target.bioSource });
  setAliases(db, current.id, target.aliases);
  return [];
}
