// Every endpoint of /api/v1, once: the zod schemas that validate its request (the same objects the
// route parses with), the shape of its answer, and an example. The OpenAPI description
// (/api/v1/openapi.json) and the API page (/api) are generated from this list, and
// tests/integration/api/openapi.test.ts fails when a route under app/api/v1 is missing from it.
//
// Adding a route to the description: one entry below (path in OpenAPI form, its route folder, the
// schemas its handler parses, the answer's schema from ./schemas or a media type, an example).
import { z } from 'zod';
import { documentFiltersSchema } from '@/lib/validation/document-filters';
import { searchParamsSchema } from '@/lib/validation/search';
import { slugParamSchema } from '@/lib/validation/slug-param';
import { noParamsSchema } from '@/lib/validation/common';
import { passageFieldsSchema, updatePassageSchema } from '@/lib/validation/editorial';
import { citationQuerySchema, documentCitationParams, passageCitationParams, passageCitationQuerySchema } from '@/lib/citations/api-params';
import { CITATION_MEDIA_TYPES, CSL_JSON_MEDIA_TYPE } from '@/lib/citations/formats';
import { EXPORT_FORMAT_INFO } from '@/lib/exports/formats';
import { exportParamsSchema } from '@/lib/exports/params';
import { documentDetail, documentList, searchResult, speakerDetail, speakerList, topicDetail, topicList } from './schemas';

/** An object schema of parameters (what zod-openapi turns into OpenAPI parameters). */
type ParamsSchema = z.ZodType<unknown, Record<string, unknown>>;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 415 | 422 | 503;

export interface Endpoint {
  /** Under /api/v1, in OpenAPI's form: `/documents/{slug}`. */
  path: string;
  /** The route's folder under app/api/v1 (`documents/[slug]`): the test walks the folders with it. */
  route: string;
  method: 'get' | 'patch';
  /** Groups endpoints on the API page. */
  tag: 'Documents' | 'Speakers' | 'Topics' | 'Search' | 'Description' | 'Editors';
  summary: string;
  description: string;
  /** The schema the handler validates the query string with (every API route refuses unknown parameters). */
  query?: ParamsSchema;
  /** The schema the handler validates the path's parameters with. */
  pathParams?: ParamsSchema;
  /** A JSON body, validated by this schema. */
  body?: z.ZodType;
  /** The 200 answer: a JSON schema, or other media types (an export format) each with a schema. */
  response: z.ZodType | { media: Record<string, z.ZodType> };
  errors: ErrorStatus[];
  /** A request to follow, relative to /api/v1, for the page and the tests; none for a write. */
  example?: string;
  /** Signed-in editors only (a back-office session cookie). */
  editorsOnly?: boolean;
}

export const ENDPOINTS: Endpoint[] = [
  {
    path: '/documents',
    route: 'documents',
    method: 'get',
    tag: 'Documents',
    summary: 'List published documents',
    description: 'Published documents with the same filters, sort and pages as the /documents page, and facet counts under the other filters.',
    query: documentFiltersSchema,
    response: documentList,
    errors: [400],
    example: '/documents?kind=essay',
  },
  {
    path: '/documents/{slug}',
    route: 'documents/[slug]',
    method: 'get',
    tag: 'Documents',
    summary: 'One document with every passage',
    description:
      'A published document, its participants with their roles, and every passage in reading order, each credited to its speaker, with its stable anchor and address.',
    pathParams: slugParamSchema,
    query: noParamsSchema,
    response: documentDetail,
    errors: [400, 404],
    example: '/documents/how-to-really-bring-change-to-north-korea',
  },
  citationEndpoint({
    path: '/documents/{slug}/citation',
    summary: 'Cite a document',
    description:
      'The document as CSL-JSON (one item, dates at their precision: [[2016, 12]]), or with ?format= its citation in APA 7, MLA 9, Chicago author-date, BibTeX or RIS, accessed the day of the request (UTC).',
    pathParams: documentCitationParams,
    query: citationQuerySchema,
    example: '/documents/how-to-really-bring-change-to-north-korea/citation',
  }),
  citationEndpoint({
    path: '/documents/{slug}/passages/{anchor}/citation',
    summary: 'Cite a passage',
    description:
      "One passage as CSL-JSON or, with ?format=, as text: its speaker, its own address, its position in the document and the original publication. With a recording, the passage's begin–end times, or with ?t= a moment or clip of it (?t=65, ?t=1:05, ?t=65,80).",
    pathParams: passageCitationParams,
    query: passageCitationQuerySchema,
    example: '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea/passages/2/citation?format=bibtex',
  }),
  {
    path: '/documents/{slug}/export/{format}',
    route: 'documents/[slug]/export/[format]',
    method: 'get',
    tag: 'Documents',
    summary: 'Download a document',
    description:
      'The document as a file: json (this API’s document), md, txt, csv (one row a passage), vtt (WebVTT, a <v Speaker> cue a passage), tei (TEI P5) or ohms (OHMS XML). Every passage whole, credited to its speaker, in order.',
    pathParams: exportParamsSchema,
    query: noParamsSchema,
    response: { media: Object.fromEntries(Object.values(EXPORT_FORMAT_INFO).map((info) => [info.contentType.split(';')[0], z.string()])) },
    errors: [400, 404, 422],
    example: '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea/export/vtt',
  },
  {
    path: '/speakers',
    route: 'speakers',
    method: 'get',
    tag: 'Speakers',
    summary: 'List speakers',
    description: 'Everyone who speaks or writes in a published document, with counts.',
    query: noParamsSchema,
    response: speakerList,
    errors: [400],
    example: '/speakers',
  },
  {
    path: '/speakers/{slug}',
    route: 'speakers/[slug]',
    method: 'get',
    tag: 'Speakers',
    summary: 'One speaker',
    description: 'A speaker’s bio and aliases, their documents with their roles, and their passages grouped by topic.',
    pathParams: slugParamSchema,
    query: noParamsSchema,
    response: speakerDetail,
    errors: [400, 404],
    example: '/speakers/seongmin-lee',
  },
  {
    path: '/topics',
    route: 'topics',
    method: 'get',
    tag: 'Topics',
    summary: 'List topics',
    description: 'The taxonomy, with passage and document counts over published documents.',
    query: noParamsSchema,
    response: topicList,
    errors: [400],
    example: '/topics',
  },
  {
    path: '/topics/{slug}',
    route: 'topics/[slug]',
    method: 'get',
    tag: 'Topics',
    summary: 'One topic with its passages',
    description: 'Every published passage tagged with the topic, with its speaker and document.',
    pathParams: slugParamSchema,
    query: noParamsSchema,
    response: topicDetail,
    errors: [400, 404],
    example: '/topics/china',
  },
  {
    path: '/search',
    route: 'search',
    method: 'get',
    tag: 'Search',
    summary: 'Search passages',
    description:
      'Passages matching a query, ranked, with facets: words, "exact phrases", prefix*, a OR b, -exclude; a query in plain words is searched by meaning as well. Speakers, documents and topics that match come first on page 1.',
    query: searchParamsSchema,
    response: searchResult,
    errors: [400],
    example: '/search?q=sanctions',
  },
  {
    path: '/openapi.json',
    route: 'openapi.json',
    method: 'get',
    tag: 'Description',
    summary: 'This description',
    description: 'The OpenAPI 3.1 description of /api/v1, generated from the schemas that validate the requests.',
    query: noParamsSchema,
    response: z
      .object({ openapi: z.literal('3.1.0') })
      .catchall(z.unknown())
      .meta({ id: 'OpenApiDocument' }),
    errors: [400],
    example: '/openapi.json',
  },
  {
    path: '/admin/documents/{id}/passages/{anchor}',
    route: 'admin/documents/[id]/passages/[anchor]',
    method: 'patch',
    tag: 'Editors',
    summary: 'Edit a passage',
    description:
      'For editors’ tools, with a back-office session cookie, from this site only. The fields given change (startMs and endMs, in milliseconds into the recording, only together; both null clears them); a stale expectedVersion gets 409 with the current version and what was sent, and nothing is written.',
    pathParams: z.object({ id: passageFieldsSchema.shape.documentId, anchor: passageFieldsSchema.shape.anchor }),
    body: updatePassageSchema.omit({ documentId: true, anchor: true }),
    response: z
      .strictObject({
        version: z.number().int(),
        changed: z.boolean(),
        paths: z.array(z.string()).meta({ description: 'Public pages renewed.' }),
        passage: z
          .strictObject({ anchor: z.number().int(), startMs: z.number().int().nullable(), endMs: z.number().int().nullable() })
          .meta({ description: 'The passage’s place in the recording after the edit, in milliseconds (null when untimed).' }),
      })
      .meta({ id: 'PassageEditResult' }),
    errors: [400, 401, 403, 404, 409, 415, 503],
    editorsOnly: true,
  },
];

/**
 * A citation endpoint: a GET under Documents answering CSL-JSON by default or a style's text with
 * ?format= (citationMedia); its route folder is its path's.
 */
function citationEndpoint(endpoint: Pick<Endpoint, 'path' | 'summary' | 'description' | 'pathParams' | 'query' | 'example'>): Endpoint {
  const route = endpoint.path.slice(1).replace(/\{(\w+)\}/g, '[$1]');
  return { ...endpoint, route, method: 'get', tag: 'Documents', response: { media: citationMedia() }, errors: [400, 404] };
}

/** The citation endpoints' answers: CSL-JSON by default, a style's text with ?format=. */
function citationMedia(): Record<string, z.ZodType> {
  const media: Record<string, z.ZodType> = { [CSL_JSON_MEDIA_TYPE]: z.array(z.looseObject({ id: z.string(), type: z.string() })) };
  for (const type of Object.values(CITATION_MEDIA_TYPES)) media[type.split(';')[0]] = z.string();
  return media;
}
