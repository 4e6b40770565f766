// The archive file's format: a versioned JSON object whose zod schema is built from the table list
// (tables.ts). The import reads a whole file with it before it writes anything, and the export checks
// each record with it before writing it, so a file this archive writes is always one it can read.
import { z } from 'zod';
import { ARCHIVE_TABLES, SEQUENCED_TABLES, type ArchiveTable, type Column } from './tables';

export const ARCHIVE_FORMAT = 'interview-archive';
/** Raise it with any change to the tables or their meaning, and teach the import to read the old one. */
export const ARCHIVE_FORMAT_VERSION = 1;

/** A time as the app stores it: ISO 8601 with a zone ("…T07:30:04.422+00:00"), or SQLite's CURRENT_TIMESTAMP form. */
const TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})?$/;

function columnSchema(column: Column): z.ZodType {
  const type = column.type;
  const base =
    type.kind === 'int'
      ? z.number().int().safe()
      : type.kind === 'bool'
        ? z.boolean()
        : type.kind === 'time'
          ? z.string().regex(TIME, 'must be a time like 2026-12-02T07:30:04.422+00:00')
          : type.kind === 'enum'
            ? z.enum(type.values as [string, ...string[]])
            : z.string();
  return column.nullable || column.accountsOnly ? base.nullable() : base;
}

/** One record of a table: exactly its columns, nothing else. */
export function recordSchema(table: ArchiveTable) {
  return z.strictObject(Object.fromEntries(table.columns.map((c) => [c.name, columnSchema(c)])));
}

const sequencesSchema = z.strictObject(Object.fromEntries(SEQUENCED_TABLES.map((t) => [t, z.number().int().nonnegative().safe()])));

/** The header, read first, so a file of another kind or version is refused before its records are. */
export const archiveHeaderSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT, { error: `must be "${ARCHIVE_FORMAT}": this is not an archive export` }),
  version: z.literal(ARCHIVE_FORMAT_VERSION, { error: `must be ${ARCHIVE_FORMAT_VERSION}: this archive reads only version ${ARCHIVE_FORMAT_VERSION}` }),
  withAccounts: z.boolean(),
});

/** The whole file. Tables that only an export with accounts writes may be absent. */
export const archiveFileSchema = z.strictObject({
  ...archiveHeaderSchema.shape,
  sequences: sequencesSchema,
  ...Object.fromEntries(ARCHIVE_TABLES.map((t) => [t.key, t.accountsOnly ? z.array(recordSchema(t)).optional() : z.array(recordSchema(t))])),
});

export type ArchiveRecord = Record<string, string | number | boolean | null>;

export interface ArchiveFile {
  format: typeof ARCHIVE_FORMAT;
  version: typeof ARCHIVE_FORMAT_VERSION;
  withAccounts: boolean;
  sequences: Record<(typeof SEQUENCED_TABLES)[number], number>;
  [table: string]: unknown;
}

/** Where a problem is, said for a person: "passages[12] (id 57), field kind: …". */
export function describeRecordIssue(key: string, index: number, record: unknown, issue: { path: PropertyKey[]; message: string }): string {
  const id = record && typeof record === 'object' && 'id' in record ? ` (id ${JSON.stringify((record as { id: unknown }).id)})` : '';
  const field = issue.path[0];
  return `${key}[${index}]${id}${field === undefined ? '' : `, field ${String(field)}`}: ${issue.message}`;
}

/** A zod issue of the whole file, said for a person. */
export function describeIssue(file: unknown, issue: z.core.$ZodIssue): string {
  const [key, index, ...rest] = issue.path;
  if (typeof key === 'string' && typeof index === 'number') {
    const record = (file as Record<string, unknown[]>)[key]?.[index];
    return describeRecordIssue(key, index, record, { path: rest, message: issue.message });
  }
  return issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message;
}
