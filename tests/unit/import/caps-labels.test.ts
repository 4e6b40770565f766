// Issue 12: speaker labels written in capitals on their own line ("JEFF KIM", then the turn below).
import { describe, expect, it } from 'vitest';
import { parseDocumentText, type ImportOptions } from '@/lib/import';

const HINTS: ImportOptions = {
  speakers: [
    { name: 'Jeff Kim', role: 'interviewer' },
    { name: 'Seongmin Lee', role: 'interviewee' },
  ],
};

const QA = [
  ['question', 'Jeff Kim', 'Where did you grow up?'],
  ['answer', 'Seongmin Lee', 'In a small town near the Chinese border.\n\nIt was cold.'],
  ['question', 'Jeff Kim', 'What do you remember?'],
  ['answer', 'Seongmin Lee', 'The cold winters.'],
];

const CAPS_INTERVIEW = [
  'JEFF KIM',
  'Where did you grow up?',
  '',
  'SEONGMIN LEE',
  'In a small town near the Chinese border.',
  '',
  'It was cold.',
  '',
  'JEFF KIM',
  'What do you remember?',
  '',
  'SEONGMIN LEE',
  'The cold winters.',
].join('\n');

const turns = (text: string, options?: ImportOptions) => parseDocumentText(text, options).passages.map((p) => [p.kind, p.speaker, p.text]);

describe('labels in capitals on their own line', () => {
  it('are turns when the speakers are given', () => {
    const result = parseDocumentText(CAPS_INTERVIEW, HINTS);
    expect(result.kind).toBe('interview');
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual(QA);
    expect(result.passages.map((p) => p.line)).toEqual([1, 4, 9, 12]);
    expect(result.problems).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(result.speakers.map((s) => [s.name, s.labels])).toEqual([
      ['Jeff Kim', ['JEFF KIM']],
      ['Seongmin Lee', ['SEONGMIN LEE']],
    ]);
  });

  it('are turns with the speakers given by their labels, in bold, with no blank line between turns', () => {
    const text =
      '**JK**\nWhere did you grow up?\n**SL**\nIn a small town near the Chinese border.\n\nIt was cold.\n**JK**\nWhat do you remember?\n**SL**\nThe cold winters.';
    const options: ImportOptions = {
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer' },
        { name: 'Seongmin Lee', labels: ['SL'], role: 'interviewee' },
      ],
    };
    expect(turns(text, options)).toEqual(QA);
  });

  it('are detected with no names given when two speakers each come back', () => {
    const result = parseDocumentText(CAPS_INTERVIEW);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual(QA);
    expect(result.notes).toEqual(expect.arrayContaining(['speaker labels in capitals on their own line read as turns (from "JEFF KIM" at line 1)']));
  });

  it('are detected when the title names both speakers', () => {
    const text = 'Jeff Kim Talks to Seongmin Lee\n\nJEFF KIM\nWhere did you grow up?\n\nSEONGMIN LEE\nIn Hyesan.';
    expect(turns(text)).toEqual([
      ['question', 'Jeff Kim', 'Where did you grow up?'],
      ['answer', 'Seongmin Lee', 'In Hyesan.'],
    ]);
  });

  it('join a hard-wrapped turn back into one paragraph', () => {
    const text = [
      'JEFF KIM',
      'Where did you grow up and what was the town like',
      'in the years before you decided that you had to leave?',
      '',
      'SEONGMIN LEE',
      'In a small town near the Chinese border where the',
      'winters were long and the river froze over every year.',
    ].join('\n');
    const result = parseDocumentText(text, HINTS);
    expect(result.passages.map((p) => p.text)).toEqual([
      'Where did you grow up and what was the town like in the years before you decided that you had to leave?',
      'In a small town near the Chinese border where the winters were long and the river froze over every year.',
    ]);
  });

  it('make an unknown name in capitals a problem, its words credited to no one', () => {
    const text = `${CAPS_INTERVIEW}\n\nMARIA LOPEZ\nAnd what about the markets?\n\nSEONGMIN LEE\nThey grew.`;
    const result = parseDocumentText(text, HINTS);
    expect(result.passages.some((p) => p.text.includes('markets'))).toBe(false);
    expect(result.problems).toEqual([
      {
        line: 15,
        label: 'MARIA LOPEZ',
        text: '',
        message: expect.stringMatching(
          /^line 15 is "MARIA LOPEZ" on a line of its own, which is not a known speaker label .*map it to a speaker or mark it as text$/,
        ),
      },
    ]);
    expect(result.unplaced.map((u) => [u.line, u.reason])).toEqual([
      [15, 'unknown speaker label "MARIA LOPEZ"'],
      [16, 'follows the unknown speaker label "MARIA LOPEZ" at line 15'],
    ]);
  });

  it('take a name in capitals mapped to a speaker as that speaker', () => {
    const text = `${CAPS_INTERVIEW}\n\nMARIA LOPEZ\nAnd what about the markets?`;
    const result = parseDocumentText(text, { speakers: [...HINTS.speakers!, { name: 'Maria Lopez', labels: ['MARIA LOPEZ'], role: 'interviewer' }] });
    expect(result.problems).toEqual([]);
    expect(result.passages.at(-1)).toMatchObject({ kind: 'question', speaker: 'Maria Lopez', text: 'And what about the markets?' });
  });

  it('leave the title in capitals, repeated above the turns, as the title', () => {
    const result = parseDocumentText(`ORAL HISTORY PROJECT\n\n${CAPS_INTERVIEW}`, { ...HINTS, title: 'Oral History Project' });
    expect(result.problems).toEqual([]);
    expect(result.dropped).toEqual([{ text: 'ORAL HISTORY PROJECT', line: 1, reason: 'repeated title' }]);
    expect(result.passages).toHaveLength(4);
  });

  it('take a name in capitals marked as text back as text', () => {
    const text = `${CAPS_INTERVIEW}\n\nEARLY YEARS\n\nThey grew.`;
    const result = parseDocumentText(text, { ...HINTS, textLabels: ['EARLY YEARS'] });
    expect(result.problems).toEqual([]);
    expect(result.passages.at(-1)).toMatchObject({ speaker: 'Seongmin Lee', text: 'The cold winters.\n\nEARLY YEARS\n\nThey grew.' });
  });

  it('are not speakers in an essay with headings in capitals', () => {
    const text = [
      'Notes From the Border',
      '',
      'By Seongmin Lee',
      '',
      'EARLY YEARS',
      'I grew up in Hyesan, a town on the Yalu River where winters were long.',
      '',
      'LEAVING',
      'In 2009 I crossed the river at night with two friends.',
      '',
      'EARLY YEARS',
      'Looking back, I remember the markets more than anything else.',
    ].join('\n');
    const result = parseDocumentText(text);
    expect(result.kind).toBe('essay');
    expect(result.problems).toEqual([]);
    expect(result.passages.map((p) => [p.speaker, p.text])).toEqual([
      ['Seongmin Lee', 'I grew up in Hyesan, a town on the Yalu River where winters were long.'],
      ['Seongmin Lee', 'LEAVING'],
      ['Seongmin Lee', 'In 2009 I crossed the river at night with two friends.'],
      ['Seongmin Lee', 'EARLY YEARS'],
      ['Seongmin Lee', 'Looking back, I remember the markets more than anything else.'],
    ]);
  });

  it('are not speakers in an essay whose author is given, even when a heading is her name', () => {
    const text = 'A Life in Two Countries\n\nSEONGMIN LEE\n\nI was born in Hyesan in 1990. We were poor.\n\nNORTH KOREA\n\nThe winters were long.';
    const result = parseDocumentText(text, { speakers: [{ name: 'Seongmin Lee', role: 'author' }], kind: 'essay' });
    expect(result.kind).toBe('essay');
    expect(result.passages.map((p) => p.text)).toContain('NORTH KOREA');
  });

  it('leave section numbers in capitals as text in an interview that uses them', () => {
    const text = `II\n\n${CAPS_INTERVIEW}\n\nIII\n\nJEFF KIM\nAnd then?`;
    const result = parseDocumentText(text, { ...HINTS, title: 'A Talk' });
    expect(result.problems).toEqual([]);
    expect(result.passages.at(-2)).toMatchObject({ speaker: 'Seongmin Lee', text: 'The cold winters.\n\nIII' });
  });

  it('leave an interview with colon labels and a heading in capitals as it was', () => {
    const text = 'JK: Where did you grow up?\n\nSL: In Hyesan.\n\nTHE BORDER\n\nJK: Did you cross it?\n\nSL: Twice.';
    const options: ImportOptions = {
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'] },
        { name: 'Seongmin Lee', labels: ['SL'] },
      ],
    };
    const result = parseDocumentText(text, options);
    expect(result.problems).toEqual([]);
    expect(result.passages[1]).toMatchObject({ speaker: 'Seongmin Lee', text: 'In Hyesan.\n\nTHE BORDER' });
  });
});
