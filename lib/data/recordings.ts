// Who may hear a stored recording: the media route asks here before it touches the disk.
import 'server-only';
import { prisma } from '@/lib/db/client';

export interface RecordingAccess {
  /** The MIME type it is served with, as the document that uses it says. */
  type: string;
  /** A published document uses it: anyone may hear it, and shared caches may keep it. */
  published: boolean;
}

/**
 * The recording stored under `file`, when some document that is not deleted uses it; null
 * otherwise (a file left by a replaced recording, a deleted document's): never served.
 */
export async function recordingAccess(file: string): Promise<RecordingAccess | null> {
  const rows = await prisma.document.findMany({
    where: { recordingFile: file, deletedAt: null, recordingType: { not: null } },
    select: { status: true, recordingType: true },
    orderBy: { id: 'asc' },
  });
  if (rows.length === 0) return null;
  const published = rows.find((row) => row.status === 'published');
  return { type: (published ?? rows[0]).recordingType!, published: published !== undefined };
}
