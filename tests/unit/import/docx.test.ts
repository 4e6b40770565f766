// Issue 12: Word transcripts. Every file here is written by the `docx` library at test time and read
// by the real importer (mammoth, then the plain-text rules).
import {
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { ImportError, parseDocumentText, type ImportOptions } from '@/lib/import';
import { DOCX_NOTE, docxFormat, parseDocx } from '@/lib/import/formats/docx';
import { docxOf, paragraphs, PIXEL_PNG } from '@/tests/unit/import/docx-files';

const HINTS: ImportOptions = {
  speakers: [
    { name: 'Jeff Kim', role: 'interviewer' },
    { name: 'Seongmin Lee', role: 'interviewee' },
  ],
};

const labelled = (label: string, text: string, bold = true) => new Paragraph({ children: [new TextRun({ text: label, bold }), new TextRun(` ${text}`)] });

async function importErrorOf(run: () => Promise<unknown>): Promise<ImportError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError, but nothing was thrown');
}

describe('a Word interview with bold labels', () => {
  const file = () =>
    docxOf(
      [
        new Paragraph({ text: 'Seongmin Lee on Leaving Home', heading: HeadingLevel.TITLE }),
        new Paragraph({ text: 'Recorded in New York, 2018', heading: HeadingLevel.HEADING_2 }),
        labelled('Jeff Kim:', 'Where did you grow up?'),
        new Paragraph({
          children: [
            new TextRun({ text: 'Seongmin Lee:', bold: true }),
            new TextRun(' In Hyesan, near the river.'),
            new FootnoteReferenceRun(1),
            new TextRun({ text: 'The winters were long.', break: 1 }),
          ],
        }),
        new Table({
          rows: [
            new TableRow({ children: [new TableCell({ children: [new Paragraph('Year')] }), new TableCell({ children: [new Paragraph('Place')] })] }),
            new TableRow({ children: [new TableCell({ children: [new Paragraph('2009')] }), new TableCell({ children: [new Paragraph('Hyesan')] })] }),
          ],
        }),
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: PIXEL_PNG,
              transformation: { width: 10, height: 10 },
              altText: { name: 'map', description: 'A map of Hyesan', title: 'Map' },
            }),
          ],
        }),
        new Paragraph({
          children: [
            new TextRun({ text: 'Jeff Kim', bold: true }),
            new TextRun(': '),
            new CommentRangeStart(0),
            new TextRun('What do you remember?'),
            new CommentRangeEnd(0),
            new TextRun({ children: [new CommentReference(0)] }),
          ],
        }),
        labelled('Seongmin Lee:', 'The markets.'),
        new Paragraph(''),
        new Paragraph('Everyone traded something.'),
      ],
      {
        footnotes: { 1: { children: [new Paragraph('Hyesan is on the Yalu River.')] } },
        comments: { children: [{ id: 0, author: 'Editor', date: new Date('2026-01-01'), children: [new Paragraph('check this question against the tape')] }] },
      },
    );

  it('reads the turns, keeps the line break and the paragraphs, and takes the title from its style', async () => {
    const result = await parseDocx(await file(), HINTS);
    expect(result.kind).toBe('interview');
    expect(result.meta.title).toBe('Seongmin Lee on Leaving Home');
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual([
      ['question', 'Jeff Kim', 'Where did you grow up?'],
      ['answer', 'Seongmin Lee', 'In Hyesan, near the river.\n\nThe winters were long.'],
      ['question', 'Jeff Kim', 'What do you remember?'],
      ['answer', 'Seongmin Lee', 'The markets.\n\nEveryone traded something.'],
    ]);
    expect(result.passages.map((p) => p.answers)).toEqual([null, 0, null, 2]);
    expect(result.problems).toEqual([]);
    expect(result.notes[0]).toBe(DOCX_NOTE);
    expect(result.notes).toEqual(expect.arrayContaining([`title taken from the Word document's "Title" paragraph`]));
  });

  it('keeps tables, images, notes and comments out of the passages and reports what it left out', async () => {
    const result = await parseDocx(await file(), HINTS);
    const words = result.passages.map((p) => p.text).join(' ');
    for (const junk of ['Year', '2009', '|', 'map', 'Map', 'Yalu', 'check this', '*', '[', 'data:']) expect(words).not.toContain(junk);
    expect(result.dropped).toEqual(
      expect.arrayContaining([
        { text: 'Seongmin Lee on Leaving Home', line: 1, reason: 'repeated title' },
        expect.objectContaining({ text: 'Hyesan is on the Yalu River.', reason: 'footnote: notes are not read as passages' }),
        expect.objectContaining({ text: 'Year | Place\n2009 | Hyesan', reason: 'table (2 rows): tables are not read as passages' }),
        expect.objectContaining({ text: 'A map of Hyesan', reason: 'image' }),
      ]),
    );
    expect(result.notes).toEqual(expect.arrayContaining(['1 comment in the Word file left out: comments are not part of the transcript']));
  });

  it('reads the same as the transcript pasted as text', async () => {
    const words = ['Jeff Kim: Where did you grow up?', 'Seongmin Lee: In Hyesan.', 'Jeff Kim: Why did you leave?', 'Seongmin Lee: Hunger.'];
    const fromWord = await parseDocx(await docxOf(words.map((w) => labelled(w.slice(0, w.indexOf(':') + 1), w.slice(w.indexOf(':') + 2)))), HINTS);
    const fromText = parseDocumentText(words.join('\n\n'), HINTS);
    expect(fromWord.passages).toEqual(fromText.passages);
    expect(fromWord.speakers).toEqual(fromText.speakers);
  });

  it('leaves a bold label nobody named as a problem, its words credited to no one', async () => {
    const bytes = await docxOf([
      labelled('Jeff Kim:', 'Where?'),
      labelled('Seongmin Lee:', 'Hyesan.'),
      labelled('Maria Lopez:', 'And the markets?'),
      labelled('Seongmin Lee:', 'They grew.'),
    ]);
    const result = await parseDocx(bytes, HINTS);
    expect(result.passages.some((p) => p.text.includes('markets'))).toBe(false);
    expect(result.problems.map((p) => [p.label, p.text])).toEqual([['Maria Lopez', 'And the markets?']]);
  });
});

describe('a Word interview with labels in capitals', () => {
  it('reads names in capitals on their own line, typed in capitals or set in capitals by Word', async () => {
    const bytes = await docxOf([
      new Paragraph({ children: [new TextRun({ text: 'JEFF KIM', bold: true })] }),
      new Paragraph('Where did you grow up?'),
      new Paragraph({ children: [new TextRun({ text: 'Seongmin Lee', allCaps: true })] }),
      new Paragraph('In Hyesan.'),
      new Paragraph('JEFF KIM'),
      new Paragraph('And then?'),
      new Paragraph({ children: [new TextRun({ text: 'SEONGMIN LEE' }), new TextRun({ text: 'We left.', break: 1 })] }),
    ]);
    const result = await parseDocx(bytes, HINTS);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual([
      ['question', 'Jeff Kim', 'Where did you grow up?'],
      ['answer', 'Seongmin Lee', 'In Hyesan.'],
      ['question', 'Jeff Kim', 'And then?'],
      ['answer', 'Seongmin Lee', 'We left.'],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('reads "NAME:" in capitals with no names given, and reports a name in capitals nobody knows', async () => {
    const bytes = await docxOf([
      ...paragraphs('JEFF KIM: Where did you grow up?', 'SEONGMIN LEE: In Hyesan.', 'JEFF KIM: And then?', 'SEONGMIN LEE: We left.'),
      ...paragraphs('MARIA LOPEZ', 'What about the markets?'),
    ]);
    const result = await parseDocx(bytes);
    expect(result.passages.map((p) => p.speaker)).toEqual(['Jeff Kim', 'Seongmin Lee', 'Jeff Kim', 'Seongmin Lee']);
    expect(result.passages.some((p) => p.text.includes('markets'))).toBe(false);
    expect(result.problems.map((p) => p.label)).toEqual(['MARIA LOPEZ']);
  });
});

const row = (...cells: (string | string[])[]) =>
  new TableRow({ children: cells.map((cell) => new TableCell({ children: (Array.isArray(cell) ? cell : [cell]).map((text) => new Paragraph(text)) })) });

describe('a Word transcript written as a table', () => {
  it('reads a speaker column and a words column as turns, one set of rules deciding who speaks', async () => {
    const bytes = await docxOf([
      new Paragraph({ text: 'Seongmin Lee on Leaving Home', heading: HeadingLevel.TITLE }),
      new Table({
        rows: [
          row('Speaker', 'Transcript'),
          row('Jeff Kim', 'Where did you grow up?'),
          row('Seongmin Lee', ['In Hyesan.', 'Near the river.']),
          row('', 'The winters were long.'),
          row('Jeff Kim', 'Why did you leave?'),
          row('Maria Lopez', 'And the markets?'),
        ],
      }),
    ]);
    const result = await parseDocx(bytes, HINTS);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual([
      ['question', 'Jeff Kim', 'Where did you grow up?'],
      ['answer', 'Seongmin Lee', 'In Hyesan.\n\nNear the river.\n\nThe winters were long.'],
      ['question', 'Jeff Kim', 'Why did you leave?'],
    ]);
    expect(result.problems.map((p) => [p.label, p.text])).toEqual([['Maria Lopez', 'And the markets?']]);
    expect(result.dropped).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Speaker | Transcript', reason: 'table heading' })]));
    expect(result.notes).toEqual(expect.arrayContaining([expect.stringMatching(/^the table at line 3 was read as a transcript/)]));
  });

  it('leaves a table of names and roles out, not read as turns', async () => {
    const bytes = await docxOf([
      new Table({ rows: [row('Jeff Kim', 'Interviewer'), row('Seongmin Lee', 'Interviewee'), row('Maria Lopez', 'Editor')] }),
      ...paragraphs('Jeff Kim: Where did you grow up?', 'Seongmin Lee: In Hyesan.'),
    ]);
    const result = await parseDocx(bytes, HINTS);
    expect(result.passages.map((p) => [p.speaker, p.text])).toEqual([
      ['Jeff Kim', 'Where did you grow up?'],
      ['Seongmin Lee', 'In Hyesan.'],
    ]);
    expect(result.dropped).toEqual(
      expect.arrayContaining([
        {
          text: 'Jeff Kim | Interviewer\nSeongmin Lee | Interviewee\nMaria Lopez | Editor',
          line: 1,
          reason: 'table (3 rows): tables are not read as passages',
        },
      ]),
    );
  });
});

describe('a Word essay', () => {
  it('keeps its headings as text, credits the author, and makes no speaker of a heading in capitals', async () => {
    const bytes = await docxOf([
      new Paragraph({ text: 'How to Really Bring Change to North Korea', heading: HeadingLevel.TITLE }),
      new Paragraph({ text: 'Sanctions do not scare the regime.', style: 'Subtitle' }),
      new Paragraph('Ever since I left North Korea in December 2009, people have asked me how to help.'),
      new Paragraph({ text: 'STATE SMUGGLING', heading: HeadingLevel.HEADING_1 }),
      new Paragraph('I know this firsthand. During 2006 and 2009 there was frequent smuggling by the state.'),
      new Paragraph({ text: 'What Could Work', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ children: [new TextRun('Information reaches people.'), new TextRun({ text: 'It always has.', break: 1 })] }),
    ]);
    const result = await parseDocx(bytes, { speakers: [{ name: 'Seongmin Lee', role: 'author' }] });
    expect(result.kind).toBe('essay');
    expect(result.meta.title).toBe('How to Really Bring Change to North Korea');
    expect(result.meta.subtitle).toBe('Sanctions do not scare the regime.');
    expect(result.problems).toEqual([]);
    expect(result.speakers.map((s) => [s.name, s.role])).toEqual([['Seongmin Lee', 'author']]);
    // Every passage, the headings too, a paragraph by the author.
    expect(result.passages.map((p) => [p.kind, p.speaker])).toEqual(Array(6).fill(['paragraph', 'Seongmin Lee']));
    expect(result.passages.map((p) => p.text)).toEqual([
      'Ever since I left North Korea in December 2009, people have asked me how to help.',
      'STATE SMUGGLING',
      'I know this firsthand. During 2006 and 2009 there was frequent smuggling by the state.',
      'What Could Work',
      'Information reaches people.',
      'It always has.',
    ]);
  });
});

describe('a file that is not a Word document', () => {
  const truncated = async () => {
    const whole = await docxOf(paragraphs('Jeff Kim: Where?', 'Seongmin Lee: Hyesan.'));
    return whole.slice(0, Math.floor(whole.length / 2));
  };

  it.each([
    ['empty', async () => new Uint8Array(), /the file is empty/],
    ['plain text', async () => new TextEncoder().encode('JK: Where did you grow up?'), /not a Word document \(\.docx\): a \.docx is a zip archive/],
    [
      'a Word 97–2003 .doc',
      async () => Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      /older Word document \(\.doc\).*save it as "Word Document \(\.docx\)"/,
    ],
    ['an RTF file', async () => new TextEncoder().encode('{\\rtf1\\ansi Hello}'), /Rich Text \(\.rtf\)/],
    ['a damaged (cut short) .docx', truncated, /could not be read as a Word document \(\.docx\): the file is damaged/],
    [
      'a zip with no Word document inside',
      async () => {
        const bytes = await docxOf(paragraphs('Hello there.'));
        const name = new TextEncoder().encode('word/document.xml');
        const renamed = Buffer.from(bytes);
        for (let i = renamed.indexOf(name); i >= 0; i = renamed.indexOf(name, i + 1)) renamed[i + 12] = 'X'.charCodeAt(0);
        return new Uint8Array(renamed);
      },
      /holds no Word document \(no word\/document\.xml\)/,
    ],
    [
      'a document with only a table',
      async () => docxOf([new Table({ rows: [new TableRow({ children: [new TableCell({ children: [new Paragraph('x')] })] })] })]),
      /no paragraphs of text: it holds only table/,
    ],
  ])('is refused with a clear message: %s', async (_what, bytes, message) => {
    const error = await importErrorOf(async () => parseDocx(await bytes()));
    expect(error.message).toMatch(message);
  });
});

describe('docxFormat', () => {
  it('takes .docx files by name or by their contents, and .doc files so their editor hears how to convert them', async () => {
    const bytes = await docxOf(paragraphs('Hello there.'));
    expect(docxFormat.accepts({ name: 'talk.DOCX', bytes })).toBe(true);
    expect(docxFormat.accepts({ name: 'upload.bin', bytes })).toBe(true);
    expect(docxFormat.accepts({ name: 'old.doc', bytes: Uint8Array.from([0xd0, 0xcf]) })).toBe(true);
    expect(docxFormat.accepts({ name: 'talk.txt', bytes: new TextEncoder().encode('JK: hi') })).toBe(false);
    expect(docxFormat.accepts({ name: 'sheet.xlsx', bytes: Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]) })).toBe(false);
    expect(docxFormat.extensions).toEqual(['.docx']);
    const result = await docxFormat.parse(
      { name: 'talk.docx', bytes: await docxOf(paragraphs('JK: Where?', 'SL: Hyesan.')) },
      {
        speakers: [
          { name: 'Jeff Kim', labels: ['JK'] },
          { name: 'Seongmin Lee', labels: ['SL'] },
        ],
      },
    );
    expect(result.passages.map((p) => p.speaker)).toEqual(['Jeff Kim', 'Seongmin Lee']);
  });
});
