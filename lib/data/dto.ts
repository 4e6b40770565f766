// The small plain objects the data layer hands to pages and the API; never whole database rows.
import { formatPublicationDate, isoAtPrecision, type DatePrecision } from '@/lib/dates';
import { markedHtml } from '@/lib/search/marks';
import type { PassageKind } from '@/lib/vocabulary';
import type { EntityMatches, SearchHit } from '@/lib/search/types';
import { documentPath, passagePath, speakerPath, topicPath } from '@/lib/urls';

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
  kind: PassageKind;
  speaker: SpeakerRef | null;
  text: string;
  paragraphs: string[];
  /** For an answer, the anchor of the question it answers. */
  questionAnchor: number | null;
  topics: TopicRef[];
  /** Where the passage is spoken in the document's recording (milliseconds); null when untimed. */
  startMs: number | null;
  endMs: number | null;
}

/** A document's recording as the reader plays it: its address, MIME type and which element plays it. */
export interface RecordingView {
  /** The stored file's own address (/media/recordings/…) or the external http(s) address. */
  src: string;
  /** The MIME type, or null when an external address came without one (the browser sniffs it). */
  type: string | null;
  kind: 'audio' | 'video';
}

/** One entry of a document's table of contents. */
export interface SectionView {
  title: string;
  synopsis: string | null;
  /** The anchor of the passage the section starts at. */
  startAnchor: number;
}

export interface DocumentDetail extends DocumentSummary {
  summary: string | null;
  sourceUrl: string | null;
  caption: string | null;
  language: string;
  updatedAt: string;
  passages: PassageView[];
  /** The recording beside the transcript, or null (the seeds: text only). */
  recording: RecordingView | null;
  /** The table of contents, in reading order; empty for most documents. */
  sections: SectionView[];
}

/** A passage shown away from its document: on a topic or speaker page. */
export interface PassageInContext {
  id: number;
  anchor: number;
  kind: PassageKind;
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

/** A search hit as the API gives it (GET /api/v1/search): the JSON contract, built from a SearchHit. */
export interface SearchHitDto {
  passageId: number;
  documentSlug: string;
  documentTitle: string;
  kind: SearchHit['kind'];
  speaker: SpeakerRef | null;
  /** The document's date at its precision: "2016-12". */
  date: string;
  /** HTML: the passage text escaped, matches in <mark>…</mark>, no other tag. */
  snippet: string;
  /** The passage's stable address in the reader, absolute. */
  url: string;
  /** Higher is better (BM25, sign flipped). */
  score: number;
  /** For an answer, the question it answers: its anchor, a short line of its text (about 120 characters,
   * cut at a word with "…"; plain text, not HTML) and its own absolute address; null for any other passage. */
  question: { anchor: number; text: string; url: string } | null;
}

/** `absolute` turns the hit's path into a full URL on the site's address. */
export function searchHitDto(hit: SearchHit, absolute: (path: string) => string): SearchHitDto {
  return {
    passageId: hit.passageId,
    documentSlug: hit.documentSlug,
    documentTitle: hit.documentTitle,
    kind: hit.kind,
    speaker: hit.speaker,
    date: hit.date,
    snippet: markedHtml(hit.marked),
    url: absolute(hit.url),
    score: hit.score,
    question: hit.question
      ? { anchor: hit.question.anchor, text: hit.question.text, url: absolute(passagePath(hit.documentSlug, hit.question.anchor)) }
      : null,
  };
}

/** The speakers, documents, topics and sections a search matched, as the API gives them: each with its absolute url, and the part that matched as HTML. */
export interface EntityMatchesDto {
  speakers: { slug: string; name: string; url: string; /** HTML like a hit's snippet. */ snippet?: string }[];
  documents: { slug: string; title: string; kind: string; date: string; url: string; snippet?: string }[];
  topics: { slug: string; name: string; url: string }[];
  sections: { document: string; documentTitle: string; title: string; anchor: number; url: string; snippet?: string }[];
}

export function entityMatchesDto(entities: EntityMatches, absolute: (path: string) => string): EntityMatchesDto {
  const snippet = (marked?: string) => (marked ? { snippet: markedHtml(marked) } : {});
  return {
    speakers: entities.speakers.map((s) => ({ slug: s.slug, name: s.name, url: absolute(speakerPath(s.slug)), ...snippet(s.marked) })),
    documents: entities.documents.map((d) => ({ slug: d.slug, title: d.title, kind: d.kind, date: d.date, url: absolute(documentPath(d.slug)), ...snippet(d.marked) })),
    topics: entities.topics.map((t) => ({ slug: t.slug, name: t.name, url: absolute(topicPath(t.slug)) })),
    sections: entities.sections.map((s) => ({
      document: s.documentSlug,
      documentTitle: s.documentTitle,
      title: s.title,
      anchor: s.anchor,
      url: absolute(passagePath(s.documentSlug, s.anchor)),
      ...snippet(s.marked),
    })),
  };
}
