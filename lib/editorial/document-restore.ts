// Restoring a revision's content onto a document (called by restoreRevision inside its transaction).
import 'server-only';
import { fieldColumns, setDocumentColumns } from './document-columns';
import { EditorialError } from './errors';
import { passageRows, sql, type DocumentSnapshot, type PassageRow } from './snapshots';
import { replaceSections } from './sections';
import { arrangePassages, documentSlugTaken, insertPassage, resolveSpeaker, resolveTopic, setParticipants, setPassageTopics, updatePassageRow } from './store';
import { nowIso, type WriteDb } from '@/lib/db';

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
    ...fieldColumns(target),
    recordingUrl: target.recordingUrl,
    recordingFile: target.recordingFile,
    recordingType: target.recordingType,
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
      updatePassageRow(db, row, { kind: p.kind, speakerId, text: p.text, startMs: p.startMs, endMs: p.endMs });
      passageId = row.id;
    } else {
      passageId = insertPassage(db, {
        documentId: id,
        anchor: p.anchor,
        kind: p.kind,
        speakerId,
        text: p.text,
        questionId: null,
        startMs: p.startMs,
        endMs: p.endMs,
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
  // Sections point at anchors; one whose passage the snapshot does not have is left out (cannot happen for a snapshot the archive wrote).
  const sections = target.sections.filter((s) => idByAnchor.has(s.startAnchor));
  if (sections.length < target.sections.length) warnings.push('A section of the table of contents started at a passage that is gone and was left out.');
  replaceSections(db, id, sections);
  return warnings;
}
