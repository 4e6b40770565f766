// GET /admin/archive.json: the whole archive as one JSON file (lib/archive; the same bytes as
// `npm run archive:export`), for admins only. Never with accounts: password hashes and editors'
// addresses leave only through the command line, on the server.
import { requireAdmin } from '@/lib/auth/session';
import { databaseTarget } from '@/lib/db';
import { env } from '@/lib/env';
import { exportArchive } from '@/lib/archive/export';
import { archiveFileName } from '@/lib/archive/file-name';

export const dynamic = 'force-dynamic';

export async function GET(): Promise<Response> {
  await requireAdmin();
  const chunks = exportArchive(databaseTarget(env.DATABASE_URL));
  const encoder = new TextEncoder();
  // Pulled a chunk at a time, so a big archive is never held in memory whole; a reader who stops
  // closes the generator, which ends its read transaction.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    cancel() {
      chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${archiveFileName(new Date())}"`,
      'Cache-Control': 'no-store',
    },
  });
}
