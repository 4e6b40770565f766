// Hostile input over real HTTP, property-based (fast-check): every public page and /api/v1 route,
// every query parameter each takes (read from the zod schemas the routes validate with), every
// dynamic path segment, with arbitrary and adversarial strings: any code point, lone surrogates,
// combining marks, bidi controls, NUL, broken percent-encoding, huge lengths, numbers written every
// wrong way, repeated and unknown parameters. Whatever arrives, the answer is a success, a redirect or
// a 4xx (the API's as JSON with a message, naming the parameter when one is at fault), never a 5xx;
// and since every request here is refused or read-only, the archive is the same afterwards.
import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import fc from 'fast-check';
import { documentFiltersSchema } from '@/lib/validation/document-filters';
import { searchParamsSchema } from '@/lib/validation/search';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

// The parameters each route reads, from the schemas themselves, so a new one is fuzzed without asking.
const SEARCH_PARAMS = Object.keys(searchParamsSchema.shape);
const DOCUMENT_PARAMS = Object.keys(documentFiltersSchema.shape);
/** The names the API may blame besides query parameters: its path segments. */
const SEGMENT_NAMES = ['slug', 'anchor', 'path', 'id'];

// Values that mean something to some parameter, so the fuzz reaches the success paths too.
const MEANINGFUL: Record<string, string[]> = {
  q: ['sanctions', '"north korea"', 'smugg*', 'china -smuggling', 'sanctons', 'a OR b', 'korea '.repeat(80)],
  speaker: ['seongmin-lee', 'jeff-kim', 'nobody'],
  topic: ['china', 'sanctions', 'human-rights', 'nothing'],
  kind: ['question', 'answer', 'paragraph', 'interview', 'essay', 'speech', 'testimony'],
  document: [INTERVIEW, ESSAY],
  from: ['2016', '2016-12', '2018-08-28', '2016-02-30', '0000', '9999-12-31'],
  to: ['2016', '2018-08', '2019-02-29', '1900'],
  sort: ['newest', 'oldest', 'title'],
  page: ['1', '2', '1000', '1001', '100000', '100001'],
  pageSize: ['1', '10', '50', '51', '100', '101'],
  group: ['document'],
};

// Adversarial pieces, kept as text (encoded by `encode`) or, for BROKEN_PERCENT, sent raw.
const BROKEN_PERCENT = ['%', '%%', '%2', '%G0', '%zz', '%E2%82', '%ED%A0%80', '%ED%B0%80', '%FF%FE', '%C0%AF', '%F4%90%80%80', '%80', '%00', '%25%'];
const NUMBERISH = [
  '0',
  '-1',
  '0x10',
  '1e3',
  ' 1',
  '1 ',
  '+1',
  '1.0',
  '1,000',
  '1_000',
  'Infinity',
  'NaN',
  '0b11',
  '0o7',
  '١٢',
  '٣',
  '9'.repeat(40),
  '-0',
  '00001',
];
const UNICODE = [
  '\u0301\u0301\u0301',
  '\u05B0\u05B4\u05BC',
  '\u093E\u093F\u0940',
  '\u20DD',
  '\u0E31\u0E34',
  'e\u0301',
  '\u202Eevil\u202C',
  '\u2066x\u2069',
  '\u200F',
  '\u200B',
  '\uFEFF',
  '\u0000',
  'a\u0000b',
  '\u0002\u0003',
  '\u001B[31m',
  '\r\n',
  '\t',
  '👍🏽',
  '👨‍👩‍👧',
  '🏳️‍🌈',
  '北朝鮮',
  '北한',
  '𠀀',
  '\uE000',
  '\uFFFE\uFFFF',
  'İ',
  'ß',
  'ﬁ',
  '\uD800',
  '\uDC00x',
  'x\uD83D',
];
const SYNTAX = [
  '"',
  '""',
  '*',
  '(',
  ')',
  'OR',
  'AND',
  'NEAR(',
  'NEAR/2',
  '-',
  '--',
  ':',
  'col:x',
  '^',
  '{}',
  '[]',
  '\\',
  '/',
  '?',
  '#',
  '&',
  '=',
  '+',
  ';',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "'; DROP TABLE Passage; --",
  '../../etc/passwd',
  '..%2F..%2F',
  'null',
  'undefined',
  'true',
  '__proto__',
  'constructor',
  'toString',
  '$where',
  '{{7*7}}',
  '${7*7}',
  'javascript:alert(1)',
];
const PATHISH = [
  '.',
  '..',
  '%2e',
  '%2e%2e',
  '%2F',
  '%5C',
  'a%2Fb',
  '~',
  '-',
  '--',
  'A',
  'Seongmin-Lee',
  'seongmin--lee',
  '-leading',
  'a_b',
  '0',
  '007',
  '1e3',
  '0x10',
];

/**
 * Percent-encodes text for a URL. encodeURIComponent throws on a lone surrogate: one is written as
 * the three bytes a careless encoder produces (CESU-8), which is itself broken UTF-8 to the server.
 */
function encode(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0xd800 && code <= 0xdfff) {
      out += [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(char);
    }
  }
  return out;
}

const hostileText = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...UNICODE, ...SYNTAX, ...NUMBERISH, ...PATHISH) },
  { weight: 1, arbitrary: fc.array(fc.constantFrom(...UNICODE, ...SYNTAX, 'a', 'sanctions', ' '), { maxLength: 12 }).map((parts) => parts.join('')) },
);

/** Node refuses a request line and headers over 16 KB (431) before the app sees it: stay under it. */
const MAX_QUERY_LENGTH = 12_000;

/** A value as it appears in a URL: encoded text, raw broken percent-encoding, a mix, or a huge run. */
const hostileValue = fc.oneof(
  { weight: 6, arbitrary: hostileText.map(encode) },
  { weight: 2, arbitrary: fc.constantFrom(...BROKEN_PERCENT) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(fc.constantFrom(...BROKEN_PERCENT), hostileText.map(encode)), { minLength: 2, maxLength: 6 }).map((parts) => parts.join('')),
  },
  // Long enough to pass every limit the app sets (q: 500, slugs: 120), short of Node's 16 KB header limit.
  {
    weight: 1,
    arbitrary: fc.tuple(fc.constantFrom('a', '%CC%81', '%E5%8C%97', '9', '%25', 'a%20'), fc.integer({ min: 100, max: 600 })).map(([unit, n]) => unit.repeat(n)),
  },
);

const hostileName = fc.oneof(
  fc.constantFrom('utm_source', 'fbclid', '__proto__', 'constructor', 'q[]', 'page[0]', 'Page', 'PAGE', ' q', 'q ', '', 'limit', 'offset', 'callback'),
  hostileText.map(encode),
  fc.constantFrom(...BROKEN_PERCENT),
);

/** A query string over the given parameter names: known names with meaningful or hostile values, unknown names, repeats. */
function queryString(names: string[]): fc.Arbitrary<string> {
  const known = names.length > 0 ? fc.constantFrom(...names) : hostileName;
  const pair = fc
    .oneof({ weight: 4, arbitrary: known }, { weight: 1, arbitrary: hostileName })
    .chain((name) =>
      fc.tuple(
        fc.constant(name),
        fc.oneof(
          { weight: 1, arbitrary: fc.constantFrom(...(Object.hasOwn(MEANINGFUL, name) ? MEANINGFUL[name] : ['x'])).map(encode) },
          { weight: 2, arbitrary: hostileValue },
        ),
      ),
    );
  return fc
    .tuple(fc.array(pair, { maxLength: 5 }), fc.boolean(), fc.boolean())
    .map(([pairs, repeatOne, bareKey]) => {
      const all = repeatOne && pairs.length > 0 ? [...pairs, pairs[0]] : pairs;
      const parts = all.map(([name, value]) => `${name}=${value}`);
      if (bareKey) parts.push(names[0] ?? 'flag');
      return parts.join('&');
    })
    .filter((query) => query.length <= MAX_QUERY_LENGTH);
}

/** The parameter names a query string carries, decoded as the server decodes them (broken escapes included). */
const sentNames = (query: string) => [...new URLSearchParams(query).keys()];

/** A path segment: a real slug, hostile text encoded, raw broken percent-encoding, dot segments, or a long run. */
const segment = fc.oneof(
  { weight: 2, arbitrary: fc.constantFrom(INTERVIEW, ESSAY, 'seongmin-lee', 'jeff-kim', 'china', 'sanctions', '1', '2', '7') },
  { weight: 5, arbitrary: hostileText.filter((t) => t.length > 0).map(encode) },
  { weight: 2, arbitrary: fc.constantFrom(...BROKEN_PERCENT, ...PATHISH) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('a', 'a-', '%CC%81', '9'), fc.integer({ min: 60, max: 400 })).map(([unit, n]) => unit.repeat(n)) },
);

// Counted across the spec, for the summary line the integrator reports.
const counts = new Map<string, number>();
const count = (family: string) => counts.set(family, (counts.get(family) ?? 0) + 1);

/** Fetches a path (one more example) and checks that it answers this status as JSON; gives back the parsed body. */
async function jsonAnswer(request: APIRequestContext, path: string, status: number) {
  count('examples');
  const response = await fetchRaw(request, path);
  expect(response.status(), path).toBe(status);
  expect(response.headers()['content-type'], path).toMatch(/^application\/json/);
  return response.json();
}

async function fetchRaw(request: APIRequestContext, path: string): Promise<APIResponse> {
  // No redirects followed: a 3xx is an answer in itself. The URL is sent as written, broken escapes included.
  return request.get(path, { maxRedirects: 0, failOnStatusCode: false, timeout: 20_000 });
}

/** The property for an API answer: never 5xx; JSON; a 4xx says why, naming a parameter it was sent when one is at fault. */
async function expectApiAnswer(response: APIResponse, sentNames: string[], label: string) {
  const status = response.status();
  expect(status, label).toBeLessThan(500);
  if (status >= 300 && status < 400) return;
  // A URL parser resolves dot segments ("/api/v1/%2e%2e/x" is "/api/x"): what left /api/v1 is a page.
  if (!new URL(response.url()).pathname.startsWith('/api/v1/')) return;
  expect(response.headers()['content-type'] ?? '', `${label}: content-type`).toMatch(/^application\/json/);
  const body = await response.json();
  if (status < 400) return;
  expect(typeof body.message, `${label}: message`).toBe('string');
  expect(body.message.length, `${label}: message`).toBeGreaterThan(0);
  if (body.error === 'invalid_parameter') {
    const blamed: string[] = body.problems.map((p: { parameter: string }) => p.parameter);
    expect(blamed.length, label).toBeGreaterThan(0);
    for (const parameter of blamed) {
      expect([...sentNames, ...SEGMENT_NAMES, '(query)'], `${label}: blames ${parameter}`).toContain(parameter);
      expect(body.message, label).toContain(parameter);
    }
  }
}

/** The property for a page: never 5xx; a page that answers is HTML. */
async function expectPageAnswer(response: APIResponse, label: string) {
  const status = response.status();
  expect(status, label).toBeLessThan(500);
  if (status === 200) expect(response.headers()['content-type'] ?? '', label).toMatch(/^text\/html/);
}

/** The archive as the API shows it: what must be the same after every hostile request. */
async function archiveSnapshot(request: APIRequestContext) {
  const read = async (path: string) => (await request.get(path)).json();
  return {
    documents: await read('/api/v1/documents?pageSize=100'),
    speakers: await read('/api/v1/speakers'),
    topics: await read('/api/v1/topics'),
    search: (await read('/api/v1/search?q=korea')).total,
    essay: await read(`/api/v1/documents/${ESSAY}`),
  };
}

const FUZZ_TIMEOUT = 150_000;
const runs = (numRuns: number) => ({ numRuns, endOnFailure: true });
let before: Awaited<ReturnType<typeof archiveSnapshot>>;

test.beforeAll(async ({ request }) => {
  before = await archiveSnapshot(request);
});

test.afterAll(() => {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const families = [...counts.entries()].map(([family, n]) => `${family} ${n}`).join(', ');
  console.log(`hostile-input: ${total} fuzz cases, none answered 5xx (${families})`);
});

test('API list and search endpoints, every parameter', async ({ request }) => {
  test.setTimeout(FUZZ_TIMEOUT);
  const routes: [string, string[]][] = [
    ['/api/v1/search', SEARCH_PARAMS],
    ['/api/v1/documents', DOCUMENT_PARAMS],
    ['/api/v1/speakers', []],
    ['/api/v1/topics', []],
  ];
  // Each route is also sent the other routes' parameters: what one knows may be unknown to another.
  const queries = fc.constantFrom(...routes).chain(([, names]) => queryString(names));
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...routes), queries, async ([path, names], query) => {
      count('api-lists');
      const label = `${path}?${query}`;
      await expectApiAnswer(await fetchRaw(request, label), [...sentNames(query), ...names], label);
    }),
    runs(400),
  );
});

test('API detail endpoints, every path segment', async ({ request }) => {
  test.setTimeout(FUZZ_TIMEOUT);
  const bases = ['/api/v1/documents', '/api/v1/speakers', '/api/v1/topics'];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...bases), segment, fc.option(queryString([]), { nil: undefined }), async (base, slug, query) => {
      count('api-segments');
      const label = `${base}/${slug}${query ? `?${query}` : ''}`;
      await expectApiAnswer(await fetchRaw(request, label), sentNames(query ?? ''), label);
    }),
    runs(300),
  );
});

test('addresses under /api/v1 that no endpoint serves answer JSON', async ({ request }) => {
  test.setTimeout(FUZZ_TIMEOUT);
  await fc.assert(
    fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 4 }), async (segments) => {
      count('api-unknown');
      const label = `/api/v1/${segments.join('/')}`;
      await expectApiAnswer(await fetchRaw(request, label), [], label);
    }),
    runs(200),
  );
});

test('pages with parameters: /search and /documents', async ({ request }) => {
  test.setTimeout(FUZZ_TIMEOUT);
  const routes: [string, string[]][] = [
    ['/search', [...SEARCH_PARAMS, 'group']],
    ['/documents', DOCUMENT_PARAMS],
  ];
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...routes).chain(([path, names]) => fc.tuple(fc.constant(path), queryString(names))),
      async ([path, query]) => {
        count('pages-params');
        const label = `${path}?${query}`;
        await expectPageAnswer(await fetchRaw(request, label), label);
      },
    ),
    runs(300),
  );
});

test('pages with path segments: reader, passage, speaker, topic', async ({ request }) => {
  test.setTimeout(FUZZ_TIMEOUT);
  const paths = fc.oneof(
    segment.map((slug) => `/documents/${slug}`),
    fc.tuple(fc.constantFrom(INTERVIEW, ESSAY), queryString(['q'])).map(([slug, query]) => `/documents/${slug}?${query}`),
    fc.tuple(segment, segment).map(([slug, anchor]) => `/documents/${slug}/passages/${anchor}`),
    fc.tuple(fc.constantFrom(INTERVIEW, ESSAY), segment).map(([slug, anchor]) => `/documents/${slug}/passages/${anchor}`),
    segment.map((slug) => `/speakers/${slug}`),
    segment.map((slug) => `/topics/${slug}`),
  );
  await fc.assert(
    fc.asyncProperty(paths, async (path) => {
      count('pages-segments');
      await expectPageAnswer(await fetchRaw(request, path), path);
    }),
    runs(300),
  );
});

test('pages without parameters ignore what they are sent', async ({ request }) => {
  test.setTimeout(FUZZ_TIMEOUT);
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('/', '/speakers', '/topics', '/timeline'), queryString([]), async (path, query) => {
      count('pages-static');
      const label = `${path}?${query}`;
      await expectPageAnswer(await fetchRaw(request, label), label);
    }),
    runs(150),
  );
});

// The defects of issue 7 this spec guards, as fixed examples over HTTP.
test.describe('the fixed defects, over HTTP', () => {
  test('a query of combining marks alone is 200 with a message, on the page and in the API', async ({ request }) => {
    for (const q of ['%CC%81%CC%81%CC%81', '%D6%B0%D6%B4', '%E0%A4%BE%E0%A4%BF']) {
      count('examples');
      const api = await fetchRaw(request, `/api/v1/search?q=${q}`);
      expect(api.status(), q).toBe(200);
      expect((await api.json()).message).toBe('Type a word or a "phrase" to search for.');
      const page = await fetchRaw(request, `/search?q=${q}`);
      expect(page.status(), q).toBe(200);
      expect(await page.text()).toContain('Type a word or a &quot;phrase&quot; to search for.');
    }
  });

  test('page numbers are plain digits, and a repeated parameter is refused, naming it', async ({ request }) => {
    for (const [query, parameter] of [
      ['page=0x10', 'page'],
      ['page=1e3', 'page'],
      ['page=%201', 'page'],
      ['page=%2B1', 'page'],
      ['page=1.0', 'page'],
      ['page=1&page=2', 'page'],
      ['kind=essay&kind=interview', 'kind'],
    ]) {
      count('examples');
      const api = await fetchRaw(request, `/api/v1/documents?${query}`);
      expect(api.status(), query).toBe(400);
      expect(
        (await api.json()).problems.map((p: { parameter: string }) => p.parameter),
        query,
      ).toEqual([parameter]);
      for (const page of [`/documents?${query}`, `/search?q=korea&${query.replace('kind=essay&kind=interview', 'kind=answer&kind=question')}`]) {
        const html = await (await fetchRaw(request, page)).text();
        expect(html, page).toMatch(new RegExp(`<code>${parameter}</code>`));
      }
    }
  });

  test('speakers and topics refuse unknown parameters as documents does', async ({ request }) => {
    for (const path of ['/api/v1/speakers?limit=1', '/api/v1/topics?limit=1', '/api/v1/documents?limit=1']) {
      count('examples');
      const response = await fetchRaw(request, path);
      expect(response.status(), path).toBe(400);
      expect((await response.json()).problems, path).toEqual([{ parameter: 'limit', message: 'is not a known parameter' }]);
    }
  });

  test('/api/v1/<unknown> is a JSON 404', async ({ request }) => {
    for (const path of ['/api/v1/nothing', '/api/v1/documents/a/b/c', '/api/v1/openapi', '/api/v1/admin']) {
      expect((await jsonAnswer(request, path, 404)).error, path).toBe('not_found');
    }
  });

  test('url fields are on the site address, not the X-Forwarded-Host or Host a client sends', async ({ request, baseURL }) => {
    count('examples');
    const response = await request.get(`/api/v1/documents/${ESSAY}`, { headers: { 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' } });
    const body = await response.json();
    const site = `http://localhost:${new URL(baseURL!).port}`;
    expect(body.url).toBe(`${site}/documents/${ESSAY}`);
    for (const passage of body.passages) expect(passage.url.startsWith(`${site}/documents/${ESSAY}#p`)).toBe(true);
  });

  test('broken percent-encoding in a path is a 400 JSON in the API and a 404 page elsewhere', async ({ request }) => {
    for (const path of ['/api/v1/documents/%', '/api/v1/documents/%ED%A0%80', '/api/v1/speakers/%E2%82', '/api/v1/topics/%zz']) {
      expect(typeof (await jsonAnswer(request, path, 400)).message, path).toBe('string');
    }
    for (const path of ['/documents/%', '/speakers/%', '/topics/%ED%A0%80', `/documents/${ESSAY}/passages/%`]) {
      count('examples');
      expect((await fetchRaw(request, path)).status(), path).toBe(404);
    }
  });
});

test('none of it changed the archive', async ({ request }) => {
  expect(await archiveSnapshot(request)).toEqual(before);
});
