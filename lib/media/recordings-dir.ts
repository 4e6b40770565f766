// Where uploaded recordings live: one folder (RECORDINGS_DIR), one file per recording, named by
// the store with random hex and the type's extension. The store writes there, the media route reads
// there, and nothing else does; a name is always checked before it becomes a path.
import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';

// The rule for the names is the validation's, so what the write path accepts is what the store gives.
export { RECORDING_FILE_NAME } from '@/lib/validation/editorial-fields';
import { RECORDING_FILE_NAME } from '@/lib/validation/editorial-fields';

export const recordingsDir = (): string => path.resolve(env.RECORDINGS_DIR);

/** The path of a stored recording, or null for a name the store could not have given. */
export function recordingPath(name: string): string | null {
  return RECORDING_FILE_NAME.test(name) ? path.join(recordingsDir(), name) : null;
}

/** The public address a stored recording is served at (app/media/recordings/[file]/route.ts). */
export const recordingAddress = (name: string): string => `/media/recordings/${name}`;
