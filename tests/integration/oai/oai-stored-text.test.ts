// Stored text XML 1.0 cannot carry: the write path refuses control characters and half surrogate
// pairs, but accepts U+FFFE and U+FFFF (noncharacters, outside XML's Char production). A record with
// one must still be a document a harvester can parse: U+FFFD stands in for it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { GET } from '@/app/oai/route';
import { prisma } from '@/lib/db/client';
import { closeWriters } from '@/lib/editorial';
import { createDocumentFixture } from '@/tests/support/factories';
import { checkResponse, child, dcValues, requireXmllint } from '@/tests/support/oai-xml';

beforeAll(() => requireXmllint());
afterAll(async () => {
  closeWriters();
  await prisma.$disconnect();
});

it('answers with well-formed XML when a title holds a character XML cannot carry', async () => {
  await createDocumentFixture(prisma, {
    slug: 'a-title-with-a-noncharacter',
    title: 'Before\uFFFFafter',
    summary: 'Sum\uFFFEmary',
    participants: [{ speaker: 'Pat Moss', role: 'author' }],
    passages: [{ speaker: 'Pat Moss', text: 'A paragraph.' }],
  });
  const response = await GET(
    new Request(
      `http://localhost:3000/oai?${new URLSearchParams({ verb: 'GetRecord', metadataPrefix: 'oai_dc', identifier: 'oai:localhost:a-title-with-a-noncharacter' })}`,
    ),
  );
  const { body } = checkResponse(await response.text());
  const dc = dcValues(child(body!, 'record')!);
  expect(dc.title).toEqual(['Before\uFFFDafter']);
  expect(dc.description).toEqual(['Sum\uFFFDmary']);
});
