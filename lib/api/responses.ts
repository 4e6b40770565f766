// JSON responses of the public read API: one shape for data, one for each kind of error.
import type { z } from 'zod';
import { env } from '@/lib/env';
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

/**
 * Absolute address of a path on this site: SITE_URL when it is set, else the host the client
 * asked for (behind a proxy, its forwarded host), so links work from wherever the API is reached.
 */
export function absoluteUrl(request: Request, path: string): string {
  if (env.SITE_URL) return new URL(path, env.SITE_URL).toString();
  const url = new URL(request.url);
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host') ?? url.host;
  const protocol = request.headers.get('x-forwarded-proto') ?? url.protocol.replace(/:$/, '');
  return new URL(path, `${protocol}://${host}`).toString();
}
