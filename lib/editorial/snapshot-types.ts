// The shapes of snapshots: an entry with everything that belongs to it, as a revision stores it.
import type { DocumentKind, DocumentStatus, ParticipantRole, PassageKind } from '@/lib/vocabulary';

export type EntityType = 'document' | 'speaker' | 'topic';
export const ENTITY_TYPES: readonly EntityType[] = ['document', 'speaker', 'topic'];

export type { DocumentKind, ParticipantRole, PassageKind };

export interface PassageSnapshot {
  /** Public, permanent: /documents/<slug>#p<anchor>. */
  anchor: number;
  kind: PassageKind;
  speakerId: number | null;
  speakerSlug: string | null;
  speakerName: string | null;
  text: string;
  /** For an answer: the anchor of the question it answers, in the same document. */
  questionAnchor: number | null;
  /** Topic slugs, sorted. */
  topics: string[];
  /** Where it is spoken in the document's recording, in milliseconds: both or neither (null when untimed, and in revisions written before times existed). */
  startMs: number | null;
  endMs: number | null;
}

/** A section of the document's table of contents, starting at a passage (by its anchor). */
export interface SectionSnapshot {
  title: string;
  synopsis: string | null;
  keywords: string[];
  startAnchor: number;
}

/** The recording beside the transcript: an external address, or a stored file and its type; all null when none. */
export interface RecordingFields {
  recordingUrl: string | null;
  recordingFile: string | null;
  recordingType: string | null;
}

export interface ParticipantSnapshot {
  speakerId: number;
  speakerSlug: string;
  speakerName: string;
  role: ParticipantRole;
}

/** A document's own fields, as an editor writes them (the date at its precision). */
export interface DocumentFields {
  slug: string;
  kind: DocumentKind;
  title: string;
  subtitle: string | null;
  summary: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  /** As written, at its precision: "2018-08-28", "2016-12", "2016". */
  date: string;
  language: string;
  caption: string | null;
  status: DocumentStatus;
}

export interface DocumentSnapshot extends DocumentFields, RecordingFields {
  type: 'document';
  id: number;
  version: number;
  deletedAt: string | null;
  participants: ParticipantSnapshot[];
  /** In reading order. */
  passages: PassageSnapshot[];
  /** The table of contents, in order (empty in revisions written before it existed). */
  sections: SectionSnapshot[];
  /**
   * The next anchor this document may give: above every anchor it has ever given (see nextAnchor()).
   * Bookkeeping, not content: equal snapshots may differ here.
   */
  nextAnchor: number;
}

export interface SpeakerSnapshot {
  type: 'speaker';
  id: number;
  version: number;
  slug: string;
  name: string;
  bio: string | null;
  bioSource: string | null;
  /** Sorted. */
  aliases: string[];
  /** Set on the last revision of a speaker that was deleted. */
  deleted?: true;
  /** Set on the last revision of a speaker merged into another: where its references went. */
  mergedInto?: { id: number; slug: string; name: string };
}

export interface TopicSnapshot {
  type: 'topic';
  id: number;
  version: number;
  slug: string;
  name: string;
  description: string | null;
  parentId: number | null;
  parentSlug: string | null;
  deleted?: true;
  mergedInto?: { id: number; slug: string; name: string };
}

export type Snapshot = DocumentSnapshot | SpeakerSnapshot | TopicSnapshot;
export type SnapshotOf<T extends EntityType> = T extends 'document' ? DocumentSnapshot : T extends 'speaker' ? SpeakerSnapshot : TopicSnapshot;
