// POST /api/cache: renews every cached public page. Only the server's own watcher can call it (it
// holds the per-process token, lib/cache/renew-token.ts), when another process wrote to the archive
// or the server has just started. Anyone else gets a 404, as for any address that is not there.
import { renewEverything } from '@/lib/cache/renew';
import { isRenewToken, RENEW_HEADER } from '@/lib/cache/renew-token';

export const dynamic = 'force-dynamic';

export function POST(request: Request): Response {
  if (!isRenewToken(request.headers.get(RENEW_HEADER))) return Response.json({ error: 'not_found' }, { status: 404 });
  renewEverything();
  return new Response(null, { status: 204 });
}
