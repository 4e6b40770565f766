// The archive's own OHMS export read back by the OHMS importer (issue 12): both seed documents,
// exported by lib/exports/ohms.ts through the export endpoint and checked by xmllint, come back with
// the same kind, the same speakers in the same roles, and every passage's words, in order, credited to
// the same speaker (the essay, written by the export as its author's turns, is an essay again).
import { afterAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { parseOhms } from '@/lib/import/formats/ohms';
import { apiDocument, exportBody } from '@/tests/support/exports';
import { assertWellFormed, requireXmllint } from '@/tests/support/xmllint';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

afterAll(() => prisma.$disconnect());

describe.each([INTERVIEW, ESSAY])('the OHMS export of %s, imported back', (slug) => {
  it('has the same kind, speakers, roles, passages and words', async () => {
    requireXmllint();
    const [api, xml] = await Promise.all([apiDocument(slug), exportBody(slug, 'ohms')]);
    assertWellFormed(xml);
    const result = parseOhms(xml);
    expect(result.kind).toBe(api.kind);
    expect(result.meta.title).toBe(api.title);
    expect(result.meta.date).toBe(api.date.iso);
    expect(result.problems).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(result.dropped).toEqual([]);
    expect(result.speakers.map((s) => [s.name, s.role]).sort()).toEqual(api.participants.map((p) => [p.name, p.role]).sort());
    expect(result.passages.map((p) => ({ kind: p.kind, speaker: p.speaker, text: p.text }))).toEqual(
      api.passages.map((p) => ({ kind: p.kind, speaker: p.speaker?.name ?? null, text: p.text })),
    );
    if (slug === INTERVIEW) expect(result.passages[1]!.text).toContain('\n\nShould we then disengage');
  });
});
