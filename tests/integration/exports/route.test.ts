// GET /api/v1/documents/<slug>/export/<format> as Next calls it: the file's type and name, the API's
// error shape for a bad format, an unknown or unpublished document or an unknown parameter, and a
// clear refusal (nothing changed) when a document holds a character a format cannot carry.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseTarget, withWriter } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { EXPORT_FORMATS } from '@/lib/exports/formats';
import { apiDocument, exportResponse } from '@/tests/support/exports';
import { createDocumentFixture } from '@/tests/support/factories';
import { testEngine } from '@/tests/support/test-engine';

const ESSAY = 'how-to-really-bring-change-to-north-korea';
const DRAFT = 'an-unexported-draft';
const LEGACY = 'a-document-with-a-nul';

const EXPECTED = {
  json: ['application/json; charset=utf-8', 'json'],
  md: ['text/markdown; charset=utf-8', 'md'],
  txt: ['text/plain; charset=utf-8', 'txt'],
  csv: ['text/csv; charset=utf-8; header=present', 'csv'],
  vtt: ['text/vtt; charset=utf-8', 'vtt'],
  tei: ['application/tei+xml; charset=utf-8', 'tei.xml'],
  ohms: ['application/xml; charset=utf-8', 'ohms.xml'],
} as const;

/**
 * The legacy character: a NUL on SQLite. PostgreSQL's text cannot hold a NUL at all, so there the
 * nearest history is another control character: a backspace, which XML cannot carry either but
 * WebVTT can.
 */
const LEGACY_CHARACTER = testEngine() === 'postgresql' ? '\u0008' : '\u0000';
const LEGACY_TEXT = `Stored before the rule:${LEGACY_CHARACTER} a control character`;
const REFUSING_FORMATS = testEngine() === 'postgresql' ? (['tei', 'ohms'] as const) : (['tei', 'ohms', 'vtt'] as const);
const CARRYING_FORMATS = testEngine() === 'postgresql' ? (['json', 'csv', 'txt', 'md', 'vtt'] as const) : (['json', 'csv', 'txt', 'md'] as const);
const codePoint = (character: string) => `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

beforeAll(async () => {
  await createDocumentFixture(prisma, { slug: DRAFT, status: 'draft', passages: [{ speaker: 'Draft Author', text: 'Not yet published.' }] });
  await createDocumentFixture(prisma, {
    slug: LEGACY,
    passages: [
      { speaker: 'Old Author', text: 'First.' },
      { speaker: 'Old Author', text: 'placeholder' },
    ],
  });
  // A control character stored before the write path refused them (or by hand): it still reads back.
  withWriter(databaseTarget(env.DATABASE_URL)).write((db) =>
    db.prepare('UPDATE Passage SET text = ? WHERE anchor = 2 AND documentId = (SELECT id FROM Document WHERE slug = ?)').run(LEGACY_TEXT, LEGACY),
  );
});

afterAll(() => prisma.$disconnect());

describe('a published document', () => {
  it.each(EXPORT_FORMATS)('downloads as %s with its type and "<slug>.<extension>" as an attachment', async (format) => {
    const response = await exportResponse(ESSAY, format);
    expect(response.status).toBe(200);
    const [type, extension] = EXPECTED[format];
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="${ESSAY}.${extension}"`);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect((await response.text()).length).toBeGreaterThan(1000);
  });

  it('as JSON is exactly what GET /api/v1/documents/<slug> answers', async () => {
    const file = await (await exportResponse(ESSAY, 'json')).json();
    expect(file).toEqual(await apiDocument(ESSAY));
  });
});

describe('refusals in the API error shape', () => {
  it.each(['pdf', 'JSON', 'xml', 'tei.xml', ''])('answers 400 naming format for the unknown format %j', async (format) => {
    const response = await exportResponse(ESSAY, format);
    expect(response.status).toBe(400);
    const body = await response.json();
    expect(body.error).toBe('invalid_parameter');
    expect(body.problems).toEqual([{ parameter: 'format', message: 'must be one of json, md, txt, csv, vtt, tei, ohms' }]);
  });

  it('answers 400 naming slug for a malformed slug', async () => {
    const body = await (await exportResponse('Bad Slug', 'json')).json();
    expect(body.problems.map((p: { parameter: string }) => p.parameter)).toEqual(['slug']);
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const response = await exportResponse(ESSAY, 'csv', '?download=1');
    expect(response.status).toBe(400);
    expect((await response.json()).problems).toEqual([{ parameter: 'download', message: 'is not a known parameter' }]);
  });

  it.each([
    ['no-such-document', 'md'],
    [DRAFT, 'md'],
    [DRAFT, 'tei'],
    ['seongmin-lee', 'json'],
  ])('answers 404 JSON for %s (%s): unknown or not published', async (slug, format) => {
    const response = await exportResponse(slug, format);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ error: 'not_found', message: 'No published document at this address.' });
  });
});

describe('a character a format cannot carry (a control character stored before the rule)', () => {
  it.each(REFUSING_FORMATS)('refuses %s with 422 naming the passage and the character, changing nothing', async (format) => {
    const before = await prisma.passage.findMany({
      where: { document: { slug: LEGACY } },
      select: { text: true, updatedAt: true },
      orderBy: { anchor: 'asc' },
    });
    const response = await exportResponse(LEGACY, format);
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error).toBe('unexportable');
    expect(body.message).toMatch(new RegExp(`^Passage 2 holds the character ${codePoint(LEGACY_CHARACTER).replace('+', '\\+')}, which .+ cannot carry`));
    expect(
      await prisma.passage.findMany({ where: { document: { slug: LEGACY } }, select: { text: true, updatedAt: true }, orderBy: { anchor: 'asc' } }),
    ).toEqual(before);
  });

  it.each(CARRYING_FORMATS)('still carries it whole in %s', async (format) => {
    const response = await exportResponse(LEGACY, format);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(format === 'json' ? JSON.stringify(LEGACY_TEXT).slice(1, -1) : LEGACY_TEXT);
  });
});

describe('any segments at all', () => {
  it('answer a file or a JSON 4xx naming the segment at fault, never a 5xx (fast-check, 300 cases)', async () => {
    const segment = fc.oneof(fc.constantFrom(...EXPORT_FORMATS, ESSAY, DRAFT, LEGACY), fc.string({ unit: 'binary', maxLength: 40 }));
    await fc.assert(
      fc.asyncProperty(segment, segment, async (slug, format) => {
        const response = await exportResponse(slug, format);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers.get('content-type')).toMatch(/^application\/json/);
          const body = await response.json();
          expect(['invalid_parameter', 'not_found', 'unexportable']).toContain(body.error);
          if (body.error === 'invalid_parameter') for (const p of body.problems) expect(['slug', 'format']).toContain(p.parameter);
        } else {
          expect(EXPORT_FORMATS).toContain(format);
        }
      }),
      { numRuns: 300 },
    );
  });
});
