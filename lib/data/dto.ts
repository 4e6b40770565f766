// The small plain objects the data layer hands to pages and the API; never whole database rows.
import { formatPublicationDate, isoAtPrecision, type DatePrecision } from '@/lib/dates';

export interface PublicationDate {
  /** "2016-12" at its precision, for machines. */
  iso: string;
  /** "December 2016", for people. */
  label: string;
  precision: DatePrecision;
  year: number;
}

export function publicationDate(publishedOn: string, precision: DatePrecision): PublicationDate {
  return {
    iso: isoAtPrecision(publishedOn, precision),
    label: formatPublicationDate(publishedOn, precision),
    precision,
    year: Number(publishedOn.slice(0, 4)),
  };
}

export interface SpeakerRef {
  slug: string;
  name: string;
}

export interface TopicRef {
  slug: string;
  name: string;
}

export interface ParticipantRef extends SpeakerRef {
  role: string;
}

export interface DocumentSummary {
  slug: string;
  kind: string;
  title: string;
  subtitle: string | null;
  publisher: string | null;
  date: PublicationDate;
  participants: ParticipantRef[];
  passageCount: number;
}

export interface PassageView {
  id: number;
  anchor: number;
  position: number;
  kind: 'question' | 'answer' | 'paragraph';
  speaker: SpeakerRef | null;
  text: string;
  paragraphs: string[];
  /** For an answer, the anchor of the question it answers. */
  questionAnchor: number | null;
  topics: TopicRef[];
}

export interface DocumentDetail extends DocumentSummary {
  summary: string | null;
  sourceUrl: string | null;
  caption: string | null;
  language: string;
  updatedAt: string;
  passages: PassageView[];
}

/** A passage shown away from its document: on a topic or speaker page. */
export interface PassageInContext {
  id: number;
  anchor: number;
  kind: 'question' | 'answer' | 'paragraph';
  text: string;
  speaker: SpeakerRef | null;
  document: { slug: string; title: string; date: PublicationDate };
  topics: TopicRef[];
}

export interface FacetCount {
  value: string;
  label: string;
  count: number;
}

export const splitParagraphs = (text: string) => text.split(/\n{2,}/).map((p) => p.trim()).filter(Boolean);
