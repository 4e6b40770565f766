// JSON responses of the public read API: one shape for data, one for each kind of error.
import 'server-only';
import type { z } from 'zod';
import { describeIssues, parseUrlParams } from '@/lib/validation/common';

const HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'no-store',
};

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: HEADERS });
}

/** jsonOk for a body already written as JSON text. */
export function jsonText(json: string): Response {
  return new Response(json, { headers: { ...HEADERS, 'Content-Type': 'application/json' } });
}

export function jsonBadRequest(error: z.ZodError): Response {
  const problems = describeIssues(error);
  return Response.json(
    {
      error: 'invalid_parameter',
      message: problems.map((p) => `${p.parameter}: ${p.message}`).join('; '),
      problems,
    },
    { status: 400, headers: HEADERS },
  );
}

export function jsonError(status: number, error: string, message: string): Response {
  return Response.json({ error, message }, { status, headers: HEADERS });
}

export const jsonNotFound = (what: string): Response => jsonError(404, 'not_found', `No published ${what} at this address.`);

/** Absolute address of a path on this site, on the configured origin (lib/site-origin.ts says why). */
export { absoluteUrl } from '@/lib/site-origin';

/** Validates a request's query string; a 400 names each parameter at fault. */
/**
 * A route's path parameters and query string, each checked by its schema: a bad segment or parameter
 * is the 400 that names it, before anything is read.
 */
export async function parseRequest<P extends z.ZodType, Q extends z.ZodType>(
  request: Request,
  params: Promise<unknown>,
  paramsSchema: P,
  querySchema: Q,
): Promise<{ params: z.output<P>; query: z.output<Q>; refused?: never } | { params?: never; query?: never; refused: Response }> {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) return { refused: jsonBadRequest(parsed.error) };
  const query = parseQuery(request, querySchema);
  if (query.refused) return { refused: query.refused };
  return { params: parsed.data, query: query.data };
}

export function parseQuery<S extends z.ZodType>(request: Request, schema: S): { data: z.output<S>; refused?: never } | { data?: never; refused: Response } {
  const parsed = parseUrlParams(schema, new URL(request.url).searchParams);
  return parsed.success ? { data: parsed.data } : { refused: jsonBadRequest(parsed.error) };
}
