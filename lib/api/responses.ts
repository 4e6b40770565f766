// JSON responses of the public read API: one shape for data, one for each kind of error.
import type { z } from 'zod';
import { describeIssues } from '@/lib/validation/common';

const HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Cache-Control': 'no-store',
};

export function jsonOk(body: unknown): Response {
  return Response.json(body, { headers: HEADERS });
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

export function jsonNotFound(what: string): Response {
  return Response.json({ error: 'not_found', message: `No published ${what} at this address.` }, { status: 404, headers: HEADERS });
}

/** Absolute address of a path on this site, from the request's own origin. */
export function absoluteUrl(request: Request, path: string): string {
  return new URL(path, request.url).toString();
}
