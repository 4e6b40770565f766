// A new document may come with time (issue 12): each passage's start and end in the recording, and
// the recording itself (an address or a stored file). What the write path stores is what was given;
// times that cannot be right are refused with a message and nothing is written.
import { afterAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { closeWriters, createDocument, ValidationError, withWriter } from '@/lib/editorial';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const db = withWriter().db;
const documents = () => (db.prepare('SELECT count(*) AS n FROM Document').get() as { n: number }).n;

afterAll(() => closeWriters());

const timed = (slug: string, passages: Record<string, unknown>[], recording: Record<string, unknown> = {}) => ({
  slug,
  kind: 'interview',
  title: `Timed ${slug}`,
  date: '2024-05',
  passages: passages.map((p) => ({ kind: 'paragraph', text: 'Words spoken.', ...p })),
  ...recording,
});

describe('a new document with time', () => {
  it('stores each passage’s start and end, and the recording, as given', async () => {
    const result = await createDocument(
      ada,
      timed('timed-one', [{ startMs: 0, endMs: 4200 }, { startMs: '4200', endMs: '9000' }, {}], {
        recordingFile: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mp3',
        recordingType: 'audio/mpeg',
      }),
    );
    const passages = db.prepare('SELECT anchor, startMs, endMs FROM Passage WHERE documentId = ? ORDER BY position').all(result.id);
    expect(passages).toEqual([
      { anchor: 1, startMs: 0, endMs: 4200 },
      { anchor: 2, startMs: 4200, endMs: 9000 },
      { anchor: 3, startMs: null, endMs: null },
    ]);
    expect(db.prepare('SELECT recordingUrl, recordingFile, recordingType FROM Document WHERE id = ?').get(result.id)).toEqual({
      recordingUrl: null,
      recordingFile: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mp3',
      recordingType: 'audio/mpeg',
    });
  });

  it.each([
    ['a start without an end', [{ startMs: 10 }], {}],
    ['an end before its start', [{ startMs: 5000, endMs: 4000 }], {}],
    ['a negative time', [{ startMs: -1, endMs: 10 }], {}],
    ['a time that is not a number', [{ startMs: '1:00', endMs: '2:00' }], {}],
    ['a recording file that is a path', [], { recordingFile: '../app.db', recordingType: 'audio/mpeg' }],
    ['a recording type that is not audio or video', [], { recordingFile: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.html', recordingType: 'text/html' }],
    ['a recording file name the store could not have given', [], { recordingFile: 'interview.mp3', recordingType: 'audio/mpeg' }],
    ['a recording file without its type', [], { recordingFile: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.mp3' }],
    ['a recording address that is not http(s)', [], { recordingUrl: 'javascript:alert(1)' }],
    ['both an address and a file', [], { recordingUrl: 'https://example.org/a.mp3', recordingFile: 'a.mp3', recordingType: 'audio/mpeg' }],
  ])('refuses %s, and writes nothing', async (_case, passages, recording) => {
    const before = documents();
    await expect(createDocument(ada, timed(`refused-${before}`, passages, recording))).rejects.toBeInstanceOf(ValidationError);
    expect(documents()).toBe(before);
  });
});

describe('a new document with a table of contents', () => {
  it('stores its sections in order, each at its passage’s anchor', async () => {
    const result = await createDocument(ada, {
      ...timed('with-sections', [{}, {}, {}]),
      sections: [
        { title: 'Childhood', synopsis: 'Growing up in Hoeryong.', keywords: ['family', 'school'], passageIndex: 0 },
        { title: 'Leaving', passageIndex: 2 },
      ],
    });
    expect(
      db.prepare('SELECT position, title, synopsis, keywords, startAnchor FROM DocumentSection WHERE documentId = ? ORDER BY position').all(result.id),
    ).toEqual([
      { position: 0, title: 'Childhood', synopsis: 'Growing up in Hoeryong.', keywords: '["family","school"]', startAnchor: 1 },
      { position: 1, title: 'Leaving', synopsis: null, keywords: '[]', startAnchor: 3 },
    ]);
  });

  it('refuses a section that starts at no passage, and writes nothing', async () => {
    const before = documents();
    await expect(createDocument(ada, { ...timed('bad-sections', [{}]), sections: [{ title: 'Nowhere', passageIndex: 1 }] })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(documents()).toBe(before);
  });
});
