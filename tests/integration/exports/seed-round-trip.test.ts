// Both seed documents (the Q&A interview and the essay) in every export format, read back with a real
// parser: every passage's words whole, credited to its own speaker, in order, as the read API gives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/exports/formats';
import type { ReadPassage } from '@/tests/support/export-readers';
import { apiDocument, expectedPassages, readEveryFormat, type ApiPassage } from '@/tests/support/exports';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

afterAll(() => prisma.$disconnect());

describe.each([
  [INTERVIEW, 6],
  [ESSAY, 12],
])('%s', (slug, count) => {
  let passages: ApiPassage[];
  let read: Record<ExportFormat, Partial<ReadPassage>[]>;

  beforeAll(async () => {
    passages = (await apiDocument(slug)).passages;
    read = await readEveryFormat(slug, [...new Set(passages.flatMap((p) => (p.speaker ? [p.speaker.name] : [])))]);
  });

  it.each(EXPORT_FORMATS)('%s carries every passage whole, credited to its own speaker, in order', (format) => {
    expect(passages).toHaveLength(count);
    expect(read[format]).toEqual(expectedPassages(passages, format));
    // The interview's second answer runs over paragraphs: the breaks survive too.
    if (slug === INTERVIEW) expect(read[format][1].text).toContain('\n\nShould we then disengage');
  });
});
