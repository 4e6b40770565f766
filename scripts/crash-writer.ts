// A writer to be killed: saves edits through the app's own write path (lib/editorial), as fast as
// it can, and prints one acknowledgement line per save only after the save has returned (after its
// COMMIT). The crash test kills it with SIGKILL at random moments and then checks that every
// acknowledged save is in the database. Env: DATABASE_URL; CRASH_WRITER (a name for this writer).
import type { Editor } from '@/lib/auth/editor';
import { ConflictError, getDocumentForEditing, updateDocumentFields, updatePassage } from '@/lib/editorial';

export interface CrashAck {
  writer: string;
  seq: number;
  documentId: number;
  version: number;
  /** The passage edited, or null for the document's summary. */
  anchor: number | null;
  value: string;
}

const name = process.env.CRASH_WRITER ?? `pid-${process.pid}`;
const editor: Editor = { id: `crash-${name}`, name: `Crash writer ${name}`, email: `crash-${name}@archive.test`, role: 'editor' };
const documentIds = [1, 2];
const words = ['river', 'winter', 'border', 'market', 'radio', 'letter', 'family', 'freedom', 'rice', 'night', 'school', 'train'];
const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)];

process.stdout.write('ready\n');
for (let seq = 0; ; seq++) {
  const documentId = pick(documentIds);
  // A unique value per save, so each acknowledgement names exactly one revision's content.
  const value = `Crash test ${name} save ${seq} ${Date.now()}: ${Array.from({ length: 12 }, () => pick(words)).join(' ')}.`;
  for (;;) {
    const document = getDocumentForEditing(documentId)!;
    const anchor = Math.random() < 0.8 ? pick(document.passages).anchor : null;
    try {
      const result =
        anchor === null
          ? await updateDocumentFields(editor, { id: documentId, expectedVersion: document.version, summary: value })
          : await updatePassage(editor, { documentId, expectedVersion: document.version, anchor, text: value });
      const ack: CrashAck = { writer: editor.id, seq, documentId, version: result.version, anchor, value };
      process.stdout.write(`ack ${JSON.stringify(ack)}\n`);
      break;
    } catch (error) {
      // Another writer saved first: read again and retry, as an editor would.
      if (error instanceof ConflictError) continue;
      throw error;
    }
  }
}
