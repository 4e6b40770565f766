// The shapes of the API's answers, as zod schemas, for its OpenAPI description. The requests are
// described from the very schemas that validate them (lib/validation); the answers are built from
// lib/data's DTOs, which are TypeScript types, so they are described here, strictly (no field not
// named), and tests/integration/api/openapi.test.ts parses real answers of every endpoint with them:
// an answer that gains, loses or retypes a field fails that test until this file says so.
import { z } from 'zod';
import { DATE_PRECISIONS, DOCUMENT_KINDS, PARTICIPANT_ROLES, PASSAGE_KINDS } from '@/lib/vocabulary';

const url = z.string().meta({ description: 'Absolute address on the site (SITE_URL).', example: 'https://archive.example.org/documents/…' });
const slug = z.string().meta({ description: 'The entry’s address segment.' });

export const publicationDate = z
  .strictObject({
    iso: z.string().meta({ description: 'ISO 8601 at its true precision: "2016-12" is a month, never 2016-12-01.', example: '2016-12' }),
    label: z.string().meta({ example: 'December 2016' }),
    precision: z.enum(DATE_PRECISIONS),
    year: z.number().int(),
  })
  .meta({ id: 'PublicationDate' });

const speakerRef = z.strictObject({ slug, name: z.string() }).meta({ id: 'SpeakerRef' });
const topicRef = z.strictObject({ slug, name: z.string() }).meta({ id: 'TopicRef' });
const participant = z.strictObject({ slug, name: z.string(), role: z.enum(PARTICIPANT_ROLES) }).meta({ id: 'Participant' });

const documentSummaryShape = {
  slug,
  kind: z.enum(DOCUMENT_KINDS),
  title: z.string(),
  subtitle: z.string().nullable(),
  publisher: z.string().nullable(),
  date: publicationDate,
  participants: z.array(participant).meta({ description: 'Interviewers, interviewees, authors… each with their role.' }),
  passageCount: z.number().int(),
};

const facet = z.strictObject({ value: z.string(), label: z.string(), count: z.number().int() });

export const documentList = z
  .strictObject({
    items: z.array(z.strictObject({ ...documentSummaryShape, url }).meta({ id: 'DocumentSummary' })),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    pageCount: z.number().int(),
    facets: z.strictObject({ speakers: z.array(facet), topics: z.array(facet), kinds: z.array(facet), years: z.array(facet) }),
  })
  .meta({ id: 'DocumentList' });

export const documentPassage = z
  .strictObject({
    id: z.number().int(),
    anchor: z.number().int().meta({ description: 'Stable public anchor: never reused, never renumbered.' }),
    position: z.number().int().meta({ description: 'Reading order within the document.' }),
    kind: z.enum(PASSAGE_KINDS),
    speaker: speakerRef.nullable(),
    text: z.string().meta({ description: 'The passage whole, as spoken or written; paragraphs separated by a blank line.' }),
    questionAnchor: z.number().int().nullable().meta({ description: 'For an answer: the anchor of the question it answers.' }),
    topics: z.array(topicRef),
    startMs: z.number().int().nullable().meta({ description: "Where the passage starts in the document's recording (milliseconds); null when untimed." }),
    endMs: z.number().int().nullable().meta({ description: 'Where it ends; null exactly when startMs is.' }),
    url,
  })
  .meta({ id: 'DocumentPassage' });

export const documentDetail = z
  .strictObject({
    ...documentSummaryShape,
    summary: z.string().nullable(),
    sourceUrl: z.string().nullable().meta({ description: 'The original publication (http or https only).' }),
    caption: z.string().nullable(),
    language: z.string(),
    updatedAt: z.string().meta({ description: 'When the document last changed (ISO 8601).' }),
    url,
    recording: z
      .strictObject({
        url: z.string().meta({ description: 'The stored file (served with range requests) or the external http(s) address.' }),
        type: z.string().nullable().meta({ description: 'MIME type; null when an external address came without one.' }),
        kind: z.enum(['audio', 'video']),
      })
      .nullable()
      .meta({ id: 'Recording', description: 'The recording beside the transcript; null for a text-only document.' }),
    sections: z
      .array(
        z
          .strictObject({ title: z.string(), synopsis: z.string().nullable(), anchor: z.number().int(), url })
          .meta({ id: 'Section', description: 'An entry of the table of contents, at the passage it starts at.' }),
      )
      .meta({ description: 'The table of contents, in reading order; empty for most documents.' }),
    passages: z.array(documentPassage),
  })
  .meta({ id: 'Document' });

const passageInContext = z
  .strictObject({
    id: z.number().int(),
    anchor: z.number().int(),
    kind: z.enum(PASSAGE_KINDS),
    text: z.string(),
    speaker: speakerRef.nullable(),
    document: z.strictObject({ slug, title: z.string(), date: publicationDate }),
    topics: z.array(topicRef),
    url,
  })
  .meta({ id: 'PassageInContext' });

export const speakerList = z
  .strictObject({
    items: z.array(
      z
        .strictObject({ slug, name: z.string(), bio: z.string().nullable(), documentCount: z.number().int(), passageCount: z.number().int(), url })
        .meta({ id: 'SpeakerSummary' }),
    ),
  })
  .meta({ id: 'SpeakerList' });

export const speakerDetail = z
  .strictObject({
    slug,
    name: z.string(),
    bio: z.string().nullable(),
    bioSource: z.string().nullable(),
    aliases: z.array(z.string()),
    documentCount: z.number().int(),
    passageCount: z.number().int(),
    documents: z.array(z.strictObject({ ...documentSummaryShape, roles: z.array(z.enum(PARTICIPANT_ROLES)) })),
    byTopic: z.array(z.strictObject({ topic: topicRef.nullable(), passages: z.array(passageInContext) })),
    listedPassages: z.number().int().meta({ description: 'How many passages byTopic lists (it is capped for a speaker with very many).' }),
    url,
  })
  .meta({ id: 'Speaker' });

const topicSummaryShape = { slug, name: z.string(), description: z.string().nullable(), passageCount: z.number().int(), documentCount: z.number().int() };

export const topicList = z
  .strictObject({ items: z.array(z.strictObject({ ...topicSummaryShape, url }).meta({ id: 'TopicSummary' })) })
  .meta({ id: 'TopicList' });

export const topicDetail = z.strictObject({ ...topicSummaryShape, passages: z.array(passageInContext), url }).meta({ id: 'Topic' });

const searchHit = z
  .strictObject({
    passageId: z.number().int(),
    documentSlug: slug,
    documentTitle: z.string(),
    kind: z.enum(PASSAGE_KINDS),
    speaker: speakerRef.nullable(),
    date: z.string().meta({ description: 'The document’s date, ISO 8601 at its precision.' }),
    snippet: z.string().meta({ description: 'HTML: the text escaped, the matched words in <mark>.' }),
    url,
    score: z.number().meta({ description: 'Higher is better.' }),
    question: z.strictObject({ anchor: z.number().int(), text: z.string(), url }).nullable().meta({ description: 'For an answer: the question it answers.' }),
  })
  .meta({ id: 'SearchHit' });

export const searchResult = z
  .strictObject({
    query: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    hits: z.array(searchHit),
    facets: z.strictObject({
      speakers: z.array(z.strictObject({ slug, name: z.string(), count: z.number().int() })),
      topics: z.array(z.strictObject({ slug, name: z.string(), count: z.number().int() })),
      kinds: z.array(z.strictObject({ kind: z.enum(PASSAGE_KINDS), count: z.number().int() })),
      years: z.array(z.strictObject({ year: z.number().int(), count: z.number().int() })),
    }),
    didYouMean: z.string().optional().meta({ description: 'A corrected query, searched instead when the query as typed finds nothing.' }),
    message: z.string().optional(),
    matchedBy: z.enum(['all', 'some', 'meaning']).optional().meta({ description: 'How the hits were found: every word, some words, or by meaning.' }),
    entities: z
      .strictObject({
        speakers: z.array(z.strictObject({ slug, name: z.string(), url, snippet: z.string().optional() })),
        documents: z.array(z.strictObject({ slug, title: z.string(), kind: z.string(), date: z.string(), url, snippet: z.string().optional() })),
        topics: z.array(z.strictObject({ slug, name: z.string(), url })),
        sections: z.array(
          z
            .strictObject({
              document: slug,
              documentTitle: z.string(),
              title: z.string(),
              anchor: z.number().int().positive(),
              url,
              snippet: z.string().optional(),
            })
            .meta({ description: "A section of a document's table of contents; url is the passage it starts at." }),
        ),
      })
      .optional()
      .meta({ description: 'Speakers, documents, topics and table-of-contents sections matching the query (page 1 only).' }),
    approximate: z.literal(true).optional().meta({ description: 'Present when total and facet counts are estimates (very many matches).' }),
  })
  .meta({ id: 'SearchResult' });

export const apiError = z
  .strictObject({
    error: z.string().meta({ example: 'invalid_parameter' }),
    message: z.string(),
    problems: z.array(z.strictObject({ parameter: z.string(), message: z.string() })).optional(),
    requestId: z.string().nullable().optional(),
  })
  .meta({ id: 'Error' });
