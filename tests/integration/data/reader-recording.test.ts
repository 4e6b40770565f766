// The reader's document read (getPublishedDocument) with time: passages' times, the recording as the
// player takes it and the table of contents; the seeds, which have none, read as before.
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { getPublishedDocument } from '@/lib/data/documents';
import { GET as getDocumentRoute } from '@/app/api/v1/documents/[slug]/route';
import { documentDetail } from '@/lib/api/openapi/schemas';
import { documentJsonSchema } from '@/lib/exports/document-schema';
import { absoluteUrl } from '@/lib/site-origin';
import { createDocumentFixture } from '../../support/factories';

afterAll(() => prisma.$disconnect());

const FILE = `${'d'.repeat(32)}.webm`;

describe('a document with a recording', () => {
  it('gives each passage its times, the recording and the sections', async () => {
    await createDocumentFixture(prisma, {
      slug: 'timed-reader',
      kind: 'interview',
      passages: [
        { kind: 'question', text: 'Where?', startMs: 0, endMs: 1500 },
        { kind: 'answer', text: 'Here.', answers: 0, startMs: 1500, endMs: 4000 },
        { kind: 'paragraph', text: 'An untimed note.' },
      ],
      recording: { file: FILE, type: 'video/webm' },
      sections: [{ title: 'Beginning', synopsis: 'The start.', passageIndex: 0 }, { title: 'Note', passageIndex: 2 }],
    });
    const document = (await getPublishedDocument('timed-reader'))!;
    expect(document.passages.map((p) => [p.anchor, p.startMs, p.endMs])).toEqual([
      [1, 0, 1500],
      [2, 1500, 4000],
      [3, null, null],
    ]);
    expect(document.recording).toEqual({ src: `/media/recordings/${FILE}`, type: 'video/webm', kind: 'video' });
    expect(document.sections).toEqual([
      { title: 'Beginning', synopsis: 'The start.', startAnchor: 1 },
      { title: 'Note', synopsis: null, startAnchor: 3 },
    ]);
  });

  it('gives the same through the API: times per passage, the recording at an absolute address, the sections at their passages', async () => {
    const response = await getDocumentRoute(new Request(absoluteUrl('/api/v1/documents/timed-reader')), { params: Promise.resolve({ slug: 'timed-reader' }) });
    expect(response.status).toBe(200);
    const body = await response.json();
    // Both the API's own contract and its OpenAPI description hold it, strictly (no field undescribed).
    documentJsonSchema.parse(body);
    documentDetail.parse(body);
    expect(body.passages.map((p: { anchor: number; startMs: number | null; endMs: number | null }) => [p.anchor, p.startMs, p.endMs])).toEqual([
      [1, 0, 1500],
      [2, 1500, 4000],
      [3, null, null],
    ]);
    expect(body.recording).toEqual({ url: absoluteUrl(`/media/recordings/${FILE}`), type: 'video/webm', kind: 'video' });
    expect(body.sections).toEqual([
      { title: 'Beginning', synopsis: 'The start.', anchor: 1, url: absoluteUrl('/documents/timed-reader#p1') },
      { title: 'Note', synopsis: null, anchor: 3, url: absoluteUrl('/documents/timed-reader#p3') },
    ]);
  });

  it('lists the table of contents in reading order, whatever order the sections were placed in', async () => {
    await createDocumentFixture(prisma, {
      slug: 'timed-outline-order',
      passages: [{ text: 'One.' }, { text: 'Two.' }, { text: 'Three.' }],
      sections: [
        { title: 'Late', passageIndex: 2 },
        { title: 'Early', passageIndex: 0 },
      ],
    });
    expect((await getPublishedDocument('timed-outline-order'))!.sections.map((s) => s.title)).toEqual(['Early', 'Late']);
  });

  it('plays an external address as audio or video by its type, or by its extension without one', async () => {
    await createDocumentFixture(prisma, { slug: 'external-audio', passages: [{ text: 'Words.' }], recording: { url: 'https://media.example.org/talk.mp3', type: 'audio/mpeg' } });
    await createDocumentFixture(prisma, { slug: 'external-video', passages: [{ text: 'Words.' }], recording: { url: 'https://media.example.org/talk.mp4' } });
    expect((await getPublishedDocument('external-audio'))!.recording).toEqual({ src: 'https://media.example.org/talk.mp3', type: 'audio/mpeg', kind: 'audio' });
    expect((await getPublishedDocument('external-video'))!.recording).toEqual({ src: 'https://media.example.org/talk.mp4', type: null, kind: 'video' });
  });

  it('gives no recording for a stored file the store could not have named (a row written around the write path, which refuses such a name)', async () => {
    await expect(
      createDocumentFixture(prisma, { slug: 'odd-file', passages: [{ text: 'Words.' }], recording: { file: 'recording.mp3', type: 'audio/mpeg' } }),
    ).rejects.toThrow();
    await createDocumentFixture(prisma, { slug: 'odd-file', passages: [{ text: 'Words.' }] });
    await prisma.document.update({ where: { slug: 'odd-file' }, data: { recordingFile: 'recording.mp3', recordingType: 'audio/mpeg' } });
    expect((await getPublishedDocument('odd-file'))!.recording).toBeNull();
  });
});

describe('the seeds', () => {
  it('have no recording, no sections and no times', async () => {
    const slugs = (await prisma.document.findMany({ select: { slug: true } })).map((d) => d.slug).filter((s) => !s.includes('timed') && !s.includes('external') && !s.includes('odd'));
    expect(slugs.length).toBeGreaterThan(0);
    for (const slug of slugs) {
      const document = (await getPublishedDocument(slug))!;
      expect(document.recording).toBeNull();
      expect(document.sections).toEqual([]);
      expect(document.passages.every((p) => p.startMs === null && p.endMs === null)).toBe(true);
    }
  });
});
