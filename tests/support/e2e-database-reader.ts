// The browser tests' look into the e2e server's database, on either engine, through lib/db's own
// read-only reader (SQLite's file or a small PostgreSQL pool). Run as a child process of the
// Playwright worker (tests/e2e/support/e2e-database.ts starts it), since lib/db is server code that
// only a process with scripts/server-side.mjs's hook loads:
//   tsx --import ./scripts/server-side.mjs tests/support/e2e-database-reader.ts <DATABASE_URL>
// Protocol, one JSON object a line: in {"id", "sql", "params"} (the shared dialect, `?` for values),
// out {"id", "rows"} or {"id", "error"}. It ends when its input closes.
import { createInterface } from 'node:readline';
import { databaseTarget, openReaderAt, sql as statement } from '@/lib/db';

interface Request {
  id: number;
  sql: string;
  params: unknown[];
}

const [url] = process.argv.slice(2);
if (!url) throw new Error('Usage: e2e-database-reader.ts <DATABASE_URL>');
const reader = openReaderAt(databaseTarget(url));

/** Rows as JSON can carry them: a bigint (SQLite's or PostgreSQL's counts) as the number it is. */
const plain = (rows: unknown) => JSON.stringify(rows, (_key, value: unknown) => (typeof value === 'bigint' ? Number(value) : value));

const lines = createInterface({ input: process.stdin });
for await (const line of lines) {
  if (!line.trim()) continue;
  const request = JSON.parse(line) as Request;
  // Split at the `?`s: Prisma's `sql` then binds each value, as the app's own statements do.
  const parts = request.sql.split('?');
  if (parts.length !== request.params.length + 1) {
    process.stdout.write(`${JSON.stringify({ id: request.id, error: `${parts.length - 1} placeholders for ${request.params.length} values` })}\n`);
    continue;
  }
  try {
    const rows = await reader.$queryRaw(statement(parts, ...request.params));
    process.stdout.write(`{"id":${request.id},"rows":${plain(rows)}}\n`);
  } catch (error) {
    process.stdout.write(`${JSON.stringify({ id: request.id, error: String((error as Error).message ?? error) })}\n`);
  }
}
reader.close();
