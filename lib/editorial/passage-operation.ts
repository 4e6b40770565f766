// The one ceremony every passage change shares: parse the input, then run the change as a change of
// its DOCUMENT (changeEntry: the document's expectedVersion, one version bump, one revision of the
// whole document, one audit entry), described in words for the history and the audit log.
import 'server-only';
import type { z } from 'zod';
import type { Editor } from '@/lib/auth/editor';
import type { AuditAction } from './audit';
import { parseInput } from './errors';
import { changeEntry, type EditOptions, type EditResult } from './history';
import { documentPaths } from './paths';
import type { DocumentSnapshot } from './snapshots';
import type { WriteDb } from '@/lib/db';

export type PassageInput = { documentId: number; expectedVersion: number; message?: string | null };

export interface PassageOperation<S extends z.ZodType<PassageInput>, R, X> {
  schema: S;
  action: AuditAction;
  /** Makes the change inside the transaction; may throw an EditorialError (nothing is written). */
  mutate: (data: z.output<S>, db: WriteDb, before: DocumentSnapshot) => R;
  /** The revision message (when the editor gave none) and the audit summary, before “in <title>”. */
  describe: (data: z.output<S>, result: R) => string;
  /** What the call returns besides the EditResult (a new anchor). */
  returns?: (data: z.output<S>, result: R) => X;
}

/** An editorial function for one passage operation: `(editor, input, options) => EditResult & X`, input parsed from unknown. */
export function passageOperation<S extends z.ZodType<PassageInput>, R, X extends object = object>(operation: PassageOperation<S, R, X>) {
  return async (editor: Editor, input: unknown, options?: EditOptions): Promise<EditResult & X> => {
    const data = parseInput(operation.schema, input);
    const { result, edit } = changeEntry(
      editor,
      {
        entityType: 'document',
        id: data.documentId,
        expectedVersion: data.expectedVersion,
        attempted: data,
        message: data.message,
        mutate: (before, db) => operation.mutate(data, db, before),
        describe: (result, _before, after) => {
          const what = operation.describe(data, result);
          return { action: operation.action, summary: `${what} in “${after.title}”`, message: what };
        },
        paths: documentPaths,
      },
      options,
    );
    return { ...edit, ...(operation.returns?.(data, result) as X) };
  };
}
