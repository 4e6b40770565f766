// A published document as the API gives it: GET /api/v1/documents/<slug> and the JSON download are
// made by this one function, so the file and the endpoint can never disagree.
import 'server-only';
import type { DocumentDetail } from '@/lib/data/dto';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, passagePath } from '@/lib/urls';
import type { DocumentJson } from './document-schema';

export function documentJson({ passages, recording, sections, ...document }: DocumentDetail): DocumentJson {
  return {
    ...document,
    url: absoluteUrl(documentPath(document.slug)),
    // A stored file's address is the site's own (/media/recordings/…): absolute here, as every url.
    recording: recording && { url: absoluteUrl(recording.src), type: recording.type, kind: recording.kind },
    sections: sections.map(({ title, synopsis, startAnchor }) => ({
      title,
      synopsis,
      anchor: startAnchor,
      url: absoluteUrl(passagePath(document.slug, startAnchor)),
    })),
    passages: passages.map(({ paragraphs: _paragraphs, ...passage }) => ({
      ...passage,
      url: absoluteUrl(passagePath(document.slug, passage.anchor)),
    })),
  };
}
