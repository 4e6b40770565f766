// A published document as the API gives it: GET /api/v1/documents/<slug> and the JSON download are
// made by this one function, so the file and the endpoint can never disagree.
import 'server-only';
import type { DocumentDetail } from '@/lib/data/dto';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, passagePath } from '@/lib/urls';
import type { DocumentJson } from './document-schema';

// The recording, the table of contents and passage times are the reader's for now: the API's
// contract (document-schema.ts, the OpenAPI description) does not describe them yet.
export function documentJson({ passages, recording: _recording, sections: _sections, ...document }: DocumentDetail): DocumentJson {
  return {
    ...document,
    url: absoluteUrl(documentPath(document.slug)),
    passages: passages.map(({ paragraphs: _paragraphs, startMs: _startMs, endMs: _endMs, ...passage }) => ({
      ...passage,
      url: absoluteUrl(passagePath(document.slug, passage.anchor)),
    })),
  };
}
