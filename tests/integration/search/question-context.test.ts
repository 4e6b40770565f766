// Context in every hit: an answer found by search (and by "more like this") carries the question it
// answers as a short line with the question's anchor; questions and essay paragraphs carry none; the
// API's JSON gives it with the question's own address. On the seeded archive, plus one interview whose
// question is long and runs over two paragraphs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/search/route';
import type { Editor } from '@/lib/auth/editor';
import { search } from '@/lib/data/search';
import { sharedWriterFor } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { updatePassage } from '@/lib/editorial';
import { env } from '@/lib/env';
import { moreLikeThis } from '@/lib/search/more-like-this';
import type { SearchRequest } from '@/lib/search/types';
import { questionAndAnswer } from '@/tests/support/documents';
import { createDocumentFixture } from '@/tests/support/factories';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const LONG = 'a-long-question';
const ORIGIN = env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;

const LONG_QUESTION =
  'Before we turn to the border, I would like to go back to something you said earlier about your childhood in the city.\n\n' +
  'What did the word “xylograph” mean to your family back then?';

const find = (q: string, more: Partial<SearchRequest> = {}) => search({ q, page: 1, pageSize: 50, ...more });
const questionText = async (slug: string, anchor: number) =>
  (await prisma.passage.findFirstOrThrow({ where: { document: { slug }, anchor }, select: { text: true } })).text;

const LONG_INTERVIEW = questionAndAnswer(
  { slug: LONG, title: 'A Long Question', date: '2020-03' },
  { speaker: 'Ada Quill', text: LONG_QUESTION },
  { speaker: 'Ben Rook', text: 'A xylograph was a woodblock print; my grandmother kept one hidden.' },
);

beforeAll(() => createDocumentFixture(prisma, LONG_INTERVIEW));

afterAll(() => prisma.$disconnect());

describe('a search hit', () => {
  it('of an answer carries its question’s anchor and its text, cut at a word to about 120 characters', async () => {
    const result = await find('trustworthy', { kind: 'answer' });
    const hit = result.hits.find((h) => h.documentSlug === INTERVIEW && h.anchor === 2);
    expect(hit?.question).toBeDefined();
    const { anchor, text } = hit!.question!;
    expect(anchor).toBe(1);
    const full = await questionText(INTERVIEW, 1);
    expect(full.length).toBeGreaterThan(120);
    expect(text.length).toBeLessThanOrEqual(120);
    expect(text.length).toBeGreaterThan(90);
    expect(text.endsWith('…')).toBe(true);
    const kept = text.slice(0, -1);
    expect(full.startsWith(kept)).toBe(true);
    // Cut between words: the text goes on with a space or punctuation, never with the rest of a word.
    expect(full[kept.length]).toMatch(/[\s,.?;:]/);
    expect(kept).toMatch(/\w$/);
  });

  it('of an answer whose question is short gives the question whole, without an ellipsis', async () => {
    const result = await find('"free hand"', { kind: 'answer' });
    const hit = result.hits.find((h) => h.documentSlug === INTERVIEW && h.anchor === 4);
    expect(hit?.question).toEqual({ anchor: 3, text: (await questionText(INTERVIEW, 3)).trim() });
  });

  it('folds a question of several paragraphs into one line', async () => {
    const [hit] = (await find('grandmother woodblock')).hits;
    expect(hit).toMatchObject({ documentSlug: LONG, anchor: 2, kind: 'answer' });
    expect(hit.question!.anchor).toBe(1);
    // Whole words up to 120 characters: the second paragraph, and the word the answer explains, are after the cut.
    expect(hit.question!.text).toBe('Before we turn to the border, I would like to go back to something you said earlier about your childhood in the city…');
  });

  it('of a question or an essay paragraph carries none', async () => {
    const questions = (await find('"human rights"', { kind: 'question' })).hits;
    expect(questions.length).toBeGreaterThan(0);
    for (const hit of questions) expect(hit.question).toBeUndefined();
    const paragraphs = (await find('smuggling', { document: ESSAY })).hits;
    expect(paragraphs.length).toBeGreaterThan(0);
    for (const hit of paragraphs) {
      expect(hit.kind).toBe('paragraph');
      expect(hit.question).toBeUndefined();
    }
  });

  it('gives every answer of the seeded interview its own question, and nothing to any other passage', async () => {
    const hits = (await find('korea OR rights OR human OR trust OR summit', { document: INTERVIEW })).hits;
    const byAnchor = Object.fromEntries(hits.map((h) => [h.anchor, h.question?.anchor ?? null]));
    expect(byAnchor).toEqual({ 1: null, 2: 1, 3: null, 4: 3, 5: null, 6: 5 });
  });
});

describe('more like this', () => {
  it('gives an answer found from the essay its question too', async () => {
    const essayPassage = await prisma.passage.findFirstOrThrow({ where: { document: { slug: ESSAY }, anchor: 10 }, select: { id: true } });
    const similar = await moreLikeThis(prisma, essayPassage.id, 10);
    const answers = similar.filter((s) => s.kind === 'answer');
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.question?.anchor).toBe(answer.anchor - 1);
    for (const other of similar.filter((s) => s.kind !== 'answer')) expect(other.question).toBeUndefined();
  });
});

describe('GET /api/v1/search', () => {
  it('gives an answer’s question with its anchor, short text and absolute address, and null for other passages', async () => {
    const response = await GET(new Request(`${ORIGIN}/api/v1/search?${new URLSearchParams({ q: 'trustworthy', pageSize: '50' })}`));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { hits: { kind: string; anchor?: number; url: string; question: unknown }[] };
    const answer = body.hits.find((h) => h.url === `${ORIGIN}/documents/${INTERVIEW}#p2`);
    expect(answer?.question).toEqual({
      anchor: 1,
      text: expect.stringMatching(/^Not long ago, we had the Trump-Kim summit, .*…$/),
      url: `${ORIGIN}/documents/${INTERVIEW}#p1`,
    });
    const paragraphs = await (await GET(new Request(`${ORIGIN}/api/v1/search?q=smuggling`))).json();
    expect(paragraphs.hits.length).toBeGreaterThan(0);
    for (const hit of paragraphs.hits) expect(hit.question).toBeNull();
  });
});

// Last: it changes the long interview the tests above read.
describe('after an edit', () => {
  const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
  const edit = async (input: Record<string, unknown>) => {
    const { id, version } = await prisma.document.findUniqueOrThrow({ where: { slug: LONG }, select: { id: true, version: true } });
    await updatePassage(editor, { documentId: id, expectedVersion: version, anchor: 1, ...input }, { writer: await sharedWriterFor(prisma) });
  };
  const answerHit = async () => (await find('grandmother woodblock')).hits.find((h) => h.documentSlug === LONG && h.anchor === 2);

  it('shows the question as it now reads, and nothing once it is no longer a question', async () => {
    await edit({ text: 'And the xylograph?' });
    expect((await answerHit())?.question).toEqual({ anchor: 1, text: 'And the xylograph?' });
    await edit({ kind: 'paragraph' });
    expect(await answerHit()).toBeDefined();
    expect((await answerHit())?.question).toBeUndefined();
  });
});
