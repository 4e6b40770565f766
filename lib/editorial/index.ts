// The editorial write layer. Every write goes through the serialized writer of lib/db (one
// better-sqlite3 connection per database file, each change one BEGIN IMMEDIATE transaction).
// Functions take the signed-in editor first; they check no permissions (the caller does) but record
// who did what in the revision history and the audit log. Each returns the public paths to revalidate.
import 'server-only';
export { BusyError, ConflictError, EditorialError, NotFoundError, ValidationError } from './errors';
export type { EditOptions, EditResult } from './history';
export { closeWriters, openWriter, withWriter, write, type Writer } from '@/lib/db';
export { findDocumentId, getDocumentForEditing, updateDocumentFields } from './documents';
export { createDocument, createDocumentWithSpeakers, type DocumentWithSpeakers, type NewDocumentSpeaker } from './new-document';
export { publishDocument, restoreDeletedDocument, softDeleteDocument, unpublishDocument } from './document-status';
export { SYSTEM_EDITOR } from './system-editor';
export { addPassage, deletePassage, reorderPassages, tagPassage, untagPassage, updatePassage } from './passages';
export { mergePassages, splitPassage } from './passage-split-merge';
export { setDocumentRecording, type RecordingEditResult } from './recording';
export { addSection, deleteSection, getSectionsForEditing, moveSection, updateSection, type SectionRow } from './sections';
export { createSpeaker, deleteSpeaker, getSpeakerForEditing, mergeSpeakers, updateSpeaker } from './speakers';
export { createTopic, deleteTopic, getTopicForEditing, mergeTopics, updateTopic } from './topics';
export {
  compareVersions,
  currentSnapshot,
  diffRevisions,
  ensureBaselineRevision,
  getRevision,
  listRevisions,
  restoreRevision,
  type DiffPart,
  type FieldChange,
  type PassageChange,
  type RevisionDiff,
  type RevisionRecord,
  type RevisionSummary,
} from './revisions';
export { wordDiff } from './word-diff';
export { auditEventsOf, recordAudit, type AuditAction, type AuditEventRecord } from './audit';
export type { DocumentSnapshot, EntityType, PassageSnapshot, SectionSnapshot, SpeakerSnapshot, Snapshot, TopicSnapshot } from './snapshots';
