// Hostile words saved through the real write path (the shared factory: createDocumentAsSystem, the
// importer's and the seed's path) come out of every export exactly, read back by the formats' own
// parsers: quotes, markup, "]]>", "-->", entity look-alikes, every kind of line break, Korean, emoji,
// lines that look like another format's syntax (a WebVTT timing, a Markdown heading, a speaker turn),
// a speaker whose name is markup and one whose slug starts with a digit, and a passage nobody said.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/exports/formats';
import type { ReadPassage } from '@/tests/support/export-readers';
import { apiDocument, exportBody, expectedPassages, readEveryFormat, TEI, type ApiPassage } from '@/tests/support/exports';
import { createDocumentFixture } from '@/tests/support/factories';
import { el, XmlFile } from '@/tests/support/xml-file';

const SLUG = 'hostile-exports';
const MARKUP_NAME = 'Ri "Q" <Kim> & Co';
const KOREAN_NAME = '이성민';

const QUESTION = 'He said "stop" & left <now>; ]]> and --> and <!-- x --> <v Other>fake voice</v> &amp; &#10; &lt; \\ back\\slash *bold* _em_ [link](x) `code`';
const ANSWER = [
  '두만강을 건넜습니다. 👩‍👧‍👦 🇰🇵 — «quotes» ‘single’',
  '',
  `**${MARKUP_NAME}:** not a turn`,
  `[1] ${MARKUP_NAME}`,
  '    indented line',
  '',
  '',
  'three line breaks before this line',
  '# not a heading',
  '- not a list',
  '1. not a list either',
  '> not a quote',
  'WEBVTT',
  'NOTE not a note',
  '00:00:01.000 --> 00:00:02.000',
  'p9',
  'ends with a backslash \\',
  'last line',
].join('\n');
const UNSAID = 'Editor\'s note: <unattributed> & "quoted"\ttab';

let passages: ApiPassage[];
let read: Record<ExportFormat, Partial<ReadPassage>[]>;

beforeAll(async () => {
  await createDocumentFixture(prisma, {
    slug: SLUG,
    kind: 'interview',
    title: 'Hostile <title> & "quotes" ]]> --> 😀 평양',
    subtitle: '<subtitle> & more',
    summary: 'A summary with <markup> & "quotes"\n\nand a second paragraph -->',
    publisher: 'Publisher & <Sons>',
    date: '2016-12',
    speakers: [{ name: KOREAN_NAME, slug: '2-lee' }],
    participants: [
      { speaker: MARKUP_NAME, role: 'interviewer' },
      { speaker: KOREAN_NAME, role: 'interviewee' },
    ],
    passages: [
      { kind: 'question', speaker: MARKUP_NAME, text: QUESTION, topicSlugs: ['china'] },
      { kind: 'answer', speaker: KOREAN_NAME, text: ANSWER, answers: 0 },
      { kind: 'paragraph', speaker: null, text: UNSAID },
    ],
  });
  passages = (await apiDocument(SLUG)).passages;
  read = await readEveryFormat(SLUG, [MARKUP_NAME, KOREAN_NAME]);
});

afterAll(() => prisma.$disconnect());

describe('hostile words saved through the write path', () => {
  it('are stored and served by the API exactly as written', () => {
    expect(passages.map((p) => [p.speaker?.name ?? null, p.text])).toEqual([
      [MARKUP_NAME, QUESTION],
      [KOREAN_NAME, ANSWER],
      [null, UNSAID],
    ]);
  });

  it.each(EXPORT_FORMATS)('come back whole from %s, each credited to its own speaker, in order', (format) => {
    expect(read[format]).toEqual(expectedPassages(passages, format));
  });

  it('give TEI xml:id values that are NCNames, even for a slug starting with a digit', async () => {
    const xml = new XmlFile(await exportBody(SLUG, 'tei'));
    const ids = xml.attributes('//*', 'xml:id');
    expect(ids).toContain('person-2-lee');
    for (const id of ids) expect(id).toMatch(/^[A-Za-z_][A-Za-z0-9_.-]*$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(xml.string(`//${el(TEI, 'titleStmt')}/${el(TEI, 'title')}[1]`)).toBe('Hostile <title> & "quotes" ]]> --> 😀 평양');
  });

  it('never let "-->" into WebVTT cue text or a NOTE, where it would start a cue', async () => {
    const vtt = await exportBody(SLUG, 'vtt');
    const timingLines = vtt.split('\n').filter((line) => line.includes('-->'));
    expect(timingLines).toHaveLength(passages.length);
    for (const line of timingLines) expect(line).toMatch(/^\d{2}:\d{2}:\d{2}\.\d{3} --> \d{2}:\d{2}:\d{2}\.\d{3}$/);
  });
});
