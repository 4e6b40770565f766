// A published document as the API gives it: GET /api/v1/documents/<slug> and the JSON download are
// made by this one function, so the file and the endpoint can never disagree.
import 'server-only';
import type { DocumentDetail } from '@/lib/data/dto';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, passagePath } from '@/lib/urls';
import type { DocumentJson } from './document-schema';

export function documentJson({ passages, ...document }: DocumentDetail): DocumentJson {
  return {
    ...document,
    url: absoluteUrl(documentPath(document.slug)),
    passages: passages.map(({ paragraphs: _paragraphs, ...passage }) => ({
      ...passage,
      url: absoluteUrl(passagePath(document.slug, passage.anchor)),
    })),
  };
}
