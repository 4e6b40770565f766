// A document's recording as the reader plays it, from the Document row's three columns: a stored file
// is played from the archive's own media route, an external address only when it is http(s).
import 'server-only';
import { recordingAddress, RECORDING_FILE_NAME } from '@/lib/media/recordings-dir';
import { safeWebAddress } from '@/lib/validation/web-address';
import type { RecordingView } from './dto';

export interface RecordingColumns {
  recordingUrl: string | null;
  recordingFile: string | null;
  recordingType: string | null;
}

/** Extensions that are video when an external address comes without a type; anything else plays as audio. */
const VIDEO_EXTENSION = /\.(mp4|m4v|webm|ogv|mov)$/i;

export function recordingView({ recordingUrl, recordingFile, recordingType }: RecordingColumns): RecordingView | null {
  const type = recordingType && /^(audio|video)\//.test(recordingType) ? recordingType : null;
  // A stored file the media route could not serve (a name the store never gives) is no recording at all.
  if (recordingFile !== null) {
    if (!RECORDING_FILE_NAME.test(recordingFile) || type === null) return null;
    return { src: recordingAddress(recordingFile), type, kind: type.startsWith('video/') ? 'video' : 'audio' };
  }
  const src = safeWebAddress(recordingUrl);
  if (src === null) return null;
  const kind = type ? (type.startsWith('video/') ? 'video' : 'audio') : VIDEO_EXTENSION.test(new URL(src).pathname) ? 'video' : 'audio';
  return { src, type, kind };
}
