// Documents: create, edit every field, publish and unpublish, delete (softly) and restore.
// Every function validates its input, runs as one IMMEDIATE transaction on the writer, checks the
// version the editor started from, and records a revision and an audit event. No auth checks here:
// the caller checks the session (restoreDeletedDocument is for admins).
import type { Editor } from '@/lib/auth/editor';
import { parsePartialDate } from '@/lib/dates';
import {
  createDocumentSchema,
  documentActionSchema,
  updateDocumentSchema,
  type CreateDocumentInput,
  type CreateSpeakerInput,
  type DocumentActionInput,
  type UpdateDocumentInput,
} from '@/lib/validation/editorial';
import { recordAudit } from './audit';
import { EditorialError, NotFoundError, parseInput, ValidationError } from './errors';
import { changeEntry, runWrite, writeRevision, type EditOptions, type EditResult } from './history';
import { documentPaths } from './paths';
import { checkNewSpeaker, insertSpeaker } from './speakers';
import { documentRow, documentSnapshot, passageRows, sql, type DocumentRow, type DocumentSnapshot, type PassageRow } from './snapshots';
import {
  arrangePassages,
  documentSlugTaken,
  insertPassage,
  requireSpeaker,
  requireTopics,
  resolveSpeaker,
  resolveTopic,
  setParticipants,
  setPassageTopics,
  updatePassageRow,
} from './store';
import { nowIso, writerOf, type WriteDb } from '@/lib/db';

const quoted = (title: string) => `“${title}”`;

/** The document as an editor sees it (drafts and deleted ones included), or null. */
export function getDocumentForEditing(id: number, options?: EditOptions): DocumentSnapshot | null {
  return documentSnapshot(writerOf(options).db, id);
}

/** A document's id by its slug (drafts and deleted ones included), or null. */
export function findDocumentId(slug: string, options?: EditOptions): number | null {
  const row = sql(writerOf(options).db, 'SELECT id FROM Document WHERE slug = ?').get(slug) as { id: number } | undefined;
  return row?.id ?? null;
}

// ---------------------------------------------------------------------------------------------
// Create

/** A new document's checked input, or why it is refused; nothing is written. */
function checkNewDocument(input: CreateDocumentInput) {
  const data = parseInput(createDocumentSchema, input);
  data.passages.forEach((passage, index) => {
    if (passage.questionIndex === null) return;
    const question = data.passages[passage.questionIndex];
    if (passage.kind !== 'answer' || passage.questionIndex >= index || question?.kind !== 'question') {
      throw new ValidationError('A passage answers no earlier question.', {
        passages: [`passage ${index + 1} must be an answer to an earlier question`],
      });
    }
  });
  return data;
}

/** Writes a checked new draft, its revision and its audit entry inside the caller's transaction. */
function insertDocument(db: WriteDb, editor: Editor, data: ReturnType<typeof checkNewDocument>, options?: EditOptions): EditResult & { slug: string } {
  const period = parsePartialDate(data.date)!;
  if (documentSlugTaken(db, data.slug, null)) {
    throw new ValidationError('The address is taken.', { slug: ['is taken by another document'] });
  }
  for (const p of data.passages) requireSpeaker(db, p.speakerId, 'passages');
  requireTopics(db, [...new Set(data.passages.flatMap((p) => p.topicIds))], 'passages');
  const now = nowIso();
  const id = Number(
    sql(
      db,
      `INSERT INTO Document (slug, kind, title, subtitle, summary, publisher, sourceUrl, publishedOn, publishedUntil, datePrecision,
                             language, caption, status, version, createdAt, updatedAt)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'draft', 1, ?, ?)`,
    ).run(
      data.slug,
      data.kind,
      data.title,
      data.subtitle ?? null,
      data.summary ?? null,
      data.publisher ?? null,
      data.sourceUrl ?? null,
      period.start,
      period.end,
      period.precision,
      data.language,
      data.caption ?? null,
      now,
      now,
    ).lastInsertRowid,
  );
  setParticipants(db, id, data.participants);
  const ids: number[] = [];
  data.passages.forEach((p, index) => {
    const passageId = insertPassage(db, {
      documentId: id,
      anchor: index + 1,
      kind: p.kind,
      speakerId: p.speakerId,
      text: p.text,
      questionId: p.questionIndex === null ? null : ids[p.questionIndex],
      temporaryPosition: -(index + 1),
    });
    setPassageTopics(db, passageId, p.topicIds);
    ids.push(passageId);
  });
  arrangePassages(db, id, ids);
  const snapshot = documentSnapshot(db, id)!;
  writeRevision(db, snapshot, editor, data.message ?? 'Created');
  recordAudit(db, {
    editor,
    action: 'create',
    entityType: 'document',
    entityId: id,
    summary: `Created the draft ${quoted(data.title)} (${data.slug}) with ${ids.length} passages`,
    ip: options?.ip,
  });
  return { entityType: 'document', id, slug: data.slug, version: 1, changed: true, paths: [], warnings: [] };
}

/** Creates a draft, with passages if given (anchors 1…n). Its version 1 is recorded as a revision. */
export async function createDocument(
  editor: Editor,
  input: CreateDocumentInput,
  options?: EditOptions,
): Promise<EditResult & { slug: string }> {
  const data = checkNewDocument(input);
  return runWrite(options, (db) => insertDocument(db, editor, data, options));
}

/**
 * Creates new speakers and a draft that names them as one transaction, each with its revision and
 * audit entry, as an import needs: `document` is given the new speakers' ids (in the order given) to
 * build the draft. If anything is refused, a speaker's address taken or a passage of the draft,
 * nothing is written: no speaker is left behind without the document that brought it.
 */
export async function createDocumentWithSpeakers(
  editor: Editor,
  input: { speakers: CreateSpeakerInput[]; document: (speakerIds: number[]) => CreateDocumentInput },
  options?: EditOptions,
): Promise<EditResult & { slug: string; speakers: (EditResult & { slug: string })[] }> {
  const speakers = input.speakers.map((speaker) => checkNewSpeaker(speaker));
  return runWrite(options, (db) => {
    const created = speakers.map((speaker) => insertSpeaker(db, editor, speaker, options));
    const data = checkNewDocument(input.document(created.map((s) => s.id)));
    const document = insertDocument(db, editor, data, options);
    return { ...document, paths: [...new Set(created.flatMap((s) => s.paths))], speakers: created };
  });
}

// ---------------------------------------------------------------------------------------------
// Fields

type DocumentColumns = Partial<
  Pick<
    DocumentRow,
    | 'slug'
    | 'kind'
    | 'title'
    | 'subtitle'
    | 'summary'
    | 'publisher'
    | 'sourceUrl'
    | 'publishedOn'
    | 'publishedUntil'
    | 'datePrecision'
    | 'language'
    | 'caption'
    | 'status'
    | 'deletedAt'
  >
>;

/** Writes the columns that differ (a title only when it changed: its trigger re-indexes every passage). */
function setDocumentColumns(db: WriteDb, id: number, next: DocumentColumns): void {
  const current = documentRow(db, id)!;
  const columns = (Object.keys(next) as (keyof DocumentColumns)[]).filter((c) => next[c] !== undefined && next[c] !== current[c]);
  if (columns.length === 0) return;
  if (next.slug !== undefined && next.slug !== current.slug && documentSlugTaken(db, next.slug, id)) {
    throw new ValidationError('The address is taken.', { slug: ['is taken by another document'] });
  }
  sql(db, `UPDATE Document SET ${columns.map((c) => `"${c}" = ?`).join(', ')}, updatedAt = ? WHERE id = ?`).run(
    ...columns.map((c) => next[c] ?? null),
    nowIso(),
    id,
  );
}

function periodColumns(date: string | undefined): DocumentColumns {
  if (date === undefined) return {};
  const period = parsePartialDate(date)!;
  return { publishedOn: period.start, publishedUntil: period.end, datePrecision: period.precision };
}

function changedFieldNames(before: DocumentSnapshot, after: DocumentSnapshot): string[] {
  const fields = (['slug', 'kind', 'title', 'subtitle', 'summary', 'publisher', 'sourceUrl', 'date', 'language', 'caption'] as const).filter(
    (f) => before[f] !== after[f],
  ) as string[];
  if (JSON.stringify(before.participants) !== JSON.stringify(after.participants)) fields.push('participants');
  return fields;
}

/** Changes the fields given (title, subtitle, summary, publisher, sourceUrl, date, language, caption, kind, slug, participants). */
export async function updateDocumentFields(editor: Editor, input: UpdateDocumentInput, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(updateDocumentSchema, input);
  return changeEntry(
    editor,
    {
      entityType: 'document',
      id: data.id,
      expectedVersion: data.expectedVersion,
      attempted: data,
      message: data.message,
      mutate: (_before, db) => {
        setDocumentColumns(db, data.id, {
          slug: data.slug,
          kind: data.kind,
          title: data.title,
          subtitle: data.subtitle,
          summary: data.summary,
          publisher: data.publisher,
          sourceUrl: data.sourceUrl,
          language: data.language,
          caption: data.caption,
          ...periodColumns(data.date),
        });
        if (data.participants) setParticipants(db, data.id, data.participants);
      },
      describe: (_r, before, after) => {
        const fields = changedFieldNames(before, after);
        return { action: 'update', summary: `Edited ${fields.join(', ')} of ${quoted(after.title)}`, message: `Edited ${fields.join(', ')}` };
      },
      paths: documentPaths,
    },
    options,
  ).edit;
}

// ---------------------------------------------------------------------------------------------
// Publication and deletion

function statusChange(
  editor: Editor,
  input: DocumentActionInput,
  options: EditOptions | undefined,
  action: 'publish' | 'unpublish' | 'delete' | 'restore',
): EditResult {
  const data = parseInput(documentActionSchema, input);
  return changeEntry(
    editor,
    {
      entityType: 'document',
      id: data.id,
      expectedVersion: data.expectedVersion,
      attempted: { ...data, action },
      message: data.message,
      allowDeleted: action === 'restore',
      mutate: (before, db) => {
        if (action === 'publish') {
          if (before.passages.length === 0) throw new EditorialError(`${quoted(before.title)} has no passages yet; add one before publishing.`);
          setDocumentColumns(db, data.id, { status: 'published' });
        } else if (action === 'unpublish') {
          setDocumentColumns(db, data.id, { status: 'draft' });
        } else if (action === 'delete') {
          setDocumentColumns(db, data.id, { deletedAt: nowIso() });
        } else {
          if (before.deletedAt === null) throw new EditorialError(`${quoted(before.title)} is not deleted.`);
          setDocumentColumns(db, data.id, { deletedAt: null });
        }
      },
      describe: (_r, _before, after) => {
        const what = { publish: 'Published', unpublish: 'Unpublished', delete: 'Deleted', restore: 'Restored the deleted document' }[action];
        return { action, summary: `${what} ${quoted(after.title)} (${after.slug})`, message: what };
      },
      paths: documentPaths,
    },
    options,
  ).edit;
}

/** Makes a draft public. Needs at least one passage. */
export async function publishDocument(editor: Editor, input: DocumentActionInput, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'publish');
}

/** Takes a document back to draft: it leaves every public view. */
export async function unpublishDocument(editor: Editor, input: DocumentActionInput, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'unpublish');
}

/** Deletes softly (sets deletedAt): it leaves every public view; an admin can restore it; it cannot be edited meanwhile. */
export async function softDeleteDocument(editor: Editor, input: DocumentActionInput, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'delete');
}

/** Brings a deleted document back as it was (status unchanged). For admins: the caller checks. */
export async function restoreDeletedDocument(editor: Editor, input: DocumentActionInput, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'restore');
}

// ---------------------------------------------------------------------------------------------
// Restore a revision (called by restoreRevision inside its transaction)

/**
 * Makes the document's content equal to `target`: fields, participants, and passages matched by
 * anchor — updated where they exist, re-created with their old anchor where they were deleted since,
 * removed where the snapshot does not have them. Status and deletion are not content and stay as they
 * are (publishing and deleting have functions and permissions of their own). Returns warnings for
 * references that no longer resolve (a speaker or topic deleted since).
 */
export function applyDocumentSnapshot(db: WriteDb, current: DocumentSnapshot, target: DocumentSnapshot): string[] {
  const warnings: string[] = [];
  const id = current.id;
  if (target.slug !== current.slug && documentSlugTaken(db, target.slug, id)) {
    throw new EditorialError(`Version ${target.version} had the address “${target.slug}”, which another document has now; change that one first.`);
  }
  setDocumentColumns(db, id, {
    slug: target.slug,
    kind: target.kind,
    title: target.title,
    subtitle: target.subtitle,
    summary: target.summary,
    publisher: target.publisher,
    sourceUrl: target.sourceUrl,
    language: target.language,
    caption: target.caption,
    ...periodColumns(target.date),
  });

  const speakerOf = (speakerId: number | null, slug: string | null, name: string | null) => {
    if (speakerId === null) return null;
    const resolved = resolveSpeaker(db, speakerId, slug);
    if (resolved === null) warnings.push(`The speaker ${name ?? slug ?? speakerId} no longer exists and was left out.`);
    return resolved;
  };

  const participants: { speakerId: number; role: DocumentSnapshot['participants'][number]['role'] }[] = [];
  for (const p of target.participants) {
    const speakerId = speakerOf(p.speakerId, p.speakerSlug, p.speakerName);
    if (speakerId !== null && !participants.some((q) => q.speakerId === speakerId && q.role === p.role)) participants.push({ speakerId, role: p.role });
  }
  setParticipants(db, id, participants);

  const existing = new Map<number, PassageRow>(passageRows(db, id).map((row) => [row.anchor, row]));
  const wanted = new Set(target.passages.map((p) => p.anchor));
  for (const [anchor, row] of existing) {
    if (!wanted.has(anchor)) {
      sql(db, 'DELETE FROM Passage WHERE id = ?').run(row.id);
      existing.delete(anchor);
    }
  }
  const idByAnchor = new Map<number, number>();
  const topicWarnings = new Set<string>();
  target.passages.forEach((p, index) => {
    const speakerId = speakerOf(p.speakerId, p.speakerSlug, p.speakerName);
    const row = existing.get(p.anchor);
    let passageId: number;
    if (row) {
      updatePassageRow(db, row, { kind: p.kind, speakerId, text: p.text });
      passageId = row.id;
    } else {
      passageId = insertPassage(db, {
        documentId: id,
        anchor: p.anchor,
        kind: p.kind,
        speakerId,
        text: p.text,
        questionId: null,
        temporaryPosition: -(index + 1),
      });
    }
    idByAnchor.set(p.anchor, passageId);
    const topicIds: number[] = [];
    for (const slug of p.topics) {
      const topicId = resolveTopic(db, slug);
      if (topicId === null) topicWarnings.add(`The topic “${slug}” no longer exists and was left out.`);
      else if (!topicIds.includes(topicId)) topicIds.push(topicId);
    }
    setPassageTopics(db, passageId, topicIds);
  });
  warnings.push(...topicWarnings);
  for (const p of target.passages) {
    const questionId = p.questionAnchor === null ? null : (idByAnchor.get(p.questionAnchor) ?? null);
    const passageId = idByAnchor.get(p.anchor)!;
    const row = sql(db, 'SELECT questionId FROM Passage WHERE id = ?').get(passageId) as { questionId: number | null };
    if (row.questionId !== questionId) sql(db, 'UPDATE Passage SET questionId = ?, updatedAt = ? WHERE id = ?').run(questionId, nowIso(), passageId);
  }
  arrangePassages(
    db,
    id,
    target.passages.map((p) => idByAnchor.get(p.anchor)!),
  );
  return warnings;
}

export function requireDocument(db: WriteDb, id: number): DocumentSnapshot {
  const snapshot = documentSnapshot(db, id);
  if (!snapshot) throw new NotFoundError(`There is no document ${id}.`);
  return snapshot;
}
