// The archive's own OHMS export read back by the OHMS importer (issue 12): a seeded interview,
// exported by lib/exports/ohms.ts through the export endpoint, checked by xmllint, comes back with the
// same speakers in the same roles and every passage's words, in order, credited to the same speaker.
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { parseOhms } from '@/lib/import/formats/ohms';
import { apiDocument, exportBody } from '@/tests/support/exports';
import { assertWellFormed, requireXmllint } from '@/tests/support/xmllint';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';

afterAll(() => prisma.$disconnect());

describe('the OHMS export of a seeded interview, imported back', () => {
  it('has the same speakers, roles, passages and words', async () => {
    requireXmllint();
    const [api, xml] = await Promise.all([apiDocument(INTERVIEW), exportBody(INTERVIEW, 'ohms')]);
    assertWellFormed(xml);
    const result = parseOhms(xml);
    expect(result.meta.title).toBe(api.title);
    expect(result.meta.date).toBe(api.date.iso);
    expect(result.kind).toBe('interview');
    expect(result.problems).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(result.speakers.map((s) => [s.name, s.role]).sort()).toEqual(api.participants.map((p) => [p.name, p.role]).sort());
    expect(result.passages.map((p) => ({ kind: p.kind, speaker: p.speaker, text: p.text }))).toEqual(
      api.passages.map((p) => ({ kind: p.kind, speaker: p.speaker?.name ?? null, text: p.text })),
    );
  });
});
