// Snapshots: an entry with everything that belongs to it, as JSON. A revision stores one after every
// saved change; a conflict shows the current one; a restore makes the entry equal to an old one.
// Their shapes are in snapshot-types.ts, the rows they are read from in rows.ts (both named here too).
import 'server-only';
import { isoAtPrecision } from '@/lib/dates';
import { documentRow, sectionRows, sql } from './rows';
import type {
  DocumentSnapshot,
  EntityType,
  ParticipantSnapshot,
  PassageSnapshot,
  SectionSnapshot,
  Snapshot,
  SnapshotOf,
  SpeakerSnapshot,
  TopicSnapshot,
} from './snapshot-types';
import type { WriteDb } from '@/lib/db';

export { documentRow, passageRows, sql, type DocumentRow, type PassageRow } from './rows';
export * from './snapshot-types';
// ---------------------------------------------------------------------------------------------
// Snapshots of the current state

export function documentSnapshot(db: WriteDb, id: number): DocumentSnapshot | null {
  const doc = documentRow(db, id);
  if (!doc) return null;
  const participants = sql(
    db,
    `SELECT p.speakerId AS speakerId, s.slug AS speakerSlug, s.name AS speakerName, p.role AS role
     FROM Participant p JOIN Speaker s ON s.id = p.speakerId
     WHERE p.documentId = ? ORDER BY p.position, p.speakerId, p.role`,
  ).all(id) as ParticipantSnapshot[];
  const passages = sql(
    db,
    `SELECT p.id AS id, p.anchor AS anchor, p.kind AS kind, p.speakerId AS speakerId, s.slug AS speakerSlug,
            s.name AS speakerName, p.text AS text, q.anchor AS questionAnchor, p.startMs AS startMs, p.endMs AS endMs
     FROM Passage p
     LEFT JOIN Speaker s ON s.id = p.speakerId
     LEFT JOIN Passage q ON q.id = p.questionId
     WHERE p.documentId = ? ORDER BY p.position`,
  ).all(id) as (Omit<PassageSnapshot, 'topics'> & { id: number })[];
  const tags = sql(
    db,
    `SELECT pt.passageId AS passageId, t.slug AS slug
     FROM PassageTopic pt JOIN Topic t ON t.id = pt.topicId JOIN Passage p ON p.id = pt.passageId
     WHERE p.documentId = ? ORDER BY t.slug`,
  ).all(id) as { passageId: number; slug: string }[];
  const topicsOf = new Map<number, string[]>();
  for (const tag of tags) {
    const list = topicsOf.get(tag.passageId) ?? [];
    list.push(tag.slug);
    topicsOf.set(tag.passageId, list);
  }
  return {
    type: 'document',
    id: doc.id,
    version: doc.version,
    slug: doc.slug,
    kind: doc.kind,
    title: doc.title,
    subtitle: doc.subtitle,
    summary: doc.summary,
    publisher: doc.publisher,
    sourceUrl: doc.sourceUrl,
    date: isoAtPrecision(doc.publishedOn, doc.datePrecision),
    language: doc.language,
    caption: doc.caption,
    status: doc.status,
    deletedAt: doc.deletedAt,
    participants: participants.map((p) => ({ speakerId: p.speakerId, speakerSlug: p.speakerSlug, speakerName: p.speakerName, role: p.role })),
    passages: passages.map((p) => ({
      anchor: p.anchor,
      kind: p.kind,
      speakerId: p.speakerId,
      speakerSlug: p.speakerSlug,
      speakerName: p.speakerName,
      text: p.text,
      questionAnchor: p.questionAnchor,
      topics: topicsOf.get(p.id) ?? [],
      startMs: p.startMs,
      endMs: p.endMs,
    })),
    recordingUrl: doc.recordingUrl,
    recordingFile: doc.recordingFile,
    recordingType: doc.recordingType,
    sections: sectionSnapshots(db, doc.id),
    nextAnchor: nextAnchor(db, doc.id),
  };
}

/** The document's table of contents, in order. */
function sectionSnapshots(db: WriteDb, documentId: number): SectionSnapshot[] {
  return sectionRows(db, documentId).map(({ title, synopsis, keywords, startAnchor }) => ({ title, synopsis, keywords, startAnchor }));
}

/**
 * A stored snapshot in today's shape. Revisions written before passages had times, documents a
 * recording and a table of contents lack those fields: they read as untimed, without a recording,
 * without sections (which is what the document was then).
 */
export function withCurrentShape<S extends Snapshot>(snapshot: S): S {
  if (snapshot.type !== 'document') return snapshot;
  const doc = snapshot as DocumentSnapshot;
  return {
    ...doc,
    recordingUrl: doc.recordingUrl ?? null,
    recordingFile: doc.recordingFile ?? null,
    recordingType: doc.recordingType ?? null,
    sections: doc.sections ?? [],
    passages: doc.passages.map((p) => ({ ...p, startMs: p.startMs ?? null, endMs: p.endMs ?? null })),
  } as S;
}

export function speakerSnapshot(db: WriteDb, id: number): SpeakerSnapshot | null {
  const row = sql(db, 'SELECT id, slug, name, bio, bioSource, version FROM Speaker WHERE id = ?').get(id) as
    Omit<SpeakerSnapshot, 'type' | 'aliases'> | undefined;
  if (!row) return null;
  const aliases = (sql(db, 'SELECT alias FROM SpeakerAlias WHERE speakerId = ? ORDER BY alias').all(id) as { alias: string }[]).map((a) => a.alias);
  return { type: 'speaker', id: row.id, version: row.version, slug: row.slug, name: row.name, bio: row.bio, bioSource: row.bioSource, aliases };
}

export function topicSnapshot(db: WriteDb, id: number): TopicSnapshot | null {
  const row = sql(
    db,
    `SELECT t.id AS id, t.slug AS slug, t.name AS name, t.description AS description, t.parentId AS parentId,
            p.slug AS parentSlug, t.version AS version
     FROM Topic t LEFT JOIN Topic p ON p.id = t.parentId WHERE t.id = ?`,
  ).get(id) as Omit<TopicSnapshot, 'type'> | undefined;
  if (!row) return null;
  return {
    type: 'topic',
    id: row.id,
    version: row.version,
    slug: row.slug,
    name: row.name,
    description: row.description,
    parentId: row.parentId,
    parentSlug: row.parentSlug,
  };
}

export function snapshotOf<T extends EntityType>(db: WriteDb, entityType: T, id: number): SnapshotOf<T> | null {
  if (entityType === 'document') return documentSnapshot(db, id) as SnapshotOf<T> | null;
  if (entityType === 'speaker') return speakerSnapshot(db, id) as SnapshotOf<T> | null;
  return topicSnapshot(db, id) as SnapshotOf<T> | null;
}

/** The snapshot without what is not content (version, anchor bookkeeping), for "did anything change?". */
export function contentOf(snapshot: Snapshot): string {
  const { version: _version, nextAnchor: _nextAnchor, ...content } = snapshot as Snapshot & { nextAnchor?: number };
  return JSON.stringify(content);
}

export function sameContent(a: Snapshot, b: Snapshot): boolean {
  return contentOf(a) === contentOf(b);
}

// ---------------------------------------------------------------------------------------------
// Anchors

/**
 * The next anchor a document may give, so that no anchor is ever given twice, even after the
 * passage that had it was deleted, merged away or restored out of existence.
 *
 * There is no column for it (the schema is not ours to change); the revision history keeps it.
 * Every change writes a revision whose snapshot holds every passage present after the change, and
 * a baseline revision is written before the first change, so every anchor the document ever had is
 * in a revision. Each snapshot also records `nextAnchor` = max(the previous latest revision's
 * `nextAnchor`, highest current anchor + 1), which never goes down: the latest revision's value is
 * above every anchor ever given, and reading it is one indexed lookup. Revisions written by anyone
 * else without that field are read the slow way, from their passages.
 */
export function nextAnchor(db: WriteDb, documentId: number): number {
  const current = (sql(db, 'SELECT MAX(anchor) AS max FROM Passage WHERE documentId = ?').get(documentId) as { max: number | null }).max ?? 0;
  // Snapshots are parsed here rather than with json_extract/json_each, which are SQLite's alone.
  const revisions = sql(db, `SELECT snapshot FROM Revision WHERE entityType = 'document' AND entityId = ? ORDER BY version DESC`).pluck();
  const latest = sql(db, `SELECT snapshot FROM Revision WHERE entityType = 'document' AND entityId = ? ORDER BY version DESC LIMIT 1`)
    .pluck()
    .get(documentId) as string | undefined;
  let recorded = 0;
  const next = latest === undefined ? undefined : parsed<{ nextAnchor?: unknown }>(latest)?.nextAnchor;
  if (typeof next === 'number') {
    recorded = next - 1;
  } else if (latest !== undefined) {
    for (const json of revisions.all(documentId) as string[]) {
      for (const passage of parsed<{ passages?: { anchor?: unknown }[] }>(json)?.passages ?? []) {
        if (typeof passage.anchor === 'number' && passage.anchor > recorded) recorded = passage.anchor;
      }
    }
  }
  return Math.max(current, recorded) + 1;
}

/** A stored snapshot (JSON text) parsed; undefined when it does not parse. */
function parsed<T>(json: string): T | undefined {
  try {
    return JSON.parse(json) as T;
  } catch {
    return undefined;
  }
}
