// The shapes of document the tests add to the seeded archive, built here once and saved by the shared
// factory's real write path: a document by one speaker, with paragraphs of its own (what the search
// tests add to have words only they use), and a question with its answer between two speakers.
import type { DocumentKind, DocumentStatus, ParticipantRole } from '@/lib/vocabulary';
import type { DocumentFixture } from './factories';

export interface Paragraph {
  text: string;
  topicSlugs?: string[];
}

/** A paragraph of a one-speaker document that nobody is credited with (a note, an unattributed line). */
export interface UncreditedParagraph extends Paragraph {
  uncredited: true;
}

export function singleSpeakerDocument(options: {
  slug: string;
  title: string;
  date: string;
  paragraphs: (string | Paragraph | UncreditedParagraph)[];
  speaker?: string;
  /** Default: author. A speaker may hold two roles in one document (author and translator). */
  roles?: ParticipantRole[];
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
    participants: (options.roles ?? ['author']).map((role) => ({ speaker, role })),
    passages: options.paragraphs.map((p) => {
      const { text, topicSlugs = [] } = typeof p === 'string' ? { text: p } : p;
      return { kind: 'paragraph', speaker: typeof p !== 'string' && 'uncredited' in p ? null : speaker, text, topicSlugs };
    }),
  };
}

/** A line of a conversation: who says it, and the topics it is filed under. */
export interface Line extends Paragraph {
  speaker: string;
}

/**
 * An interview (or a testimony) of one question and its answer: the first speaker asks as the
 * interviewer, the second answers as the interviewee. `speakers` gives their details (aliases, bio);
 * by default they are matched by name or made new.
 */
export function questionAndAnswer(
  document: { slug: string; title: string; date: string; kind?: DocumentKind; status?: DocumentStatus },
  question: Line,
  answer: Line,
  speakers?: DocumentFixture['speakers'],
): DocumentFixture {
  return {
    ...document,
    kind: document.kind ?? 'interview',
    status: document.status ?? 'published',
    ...(speakers ? { speakers } : {}),
    participants: [
      { speaker: question.speaker, role: 'interviewer' },
      { speaker: answer.speaker, role: 'interviewee' },
    ],
    passages: [
      { kind: 'question', speaker: question.speaker, text: question.text, topicSlugs: question.topicSlugs ?? [] },
      { kind: 'answer', speaker: answer.speaker, text: answer.text, answers: 0, topicSlugs: answer.topicSlugs ?? [] },
    ],
  };
}
