// What the archive file holds, table by table: each exported table's columns in the file's order,
// with the type each must have. The export, the import and the file's zod schema are all built from
// this one list, so a column cannot be written by one and forgotten by the other; a test compares it
// with the migrated schema so a new column cannot be left out unseen.
//
// Not here, on purpose: derived data rebuilt after an import (the full-text indexes, the ranking
// lists, the passages' embeddings), sessions and verification tokens (live secrets), and the
// sign-in throttle's counters (operational state tied to addresses).
import { DATE_PRECISIONS, DOCUMENT_KINDS, DOCUMENT_STATUSES, PARTICIPANT_ROLES, PASSAGE_KINDS, USER_ROLES } from '@/lib/vocabulary';

export type ColumnType =
  | { kind: 'int' }
  | { kind: 'text' }
  /** Stored as 0/1; written as true/false. */
  | { kind: 'bool' }
  /** A time as stored ("2026-12-02T07:30:04.422+00:00"), kept to the character. */
  | { kind: 'time' }
  | { kind: 'enum'; values: readonly string[] };

export interface Column {
  name: string;
  type: ColumnType;
  nullable?: boolean;
  /** Written only in an export with accounts; null otherwise. */
  accountsOnly?: boolean;
}

export interface ArchiveTable {
  /** The key of its records in the file. */
  key: string;
  /** The SQL table. */
  table: string;
  columns: Column[];
  /** The primary key: the order of the records in the file. */
  orderBy: string[];
  /** Exported only with --with-accounts. */
  accountsOnly?: boolean;
}

const int = (name: string, nullable = false): Column => ({ name, type: { kind: 'int' }, nullable });
const text = (name: string, nullable = false): Column => ({ name, type: { kind: 'text' }, nullable });
const time = (name: string, nullable = false): Column => ({ name, type: { kind: 'time' }, nullable });
const bool = (name: string): Column => ({ name, type: { kind: 'bool' } });
const oneOf = (name: string, values: readonly string[]): Column => ({ name, type: { kind: 'enum', values } });

/** In an order that loads parents before children (foreign keys are checked at the commit anyway). */
export const ARCHIVE_TABLES: ArchiveTable[] = [
  {
    key: 'users',
    table: 'User',
    orderBy: ['id'],
    columns: [
      text('id'),
      text('name'),
      text('email'),
      bool('emailVerified'),
      text('image', true),
      oneOf('role', USER_ROLES),
      bool('disabled'),
      time('createdAt'),
      time('updatedAt'),
    ],
  },
  {
    key: 'accounts',
    table: 'Account',
    orderBy: ['id'],
    accountsOnly: true,
    columns: [
      text('id'),
      text('accountId'),
      text('providerId'),
      text('userId'),
      text('accessToken', true),
      text('refreshToken', true),
      text('idToken', true),
      time('accessTokenExpiresAt', true),
      time('refreshTokenExpiresAt', true),
      text('scope', true),
      text('password', true),
      time('createdAt'),
      time('updatedAt'),
    ],
  },
  {
    key: 'speakers',
    table: 'Speaker',
    orderBy: ['id'],
    columns: [int('id'), text('slug'), text('name'), text('bio', true), text('bioSource', true), int('version'), time('createdAt'), time('updatedAt')],
  },
  { key: 'speakerAliases', table: 'SpeakerAlias', orderBy: ['id'], columns: [int('id'), int('speakerId'), text('alias')] },
  {
    key: 'topics',
    table: 'Topic',
    orderBy: ['id'],
    columns: [int('id'), text('slug'), text('name'), text('description', true), int('parentId', true), int('version'), time('createdAt'), time('updatedAt')],
  },
  {
    key: 'documents',
    table: 'Document',
    orderBy: ['id'],
    columns: [
      int('id'),
      text('slug'),
      oneOf('kind', DOCUMENT_KINDS),
      text('title'),
      text('subtitle', true),
      text('summary', true),
      text('publisher', true),
      text('sourceUrl', true),
      text('publishedOn'),
      text('publishedUntil'),
      oneOf('datePrecision', DATE_PRECISIONS),
      text('language'),
      text('caption', true),
      oneOf('status', DOCUMENT_STATUSES),
      time('deletedAt', true),
      int('version'),
      time('createdAt'),
      time('updatedAt'),
      text('recordingUrl', true),
      text('recordingFile', true),
      text('recordingType', true),
    ],
  },
  {
    key: 'participants',
    table: 'Participant',
    orderBy: ['documentId', 'speakerId', 'role'],
    columns: [int('documentId'), int('speakerId'), oneOf('role', PARTICIPANT_ROLES), int('position')],
  },
  {
    key: 'passages',
    table: 'Passage',
    orderBy: ['id'],
    columns: [
      int('id'),
      int('documentId'),
      int('position'),
      int('anchor'),
      oneOf('kind', PASSAGE_KINDS),
      int('speakerId', true),
      text('text'),
      int('questionId', true),
      time('createdAt'),
      time('updatedAt'),
      int('startMs', true),
      int('endMs', true),
    ],
  },
  {
    key: 'sections',
    table: 'DocumentSection',
    orderBy: ['id'],
    columns: [int('id'), int('documentId'), int('position'), text('title'), text('synopsis', true), text('keywords'), int('startAnchor')],
  },
  { key: 'passageTopics', table: 'PassageTopic', orderBy: ['passageId', 'topicId'], columns: [int('passageId'), int('topicId')] },
  { key: 'synonyms', table: 'SearchSynonym', orderBy: ['id'], columns: [int('id'), text('term'), int('group')] },
  {
    key: 'revisions',
    table: 'Revision',
    orderBy: ['id'],
    // The snapshot stays the JSON text it was saved as: parsed and written again it could change by a
    // character (a number's spelling, an escape), and a revision is a record of what was.
    columns: [
      int('id'),
      text('entityType'),
      int('entityId'),
      int('version'),
      text('snapshot'),
      text('message', true),
      text('editorId', true),
      text('editorName', true),
      time('createdAt'),
    ],
  },
  {
    key: 'auditEvents',
    table: 'AuditEvent',
    orderBy: ['id'],
    columns: [
      int('id'),
      time('at'),
      text('actorId', true),
      text('actorEmail', true),
      text('action'),
      text('entityType', true),
      text('entityId', true),
      text('summary', true),
      // Editors' network addresses are sign-in data: they leave only with the accounts.
      { ...text('ipAddress', true), accountsOnly: true },
    ],
  },
];

/**
 * Tables whose ids are given by AUTOINCREMENT: the file keeps the highest id each has ever given, so
 * after an import an id of a deleted row (a passage a revision still names) is never given again.
 */
export const SEQUENCED_TABLES = [
  'Speaker',
  'SpeakerAlias',
  'Topic',
  'Document',
  'Passage',
  'DocumentSection',
  'SearchSynonym',
  'Revision',
  'AuditEvent',
] as const;

/** The tables an export with these options writes. */
export const tablesFor = (withAccounts: boolean) => ARCHIVE_TABLES.filter((t) => withAccounts || !t.accountsOnly);
