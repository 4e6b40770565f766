// Hostile requests to /oai, property-based (fast-check): any verb or none, known and unknown argument
// names, repeats, and values of any code point (NUL, controls, lone surrogates, bidi marks, huge
// strings, tokens that are almost right). Every answer must be HTTP 200 text/xml that xmllint parses
// and that has the protocol's structure: a verb's answer or errors, never an exception.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/oai/route';
import { prisma } from '@/lib/db/client';
import { answerOai } from '@/lib/oai/repository';
import { encodeToken } from '@/lib/oai/resumption-token';
import { checkResponse, requireXmllint } from '@/tests/support/oai-xml';

const RUNS = Number(process.env.FUZZ_OAI_RUNS ?? 100);
/** Each case reads the archive and runs xmllint: generous, since the machine may be busy. */
const TIMEOUT = 240_000;
let cases = 0;

beforeAll(() => requireXmllint());
afterAll(async () => {
  console.log(`oai fuzz: ${cases} requests`);
  await prisma.$disconnect();
});

const VERBS = ['Identify', 'ListMetadataFormats', 'ListSets', 'ListIdentifiers', 'ListRecords', 'GetRecord'];
const NAMES = ['verb', 'identifier', 'metadataPrefix', 'from', 'until', 'set', 'resumptionToken'];

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom('', '\u0000', '\uD800', 'a\uDFFFb', '\u202Eevil', '\u0007', ' oai_dc', 'oai_dc ', 'x'.repeat(5_000)),
);
const value = fc.oneof(
  anyText,
  fc.constantFrom(...VERBS, 'oai_dc', 'kind', 'kind:essay', 'topic:china', 'topic:', '2018-08-28', '2018-08-28T00:00:00Z', '2018-02-30', '9999-12-31'),
  fc.constantFrom(
    'oai:localhost:how-to-really-bring-change-to-north-korea',
    'oai:localhost:seongmin-lee-qa-part-2-us-relations-with-north-korea',
    'oai:localhost:',
  ),
  fc
    .record({ after: anyText, from: fc.option(anyText, { nil: undefined }), metadataPrefix: anyText })
    .map((s) => encodeToken({ verb: 'ListRecords', ...s, metadataPrefix: s.metadataPrefix || 'oai_dc', after: s.after || 'a' })),
);
const pair = fc.tuple(fc.oneof(fc.constantFrom(...NAMES), anyText), value);
const request = fc
  .tuple(fc.option(fc.constantFrom(...VERBS), { nil: undefined }), fc.array(pair, { maxLength: 6 }))
  .map(([verb, pairs]) => [...(verb ? ([['verb', verb]] as [string, string][]) : []), ...pairs]);

describe('/oai under hostile requests', () => {
  it(
    'answers any arguments, even ones a URL cannot carry, with a well-formed OAI-PMH response',
    async () => {
      await fc.assert(
        fc.asyncProperty(request, async (params) => {
          cases++;
          checkResponse(await answerOai(params));
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  it(
    'answers any GET query and any form-encoded POST body over the route with HTTP 200 text/xml',
    async () => {
      await fc.assert(
        fc.asyncProperty(request, fc.boolean(), async (params, asPost) => {
          cases++;
          const query = new URLSearchParams(params).toString();
          const response = asPost
            ? await POST(
                new Request('http://localhost:3000/oai', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: query }),
              )
            : await GET(new Request(`http://localhost:3000/oai?${query}`));
          expect(response.status).toBe(200);
          expect(response.headers.get('content-type')).toBe('text/xml; charset=utf-8');
          checkResponse(await response.text());
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
