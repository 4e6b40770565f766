// POST /api/cache: renews cached public pages. Only the server's own watcher can call it (it holds the
// per-process token, lib/cache/renew-token.ts): with no body, every page, when another process wrote
// to the archive or the server has just started; with `{ "paths": [...] }`, those pages, which Next
// rendered across a write (lib/server/render-overlap.ts). Anyone else gets a 404, as for any address
// that is not there.
import { z } from 'zod';
import { renew, renewEverything } from '@/lib/cache/renew';
import { isRenewToken, RENEW_HEADER } from '@/lib/cache/renew-token';
import { MAX_REQUEST_TARGET } from '@/lib/server/request-target';
import { MOST_PATHS_A_RENEWAL } from '@/lib/server/render-overlap';

export const dynamic = 'force-dynamic';

/** Public paths, as the edge saw them (no longer than it lets through): each begins with one slash. */
const PagesToRenew = z.object({
  paths: z
    .array(
      z
        .string()
        .regex(/^\/(?!\/)/)
        .max(MAX_REQUEST_TARGET),
    )
    .min(1)
    .max(MOST_PATHS_A_RENEWAL),
});

export async function POST(request: Request): Promise<Response> {
  if (!isRenewToken(request.headers.get(RENEW_HEADER))) return Response.json({ error: 'not_found' }, { status: 404 });
  const body = await request.text();
  if (body === '') {
    renewEverything();
    return new Response(null, { status: 204 });
  }
  let parsed: z.infer<typeof PagesToRenew>;
  try {
    parsed = PagesToRenew.parse(JSON.parse(body));
  } catch {
    return Response.json({ error: 'bad_request', message: 'Expected no body, or { "paths": ["/…", …] }.' }, { status: 400 });
  }
  renew(parsed.paths.map((path) => ({ path })));
  return new Response(null, { status: 204 });
}
