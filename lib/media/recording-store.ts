// Stores uploaded recordings under RECORDINGS_DIR (lib/media/recordings-dir.ts): checks what the file
// is by its bytes, gives it a random name of 32 hex digits, and writes it under a temporary name
// first, renamed into place once whole, so the media route never serves half a file. Removing a file
// is the caller's last step, after the database no longer names it.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sniffMedia } from './media-signature';
import { RECORDING_MAX_BYTES, RECORDING_MAX_LABEL } from './recording-limits';
import { RECORDING_FILE_NAME, recordingsDir } from './recordings-dir';

/** An upload the store refused, with a message fit for the form. */
export class RecordingRejected extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RecordingRejected';
  }
}

export interface StoredRecording {
  /** The name under RECORDINGS_DIR (what Document.recordingFile holds). */
  file: string;
  type: string;
  bytes: number;
}

/** Checks the bytes and stores them; throws RecordingRejected for an empty, too large or non-media file. */
export async function storeRecording(bytes: Uint8Array, dir = recordingsDir()): Promise<StoredRecording> {
  if (bytes.byteLength === 0) throw new RecordingRejected('The file is empty.');
  if (bytes.byteLength > RECORDING_MAX_BYTES) {
    throw new RecordingRejected(`The file is larger than ${RECORDING_MAX_LABEL}; link a larger recording by its address instead.`);
  }
  const kind = sniffMedia(bytes);
  if (!kind) throw new RecordingRejected('The file is not audio or video the archive can play (MP3, M4A, MP4, WAV, Ogg, FLAC, WebM, MOV or AAC).');
  await mkdir(dir, { recursive: true });
  const file = `${randomBytes(16).toString('hex')}.${kind.extension}`;
  if (!RECORDING_FILE_NAME.test(file)) throw new Error(`The store made a name its own rule refuses: ${file}`);
  // A dot-name never matches RECORDING_FILE_NAME, so the media route cannot serve it while it is written.
  const temporary = path.join(dir, `.upload-${randomBytes(8).toString('hex')}`);
  try {
    await writeFile(temporary, bytes, { flag: 'wx' });
    await rename(temporary, path.join(dir, file));
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw error;
  }
  return { file, type: kind.type, bytes: bytes.byteLength };
}

/**
 * Removes a stored recording the database no longer names; a name the store could not have given, or a
 * file already gone, is left alone. Called after the change committed, so it never fails the save: a
 * file it could not remove is only space, and is reported in the server's log.
 */
export async function removeRecording(file: string | null, dir = recordingsDir()): Promise<void> {
  if (file === null || !RECORDING_FILE_NAME.test(file)) return;
  await unlink(path.join(dir, file)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') console.error(JSON.stringify({ level: 'warn', msg: `could not remove the replaced recording ${file}: ${error.code}` }));
  });
}
