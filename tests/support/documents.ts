// A document by one speaker, with paragraphs of its own: what the search tests add to the seeded
// archive to have words only they use. One shape here, saved by the shared factory's real write path.
import type { DocumentKind, DocumentStatus } from '@/lib/vocabulary';
import type { DocumentFixture } from './factories';

export interface Paragraph {
  text: string;
  topicSlugs?: string[];
}

export function singleSpeakerDocument(options: {
  slug: string;
  title: string;
  date: string;
  paragraphs: (string | Paragraph)[];
  speaker?: string;
  kind?: DocumentKind;
  status?: DocumentStatus;
}): DocumentFixture {
  const speaker = options.speaker ?? 'Pat Moss';
  return {
    slug: options.slug,
    kind: options.kind ?? 'essay',
    title: options.title,
    date: options.date,
    status: options.status ?? 'published',
    participants: [{ speaker, role: 'author' }],
    passages: options.paragraphs.map((p) => {
      const { text, topicSlugs = [] } = typeof p === 'string' ? { text: p } : p;
      return { kind: 'paragraph', speaker, text, topicSlugs };
    }),
  };
}
