// GET/HEAD /media/recordings/<file>: a stored recording, to whoever may hear it.
// - A name the store could not have given: 404, before the database or the disk is asked.
// - A file no document uses, or only deleted ones: 404 (a replaced recording is gone for readers).
// - A file a published document uses: anyone; shared caches may keep it for an hour, then revalidate.
// - A file only drafts use: signed-in editors only, never kept by a shared cache; 404 to anyone
//   else, so a draft's existence does not leak.
import 'server-only';
import { editorFromRequest } from '@/lib/auth/session';
import { recordingAccess } from '@/lib/data/recordings';
import { recordingPath } from './recordings-dir';
import { PRIVATE_MEDIA_CACHE, PUBLIC_MEDIA_CACHE, serveFile } from './serve';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function recordingResponse(request: Request, name: string, method: 'GET' | 'HEAD'): Promise<Response> {
  const file = recordingPath(name);
  if (file === null) return notFound();
  const recording = await recordingAccess(name);
  if (recording === null) return notFound();
  if (!recording.published && (await editorFromRequest(request)) === null) return notFound();
  return serveFile(file, request, { type: recording.type, method, cacheControl: recording.published ? PUBLIC_MEDIA_CACHE : PRIVATE_MEDIA_CACHE });
}
