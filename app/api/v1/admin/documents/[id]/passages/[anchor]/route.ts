// PATCH /api/v1/admin/documents/<id>/passages/<anchor>: edit a passage as JSON, for editors' tools.
// Body: { expectedVersion, text?, kind?, speakerId?, questionAnchor?, startMs?, endMs?, message? }
// (times in milliseconds, given together; both null clears them). The answer carries the passage's times. A stale
// expectedVersion gets 409 with the current version and what was sent; nothing is written.
import { revalidatePath } from 'next/cache';
import { editorialErrorResponse, jsonError, refuseCrossSite, unauthorized } from '@/lib/api/admin-responses';
import { editorFromRequest } from '@/lib/auth/session';
import { clientAddress } from '@/lib/auth/client-address';
import { updatePassage } from '@/lib/editorial';
import { withJsonErrors } from '@/lib/api/route-errors';

export const PATCH = withJsonErrors(async (request: Request, { params }: { params: Promise<{ id: string; anchor: string }> }) => {
  const editor = await editorFromRequest(request);
  if (!editor) return unauthorized();
  const refused = refuseCrossSite(request);
  if (refused) return refused;
  let body: Record<string, unknown>;
  try {
    body = (await request.json()) as Record<string, unknown>;
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw new Error('not an object');
  } catch {
    return jsonError(400, 'invalid_json', 'The body must be a JSON object.');
  }
  const { id, anchor } = await params;
  try {
    const result = await updatePassage(editor, { ...body, documentId: id, anchor } as Parameters<typeof updatePassage>[1], {
      ip: clientAddress(request.headers),
    });
    for (const path of result.paths) revalidatePath(path);
    return Response.json(
      { version: result.version, changed: result.changed, paths: result.paths, passage: result.passage },
      { headers: { 'Cache-Control': 'no-store' } },
    );
  } catch (error) {
    return editorialErrorResponse(error);
  }
});
