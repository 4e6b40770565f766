// Low-level writes shared by the editorial operations. All run inside a writer transaction; none
// checks versions or records history (lib/editorial/history.ts does that around them).
import 'server-only';
import { EditorialError, NotFoundError, ValidationError } from './errors';
import { sql, type ParticipantRole, type PassageKind, type PassageRow } from './snapshots';
import { nowIso, type WriteDb } from '@/lib/db';

// ---------------------------------------------------------------------------------------------
// Passages

export function passageByAnchor(db: WriteDb, documentId: number, anchor: number): PassageRow {
  const row = sql(
    db,
    'SELECT id, documentId, position, anchor, kind, speakerId, text, questionId, startMs, endMs FROM Passage WHERE documentId = ? AND anchor = ?',
  ).get(documentId, anchor) as PassageRow | undefined;
  if (!row) throw new NotFoundError(`This document has no passage ${anchor}.`);
  return row;
}

/**
 * Puts the document's passages in the given order, positions 1…n. Positions are unique per
 * document, so the current ones first move out of the way (to large negative numbers; new passages
 * are inserted at small negative ones), then each takes its place: no two rows ever share a position.
 */
export function arrangePassages(db: WriteDb, documentId: number, orderedIds: number[]): void {
  const all = (sql(db, 'SELECT id FROM Passage WHERE documentId = ?').all(documentId) as { id: number }[]).map((r) => r.id);
  const wanted = new Set(orderedIds);
  if (wanted.size !== orderedIds.length || all.length !== orderedIds.length || all.some((id) => !wanted.has(id))) {
    throw new EditorialError('The new order does not hold every passage of the document exactly once; nothing was changed.');
  }
  sql(db, 'UPDATE Passage SET position = -1000000000 - position WHERE documentId = ? AND position >= 0').run(documentId);
  const place = sql(db, 'UPDATE Passage SET position = ? WHERE id = ?');
  orderedIds.forEach((id, index) => place.run(index + 1, id));
}

export interface NewPassageRow {
  documentId: number;
  anchor: number;
  kind: PassageKind;
  speakerId: number | null;
  text: string;
  questionId: number | null;
  /** Where it is spoken in the document's recording (milliseconds); absent or null when untimed. */
  startMs?: number | null;
  endMs?: number | null;
  /** A temporary position below zero, distinct among the passages inserted before the next arrangePassages(). */
  temporaryPosition: number;
}

export function insertPassage(db: WriteDb, passage: NewPassageRow): number {
  if (passage.temporaryPosition >= 0) throw new Error('insertPassage needs a temporary position below zero');
  const now = nowIso();
  const result = sql(
    db,
    `INSERT INTO Passage (documentId, position, anchor, kind, speakerId, text, questionId, startMs, endMs, createdAt, updatedAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    passage.documentId,
    passage.temporaryPosition,
    passage.anchor,
    passage.kind,
    passage.speakerId,
    passage.text,
    passage.questionId,
    passage.startMs ?? null,
    passage.endMs ?? null,
    now,
    now,
  );
  return Number(result.lastInsertRowid);
}

/** Updates the passage's columns that differ; the search index follows through the triggers. */
export function updatePassageRow(
  db: WriteDb,
  current: PassageRow,
  next: Partial<Pick<PassageRow, 'kind' | 'speakerId' | 'text' | 'questionId' | 'startMs' | 'endMs'>>,
): boolean {
  const columns = (['kind', 'speakerId', 'text', 'questionId', 'startMs', 'endMs'] as const).filter((c) => next[c] !== undefined && next[c] !== current[c]);
  if (columns.length === 0) return false;
  sql(db, `UPDATE Passage SET ${columns.map((c) => `"${c}" = ?`).join(', ')}, updatedAt = ? WHERE id = ?`).run(
    ...columns.map((c) => next[c] ?? null),
    nowIso(),
    current.id,
  );
  return true;
}

export function topicIdsOf(db: WriteDb, passageId: number): number[] {
  return (sql(db, 'SELECT topicId FROM PassageTopic WHERE passageId = ? ORDER BY topicId').all(passageId) as { topicId: number }[]).map((r) => r.topicId);
}

/** Makes the passage's topics exactly `topicIds`. */
export function setPassageTopics(db: WriteDb, passageId: number, topicIds: number[]): void {
  const wanted = new Set(topicIds);
  const current = new Set(topicIdsOf(db, passageId));
  for (const id of current) if (!wanted.has(id)) sql(db, 'DELETE FROM PassageTopic WHERE passageId = ? AND topicId = ?').run(passageId, id);
  for (const id of wanted) if (!current.has(id)) sql(db, 'INSERT INTO PassageTopic (passageId, topicId) VALUES (?, ?)').run(passageId, id);
}

// ---------------------------------------------------------------------------------------------
// References, checked

export function requireSpeaker(db: WriteDb, speakerId: number | null, field = 'speakerId'): void {
  if (speakerId === null) return;
  if (!sql(db, 'SELECT 1 FROM Speaker WHERE id = ?').get(speakerId)) {
    throw new ValidationError('The speaker does not exist.', { [field]: [`speaker ${speakerId} does not exist`] });
  }
}

export function requireTopics(db: WriteDb, topicIds: number[], field = 'topicIds'): void {
  const missing = topicIds.filter((id) => !sql(db, 'SELECT 1 FROM Topic WHERE id = ?').get(id));
  if (missing.length > 0) {
    throw new ValidationError('A topic does not exist.', { [field]: [`topic ${missing.join(', ')} does not exist`] });
  }
}

/** The id of the question an answer answers, given by its anchor in the same document. */
export function questionIdFor(db: WriteDb, documentId: number, questionAnchor: number | null, kind: PassageKind): number | null {
  if (questionAnchor === null) return null;
  if (kind !== 'answer') {
    throw new ValidationError('Only an answer answers a question.', { questionAnchor: ['only an answer can answer a question'] });
  }
  const question = sql(db, 'SELECT id, kind FROM Passage WHERE documentId = ? AND anchor = ?').get(documentId, questionAnchor) as
    { id: number; kind: PassageKind } | undefined;
  if (!question || question.kind !== 'question') {
    throw new ValidationError('The question does not exist.', { questionAnchor: [`passage ${questionAnchor} is not a question of this document`] });
  }
  return question.id;
}

/** Replaces the document's participants when they differ, in the order given. */
export function setParticipants(db: WriteDb, documentId: number, participants: { speakerId: number; role: ParticipantRole }[]): void {
  const current = sql(db, 'SELECT speakerId, role FROM Participant WHERE documentId = ? ORDER BY position, speakerId, role').all(documentId) as {
    speakerId: number;
    role: ParticipantRole;
  }[];
  if (JSON.stringify(current) === JSON.stringify(participants.map((p) => ({ speakerId: p.speakerId, role: p.role })))) return;
  for (const p of participants) requireSpeaker(db, p.speakerId, 'participants');
  sql(db, 'DELETE FROM Participant WHERE documentId = ?').run(documentId);
  const insert = sql(db, 'INSERT INTO Participant (documentId, speakerId, role, position) VALUES (?, ?, ?, ?)');
  participants.forEach((p, position) => insert.run(documentId, p.speakerId, p.role, position));
}

export function documentSlugTaken(db: WriteDb, slug: string, exceptId: number | null): boolean {
  return sql(db, 'SELECT 1 FROM Document WHERE slug = ? AND id IS DISTINCT FROM ?').get(slug, exceptId) !== undefined;
}

// ---------------------------------------------------------------------------------------------
// Following merges through history (for restores of snapshots older than a merge)

/** The entry `id` is now: itself if it exists, else where it was merged (its last revision's `mergedInto`), followed. */
function followMerges(db: WriteDb, entityType: 'speaker' | 'topic', start: number | null): number | null {
  const table = entityType === 'speaker' ? 'Speaker' : 'Topic';
  let id = start;
  for (let hops = 0; id !== null && hops < 20; hops++) {
    if (sql(db, `SELECT 1 FROM ${table} WHERE id = ?`).get(id)) return id;
    // The snapshot is read here, not with json_extract (SQLite's; PostgreSQL's JSON functions differ).
    const merged = sql(db, 'SELECT snapshot FROM Revision WHERE entityType = ? AND entityId = ? ORDER BY version DESC LIMIT 1').get(entityType, id) as
      { snapshot: string } | undefined;
    id = merged ? (snapshotField(merged.snapshot, (s) => s.mergedInto?.id) ?? null) : null;
  }
  return null;
}

/**
 * The speaker a snapshot's speaker is now: the same id if it still exists, else where it was merged
 * (the merge's last revision of the source records `mergedInto`), else one with the same slug.
 */
export function resolveSpeaker(db: WriteDb, speakerId: number | null, slug: string | null): number | null {
  const id = followMerges(db, 'speaker', speakerId);
  if (id !== null) return id;
  if (slug) {
    const bySlug = sql(db, 'SELECT id FROM Speaker WHERE slug = ?').get(slug) as { id: number } | undefined;
    if (bySlug) return bySlug.id;
  }
  return null;
}

/** The topic a snapshot's topic slug is now: by slug, else by the topic that had that slug, followed through merges. */
export function resolveTopic(db: WriteDb, slug: string): number | null {
  const bySlug = sql(db, 'SELECT id FROM Topic WHERE slug = ?').get(slug) as { id: number } | undefined;
  if (bySlug) return bySlug.id;
  // The topic revisions that mention the slug (LIKE only narrows them: it may match elsewhere in the
  // snapshot, and ignores case on SQLite), newest first; the first whose own slug it is wins.
  const candidates = sql(db, `SELECT entityId, snapshot FROM Revision WHERE entityType = 'topic' AND snapshot LIKE ? ORDER BY id DESC`).all(
    `%${JSON.stringify(slug)}%`,
  ) as { entityId: number; snapshot: string }[];
  const had = candidates.find((row) => snapshotField(row.snapshot, (s) => s.slug) === slug);
  return followMerges(db, 'topic', had?.entityId ?? null);
}

/** A field of a stored snapshot (JSON text); undefined when the text does not parse. */
function snapshotField<T>(json: string, pick: (snapshot: { slug?: string; mergedInto?: { id?: number } }) => T): T | undefined {
  try {
    return pick(JSON.parse(json));
  } catch {
    return undefined;
  }
}
