// The shapes of document the tests add to the seeded archive, built here once and saved by the shared
// factory's real write path: a document by one speaker, with paragraphs of its own (what the search
// tests add to have words only they use), and a question with its answer between two speakers.
import type { DocumentKind, DocumentStatus, ParticipantRole } from '@/lib/vocabulary';
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
  /** Default: author. A speaker may hold two roles in one document (author and translator). */
  roles?: ParticipantRole[];
  kind?: DocumentKind;
  status?: DocumentStatus;
  publisher?: string;
}): DocumentFixture {
  const speaker = options.speaker ?? 'Pat Moss';
  return {
    slug: options.slug,
    kind: options.kind ?? 'essay',
    title: options.title,
    date: options.date,
    status: options.status ?? 'published',
    ...(options.publisher ? { publisher: options.publisher } : {}),
    participants: (options.roles ?? ['author']).map((role) => ({ speaker, role })),
    passages: options.paragraphs.map((p) => {
      const { text, topicSlugs = [] } = typeof p === 'string' ? { text: p } : p;
      return { kind: 'paragraph', speaker, text, topicSlugs };
    }),
  };
}

const paragraph = (p: string | Paragraph): Paragraph => (typeof p === 'string' ? { text: p } : p);

/** An interview (or a testimony) of one question and its answer: the interviewer asks, the interviewee answers. */
export function questionAndAnswer(options: {
  slug: string;
  title: string;
  date: string;
  interviewer: string;
  interviewee: string;
  question: string | Paragraph;
  answer: string | Paragraph;
  kind?: DocumentKind;
  status?: DocumentStatus;
  /** Details of the speakers (aliases, bio); default: the two named, matched by name or made new. */
  speakers?: DocumentFixture['speakers'];
}): DocumentFixture {
  const question = paragraph(options.question);
  const answer = paragraph(options.answer);
  return {
    slug: options.slug,
    kind: options.kind ?? 'interview',
    title: options.title,
    date: options.date,
    status: options.status ?? 'published',
    ...(options.speakers ? { speakers: options.speakers } : {}),
    participants: [
      { speaker: options.interviewer, role: 'interviewer' },
      { speaker: options.interviewee, role: 'interviewee' },
    ],
    passages: [
      { kind: 'question', speaker: options.interviewer, text: question.text, topicSlugs: question.topicSlugs ?? [] },
      { kind: 'answer', speaker: options.interviewee, text: answer.text, answers: 0, topicSlugs: answer.topicSlugs ?? [] },
    ],
  };
}
