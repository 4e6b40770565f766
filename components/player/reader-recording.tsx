// The recording above the transcript, when the document has one: the player island with the timed
// passages as its cues and, for video, the captions the WebVTT export writes from the passages.
import type { DocumentDetail } from '@/lib/data/dto';
import { RecordingPlayer } from './recording-player';
import type { Cue } from './cues';

export function ReaderRecording({ document }: { document: DocumentDetail }) {
  const { recording } = document;
  if (!recording) return null;
  const cues: Cue[] = document.passages
    .flatMap((p) => (p.startMs !== null && p.endMs !== null ? [{ anchor: p.anchor, startMs: p.startMs, endMs: p.endMs }] : []))
    .sort((a, b) => a.startMs - b.startMs);
  const captions = recording.kind === 'video' ? { src: `/api/v1/documents/${document.slug}/export/vtt`, language: document.language } : undefined;
  return <RecordingPlayer recording={recording} cues={cues} captions={captions} />;
}
