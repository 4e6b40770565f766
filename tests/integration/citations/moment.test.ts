// Citing a moment of a recording: a timed passage is cited with its own begin–end timestamps
// (Baylor's hh:mm:ss), a clip (?t=65,80) with the clip's and its link; untimed passages and documents
// without a recording are cited as before, and a `t` that is no time is a 400 naming it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as passageCitation } from '@/app/api/v1/documents/[slug]/passages/[anchor]/citation/route';
import { prisma } from '@/lib/db/client';
import { createDocumentFixture } from '@/tests/support/factories';

const BASE = 'http://archive.test/api/v1/documents';
const cite = async (slug: string, anchor: string, query = '') => {
  const response = await passageCitation(new Request(`${BASE}/${slug}/passages/${anchor}/citation${query}`), { params: Promise.resolve({ slug, anchor }) });
  return { status: response.status, text: await response.text() };
};

beforeAll(async () => {
  const passages = [
    { kind: 'question' as const, text: 'What happened?', startMs: 0, endMs: 65_000 },
    { kind: 'answer' as const, text: 'A long story.', answers: 0, startMs: 65_000, endMs: 3_725_000 },
    { kind: 'paragraph' as const, text: 'Untimed.' },
  ];
  await createDocumentFixture(prisma, {
    slug: 'cited-recording',
    kind: 'interview',
    passages,
    recording: { file: `${'e'.repeat(32)}.mp3`, type: 'audio/mpeg' },
  });
  await createDocumentFixture(prisma, { slug: 'cited-text-only', kind: 'interview', passages });
});
afterAll(() => prisma.$disconnect());

describe('a passage with a recording', () => {
  it('is cited with its own begin–end', async () => {
    const { status, text } = await cite('cited-recording', '2', '?format=chicago');
    expect(status).toBe(200);
    expect(text).toContain('00:01:05–01:02:05');
  });

  it('with ?t= a clip, cited with the clip’s begin–end and a link to it', async () => {
    const { text } = await cite('cited-recording', '2', '?format=chicago&t=1:10,1:20');
    expect(text).toContain('00:01:10–00:01:20');
    expect(text).toContain('/passages/2?t=70,80');
    const csl = JSON.parse((await cite('cited-recording', '2', '?t=70')).text)[0];
    expect(csl.archive_location).toMatch(/recording 00:01:10$/);
    expect(csl.URL).toMatch(/\/passages\/2\?t=70$/);
  });

  it('refuses a t that is no time, naming it', async () => {
    for (const t of ['soon', '80,70', '1:75']) {
      const { status, text } = await cite('cited-recording', '2', `?t=${encodeURIComponent(t)}`);
      expect(status).toBe(400);
      expect(text).toContain('"t"');
    }
  });

  it('an untimed passage is cited without times', async () => {
    expect((await cite('cited-recording', '3', '?format=chicago')).text).not.toMatch(/\d\d:\d\d:\d\d/);
  });
});

it('a document without a recording: no times, even on timed passages', async () => {
  expect((await cite('cited-text-only', '2', '?format=chicago')).text).not.toMatch(/\d\d:\d\d:\d\d/);
});
