// The OpenAPI 3.1 description of /api/v1, generated (zod-openapi) from the endpoint registry: the
// request parameters from the zod schemas the routes validate with, never a copy kept by hand.
import 'server-only';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import type { z } from 'zod';
import { absoluteUrl } from '@/lib/site-origin';
import { ENDPOINTS, type Endpoint, type ErrorStatus } from './registry';
import { PARAMETER_DESCRIPTIONS } from './parameters';
import { apiError } from './schemas';

const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'A parameter is invalid or unknown; `problems` names each one.',
  401: 'Not signed in to the back office.',
  403: 'Sent from another site.',
  404: 'Nothing published at this address.',
  409: 'The document changed since expectedVersion: nothing was written.',
  415: 'The body is not application/json.',
  422: 'The document holds a character this format cannot carry; the message names the passage. Nothing changed.',
  503: 'The archive is busy: try again.',
};

const jsonContent = (schema: z.ZodType) => ({ 'application/json': { schema } });

function operation(endpoint: Endpoint): ZodOpenApiOperationObject {
  const content =
    'media' in endpoint.response
      ? Object.fromEntries(Object.entries(endpoint.response.media).map(([type, schema]) => [type, { schema }]))
      : jsonContent(endpoint.response);
  const read = endpoint.method === 'get';
  return {
    operationId: `${endpoint.method}${endpoint.path.replace(/[{}]/g, '').replace(/(^|[/.-])(\w)/g, (_, __, c: string) => c.toUpperCase())}`,
    tags: [endpoint.tag],
    summary: endpoint.summary,
    description: endpoint.description,
    requestParams: { ...(endpoint.query ? { query: endpoint.query } : {}), ...(endpoint.pathParams ? { path: endpoint.pathParams } : {}) },
    ...(endpoint.body ? { requestBody: { required: true, content: jsonContent(endpoint.body) } } : {}),
    ...(endpoint.editorsOnly ? { security: [{ editorSession: [] }] } : {}),
    responses: {
      200: {
        description: 'OK',
        ...(read
          ? {
              headers: {
                ETag: { description: 'A strong validator of the body: send it back in If-None-Match.', schema: { type: 'string' } },
                'Access-Control-Allow-Origin': { description: 'Any site may read the answer (no credentials).', schema: { type: 'string', const: '*' } },
              },
            }
          : {}),
        content,
      },
      ...(read ? { 304: { description: 'Not modified: the If-None-Match sent names the current ETag.' } } : {}),
      ...Object.fromEntries(endpoint.errors.map((status) => [status, { description: ERROR_DESCRIPTIONS[status], content: jsonContent(apiError) }])),
    },
  };
}

/** Gives every parameter its meaning (parameters.ts); the schemas gave its type and limits. */
function describeParameters(document: ReturnType<typeof createDocument>) {
  for (const item of Object.values(document.paths ?? {})) {
    for (const op of [item?.get, item?.patch]) {
      for (const parameter of op?.parameters ?? []) {
        if ('name' in parameter && PARAMETER_DESCRIPTIONS[parameter.name] && !parameter.description)
          parameter.description = PARAMETER_DESCRIPTIONS[parameter.name];
      }
    }
  }
  return document;
}

let built: ReturnType<typeof createDocument> | undefined;

/** The description, built once per process (it depends only on the code and SITE_URL). */
export function openApiDocument() {
  if (built) return built;
  const paths: ZodOpenApiPathsObject = {};
  for (const endpoint of ENDPOINTS) paths[endpoint.path] = { ...paths[endpoint.path], [endpoint.method]: operation(endpoint) };
  built = describeParameters(
    createDocument({
      openapi: '3.1.0',
      info: {
        title: 'Interview Archive API',
        version: '1',
        description:
          'Read-only JSON over the public archive: documents, passages, speakers, topics and search. Every answer to a GET carries an ETag (a conditional request gets 304) and may be read from any site. Unknown parameters are refused with 400.',
      },
      servers: [{ url: absoluteUrl('/api/v1') }],
      tags: [...new Set(ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
      paths,
      components: {
        securitySchemes: {
          editorSession: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token', description: 'A back-office session (sign in at /sign-in).' },
        },
      },
    }),
  );
  return built;
}
