// The errors of the editorial layer. Each carries a message fit to show an editor as it is; the
// caller (a server action, a route, a script) decides how to present it. Whenever one is thrown,
// nothing was written: every change runs in one transaction that the error rolls back.
import { z } from 'zod';
import type { EntityType, Snapshot, SnapshotOf } from './snapshots';

/** Base class: a change the archive refused, with a human message. */
export class EditorialError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditorialError';
  }
}

/** The input was not valid: `fieldErrors` maps a form field to its problems ("title": ["must…"]). */
export class ValidationError extends EditorialError {
  readonly fieldErrors: Record<string, string[]>;

  constructor(message: string, fieldErrors: Record<string, string[] | undefined>) {
    super(message);
    this.name = 'ValidationError';
    this.fieldErrors = Object.fromEntries(
      Object.entries(fieldErrors).filter((entry): entry is [string, string[]] => Array.isArray(entry[1]) && entry[1].length > 0),
    );
  }

  /** From a failed zod parse: `z.flattenError(error).fieldErrors`, one entry a top-level field. */
  static fromZod(error: z.ZodError, message = 'Some fields need correcting.'): ValidationError {
    const flat = z.flattenError(error);
    const result = new ValidationError(message, flat.fieldErrors as Record<string, string[] | undefined>);
    result.formErrors.push(...flat.formErrors);
    return result;
  }

  /** Problems of the input as a whole rather than of one field. */
  readonly formErrors: string[] = [];
}

/** The entry (document, passage, speaker, topic or revision) does not exist. */
export class NotFoundError extends EditorialError {
  constructor(message: string) {
    super(message);
    this.name = 'NotFoundError';
  }
}

/**
 * Someone saved the entry after the editor opened it. Nothing was written; `current` is the entry as
 * it is now and `attempted` what the editor submitted, so a conflict view can show both side by side.
 * `current` is typed: narrow it by `current.type`, or take `ConflictError.of(error, 'document')`.
 */
export class ConflictError<S extends Snapshot = Snapshot> extends EditorialError {
  readonly entityType: EntityType;
  readonly entityId: number;
  readonly current: S;
  readonly currentVersion: number;
  readonly expectedVersion: number;
  readonly attempted: unknown;

  constructor(args: { entityType: EntityType; entityId: number; current: S; currentVersion: number; expectedVersion: number; attempted: unknown }) {
    super(
      `This ${args.entityType} was changed by someone else (it is now at version ${args.currentVersion}; ` +
        `you were editing version ${args.expectedVersion}). Your changes were not saved: compare them with the current version.`,
    );
    this.name = 'ConflictError';
    this.entityType = args.entityType;
    this.entityId = args.entityId;
    this.current = args.current;
    this.currentVersion = args.currentVersion;
    this.expectedVersion = args.expectedVersion;
    this.attempted = args.attempted;
  }

  /** `error` as a conflict over an entry of `type`, its `current` typed as that entry; null otherwise. */
  static of<T extends EntityType>(error: unknown, type: T): ConflictError<SnapshotOf<T>> | null {
    return error instanceof ConflictError && error.entityType === type ? (error as ConflictError<SnapshotOf<T>>) : null;
  }
}

/**
 * Another connection held the database's write lock for longer than the busy timeout (5 s). Nothing
 * was written; the editor can simply save again.
 */
export class BusyError extends EditorialError {
  constructor() {
    super('The archive is busy with another change and nothing was saved. Please save again in a moment.');
    this.name = 'BusyError';
  }
}

/** Parses an input with its schema, or throws a ValidationError naming each field's problems. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw ValidationError.fromZod(parsed.error);
  return parsed.data;
}
