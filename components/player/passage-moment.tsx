// On a passage's own page: where it is in the recording, and a link that plays it in the reader.
import type { DocumentDetail, PassageView } from '@/lib/data/dto';
import { momentLabel, momentParam } from '@/lib/media/moment';
import { documentPath, passageAnchor } from '@/lib/urls';

export function PassageMoment({ document, passage }: { document: DocumentDetail; passage: PassageView }) {
  if (!document.recording || passage.startMs === null || passage.endMs === null) return null;
  const moment = { startMs: passage.startMs, endMs: passage.endMs };
  return (
    <p className="mt-4 text-sm">
      <span className="muted">In the {document.recording.kind} recording: </span>
      <span className="font-mono tabular-nums">{momentLabel(moment)}</span> ·{' '}
      <a href={`${documentPath(document.slug)}?t=${momentParam(moment)}#${passageAnchor(passage.anchor)}`}>Listen in the reader</a>
    </p>
  );
}
