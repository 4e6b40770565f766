// The API's description (/api/v1/openapi.json, lib/api/openapi) and the wrapper every public GET goes
// through (lib/api/public-get.ts), on the route handlers as Next calls them:
// - the description is valid OpenAPI 3.1 by @readme/openapi-parser, and every route under app/api/v1
//   (the folder walked) is in it with each method it exports, and every parameter says what it is for;
// - each GET endpoint's example answers 200 with a body its described schema accepts strictly, so
//   the description cannot drift from the answers;
// - each carries a strong ETag, answers If-None-Match with 304 and no body, may be read from any site,
//   and answers a CORS preflight.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { validate } from '@readme/openapi-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { ENDPOINTS, type Endpoint } from '@/lib/api/openapi/registry';
import { PARAMETER_DESCRIPTIONS } from '@/lib/api/openapi/parameters';
import { prisma } from '@/lib/db/client';
import { matchesIfNoneMatch } from '@/lib/api/public-get';

afterAll(() => prisma.$disconnect());

const ROOT = path.resolve(import.meta.dirname, '../../..');
const API_DIR = path.join(ROOT, 'app/api/v1');
const ORIGIN = 'http://localhost:3000';
const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

type RouteModule = Partial<Record<(typeof HTTP_METHODS)[number] | 'OPTIONS', (request: Request, context?: unknown) => Promise<Response> | Response>>;
const modules = import.meta.glob<RouteModule>('/app/api/v1/**/route.ts');

/** Every folder under app/api/v1 holding a route.ts, as `documents/[slug]`; the catch-all 404 is no endpoint. */
function routeFolders(dir = API_DIR): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFolders(full);
    return name === 'route.ts' ? [path.relative(API_DIR, dir).split(path.sep).join('/')] : [];
  });
}
const ROUTES = routeFolders().filter((route) => !route.startsWith('[...'));

const load = (route: string) => modules[`/app/api/v1/${route}/route.ts`]();

/** Calls an endpoint's GET as Next does: the example's path parameters read from the route's template. */
async function call(endpoint: Endpoint, example: string, headers: Record<string, string> = {}): Promise<Response> {
  const routeModule = await load(endpoint.route);
  const pattern = new RegExp(`^${endpoint.path.replace(/\./g, '\\.').replace(/\{(\w+)\}/g, '(?<$1>[^/?]+)')}(\\?|$)`);
  const params = { ...pattern.exec(example)?.groups };
  return routeModule.GET!(new Request(`${ORIGIN}/api/v1${example}`, { headers }), { params: Promise.resolve(params) });
}

async function description() {
  const openapi = ENDPOINTS.find((e) => e.path === '/openapi.json')!;
  const response = await call(openapi, '/openapi.json');
  expect(response.status).toBe(200);
  return response.json();
}

describe('the OpenAPI description', () => {
  it('is valid OpenAPI 3.1, and the validator does refuse a broken copy', async () => {
    const doc = await description();
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
    const broken = structuredClone(doc);
    broken.paths['/documents'].get.responses = { 200: { content: {} } };
    expect((await validate(broken)).valid).toBe(false);
  });

  it('describes every route under app/api/v1 with each method it exports, and nothing that is not there', async () => {
    const doc = await description();
    expect(ROUTES.length).toBeGreaterThanOrEqual(8);
    for (const route of ROUTES) {
      const openApiPath = `/${route.replace(/\[(\w+)\]/g, '{$1}')}`;
      const routeModule = await load(route);
      const exported = HTTP_METHODS.filter((m) => typeof routeModule[m] === 'function');
      expect(exported.length, route).toBeGreaterThan(0);
      for (const method of exported)
        expect(
          doc.paths[openApiPath]?.[method.toLowerCase()],
          `${method} ${openApiPath} (app/api/v1/${route}) is not in the description: add it to lib/api/openapi/registry.ts`,
        ).toBeDefined();
    }
    for (const endpoint of ENDPOINTS) expect(ROUTES, `the registry names ${endpoint.route}, which has no route.ts`).toContain(endpoint.route);
  });

  it('takes each parameter from the schema the route validates with, and says what each is for', async () => {
    const doc = await description();
    const parameters = Object.values(doc.paths).flatMap((item) =>
      Object.values(item as Record<string, { parameters?: { name: string; description?: string }[] }>).flatMap((op) => op.parameters ?? []),
    );
    for (const p of parameters)
      expect(p.description, `parameter ${p.name}: add its meaning to lib/api/openapi/parameters.ts`).toBe(PARAMETER_DESCRIPTIONS[p.name]);
    const names = (p: string) => doc.paths[p].get.parameters.map((x: { name: string }) => x.name);
    expect(names('/documents')).toEqual(['speaker', 'topic', 'kind', 'from', 'to', 'sort', 'page', 'pageSize']);
    expect(names('/search')).toEqual(['q', 'speaker', 'topic', 'kind', 'document', 'from', 'to', 'page', 'pageSize']);
    // What the description lists is what the route accepts, and nothing else.
    const search = ENDPOINTS.find((e) => e.path === '/search')!;
    expect(
      (
        await call(
          search,
          `/search?${names('/search')
            .map((n: string) => `${n}=`)
            .join('&')}`,
        )
      ).status,
    ).toBe(200);
    const unknown = await call(search, '/search?q=china&colour=red');
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ problems: [{ parameter: 'colour' }] });
  });
});

describe.each(ENDPOINTS.filter((e) => e.method === 'get'))('GET /api/v1$path', (endpoint) => {
  it('answers its example with a body the described schema accepts, strictly', async () => {
    const response = await call(endpoint, endpoint.example!);
    expect(response.status).toBe(200);
    // A file or a citation: the schema of the media type the answer says it is, which must be described.
    const mediaType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
    const schema = 'media' in endpoint.response ? endpoint.response.media[mediaType] : endpoint.response;
    expect(schema, `${mediaType} is not described`).toBeDefined();
    const body = /json$/.test(mediaType) ? await response.json() : await response.text();
    const parsed = schema.safeParse(body);
    expect(parsed.error?.issues ?? []).toEqual([]);
  });

  it('sends a strong ETag, answers If-None-Match with 304 and no body, and lets any site read it', async () => {
    const first = await call(endpoint, endpoint.example!);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    expect(first.headers.get('cache-control')).toBe('no-cache');
    expect(first.headers.get('access-control-allow-origin')).toBe('*');
    expect(first.headers.get('access-control-allow-credentials')).toBeNull();
    expect(first.headers.get('access-control-expose-headers')).toContain('ETag');

    for (const ifNoneMatch of [etag!, `W/${etag}`, `"other", ${etag}`, '*']) {
      const again = await call(endpoint, endpoint.example!, { 'If-None-Match': ifNoneMatch });
      expect(again.status, ifNoneMatch).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('etag')).toBe(etag);
      expect(again.headers.get('access-control-allow-origin')).toBe('*');
    }
    const changed = await call(endpoint, endpoint.example!, { 'If-None-Match': '"not-this-one"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(etag);

    const preflight = await (await load(endpoint.route)).OPTIONS!(new Request(`${ORIGIN}/api/v1${endpoint.example}`, { method: 'OPTIONS' }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('If-None-Match');
  });
});

describe('refusals', () => {
  it('gives a 400 or 404 no validator and no 304, even to a client naming any tag', async () => {
    const documents = ENDPOINTS.find((e) => e.path === '/documents/{slug}')!;
    const missing = await call(documents, '/documents/nothing-here', { 'If-None-Match': '*' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('etag')).toBeNull();
    expect(missing.headers.get('cache-control')).toBe('no-store');
    expect(missing.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('reads If-None-Match as RFC 9110 says: a list, weak tags compared weakly, * for any', () => {
    expect(matchesIfNoneMatch('"a", W/"b"', '"b"')).toBe(true);
    expect(matchesIfNoneMatch('"a"', '"b"')).toBe(false);
    expect(matchesIfNoneMatch('', '"b"')).toBe(false);
    expect(matchesIfNoneMatch(null, '"b"')).toBe(false);
  });
});
