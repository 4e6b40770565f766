// Hostile text saved through the editorial write path comes back exactly, through lib/data, the read
// API and search, and only ever as text: markup, bidirectional overrides and look-alike escapes are
// characters, not instructions. NUL is refused at the write path with a clear message; a NUL already
// in the database (written before that rule, or by hand) still reads back exactly.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getDocumentRoute } from '@/app/api/v1/documents/[slug]/route';
import { GET as searchRoute } from '@/app/api/v1/search/route';
import type { Editor } from '@/lib/auth/editor';
import { getPublishedDocument } from '@/lib/data/documents';
import { databaseTarget, withWriter } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { updatePassage, ValidationError } from '@/lib/editorial';
import { env } from '@/lib/env';
import { testEngine } from '@/tests/support/test-engine';

const ESSAY = 'how-to-really-bring-change-to-north-korea';
const ESSAY_ID = 2;
const editor: Editor = { id: 'u-hostile', name: 'Hostile Text Tester', email: 'hostile@example.org', role: 'editor' };

// Markup, an event handler, entities that must stay literal, every bidi control, and a paragraph break.
const HOSTILE =
  'Zyxhostile <script>alert(1)</script> <img src=x onerror="alert(2)"> &amp; &lt;b&gt; </p><p>closed?' +
  ' \u202Eevil\u202C \u202Dltr\u202C \u202Brle\u202C \u202Alre\u202C \u2066lri\u2069 \u2067rli\u2069 \u2068fsi\u2069 \u200Frlm \u200Elrm \u061Calm' +
  '\n\nSecond paragraph: javascript:alert(3) {{constructor}} ${x} `tick` done.';

const apiDocument = async () =>
  (await getDocumentRoute(new Request(`http://localhost/api/v1/documents/${ESSAY}`), { params: Promise.resolve({ slug: ESSAY }) })).json();
const stored = (anchor: number) => prisma.passage.findFirstOrThrow({ where: { documentId: ESSAY_ID, anchor }, select: { text: true } });
const version = async () => (await prisma.document.findUniqueOrThrow({ where: { id: ESSAY_ID }, select: { version: true } })).version;

afterAll(() => prisma.$disconnect());

describe('markup and bidirectional controls saved by an editor', () => {
  beforeAll(async () => {
    await updatePassage(editor, { documentId: ESSAY_ID, anchor: 1, expectedVersion: await version(), text: HOSTILE });
  });

  it('are stored exactly as typed', async () => {
    expect((await stored(1)).text).toBe(HOSTILE);
  });

  it('read back exactly through lib/data, split into paragraphs without losing a character', async () => {
    const passage = (await getPublishedDocument(ESSAY))!.passages.find((p) => p.anchor === 1)!;
    expect(passage.text).toBe(HOSTILE);
    expect(passage.paragraphs.join('\n\n')).toBe(HOSTILE);
  });

  it('read back exactly through GET /api/v1/documents/<slug>, as a JSON string', async () => {
    const body = await apiDocument();
    expect(body.passages.find((p: { anchor: number }) => p.anchor === 1).text).toBe(HOSTILE);
  });

  it('come out of search escaped: the snippet has no tag but <mark>', async () => {
    const response = await searchRoute(new Request('http://localhost/api/v1/search?q=zyxhostile+script'));
    const body = await response.json();
    expect(body.total).toBe(1);
    const { snippet } = body.hits[0];
    expect(snippet).toContain('&lt;<mark>script</mark>&gt;');
    expect(snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(snippet).toContain('\u202Eevil\u202C');
  });
});

describe('NUL', () => {
  it('is refused by the write path with a message naming the field, and nothing is written', async () => {
    const before = { text: (await stored(2)).text, version: await version() };
    const error = await updatePassage(editor, { documentId: ESSAY_ID, anchor: 2, expectedVersion: before.version, text: 'a\u0000b' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors).toMatchObject({ text: [expect.stringMatching(/control characters/)] });
    expect({ text: (await stored(2)).text, version: await version() }).toEqual(before);
  });

  // On SQLite a NUL can be in the database (stored before the rule, or by hand); PostgreSQL's text
  // cannot hold one at all, so there the nearest history is another control character (a backspace).
  const legacyCharacter = testEngine() === 'postgresql' ? '\u0008' : '\u0000';

  it('already in the database (or the nearest the engine can hold) reads back exactly through lib/data and the API', async () => {
    const withNul = `Stored before the rule:${legacyCharacter} a NUL <script>alert(4)</script>`;
    withWriter(databaseTarget(env.DATABASE_URL)).write((db) =>
      db.prepare('UPDATE Passage SET text = ? WHERE documentId = ? AND anchor = 3').run(withNul, ESSAY_ID),
    );
    const passage = (await getPublishedDocument(ESSAY))!.passages.find((p) => p.anchor === 3)!;
    expect(passage.text).toBe(withNul);
    expect((await apiDocument()).passages.find((p: { anchor: number }) => p.anchor === 3).text).toBe(withNul);
  });
});
