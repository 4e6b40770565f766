// The browser tests' recorded interview, written through the one write path (createDocument's times,
// recording and sections) into the e2e server's database, and taken away again so the other readers'
// specs see the seeded archive. Run in its own process, as the server's writes from `npm run import`:
//   tsx --import ./scripts/server-side.mjs tests/support/e2e-recorded-document.ts create <input.json>
//   … delete <id> <version>
// `create` prints {"id","version","slug"}.
import { readFileSync } from 'node:fs';
import { closeWriters, softDeleteDocument, SYSTEM_EDITOR } from '@/lib/editorial';
import { createDocumentAsSystem } from '@/lib/editorial/new-document';
import type { CreateDocumentInput } from '@/lib/validation/editorial';

const [command, ...args] = process.argv.slice(2);
if (command === 'create') {
  const input = JSON.parse(readFileSync(args[0], 'utf8')) as CreateDocumentInput;
  const created = createDocumentAsSystem({ speakers: [], document: () => input }, { status: 'published' });
  console.log(JSON.stringify({ id: created.id, version: created.version, slug: created.slug }));
} else if (command === 'delete') {
  await softDeleteDocument(SYSTEM_EDITOR, { id: Number(args[0]), expectedVersion: Number(args[1]), message: 'Browser test finished' });
} else {
  throw new Error(`Unknown command ${command}: create <input.json> | delete <id> <version>`);
}
closeWriters();
