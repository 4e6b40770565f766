import { describe, expect, it } from 'vitest';
import { parseDocumentText, type ImportOptions } from '@/lib/import';
import { parseLabel } from '@/lib/import/labels';

const HINTS: ImportOptions = {
  speakers: [
    { name: 'Jeff Kim', labels: ['JK'] },
    { name: 'Seongmin Lee', labels: ['SL'] },
  ],
};
const ROLE_HINTS: ImportOptions = {
  speakers: [
    { name: 'Jeff Kim', role: 'interviewer' },
    { name: 'Seongmin Lee', role: 'interviewee' },
  ],
};

interface Case {
  form: string;
  text: string;
  options?: ImportOptions;
  /** Expected [kind, speaker, text] of every passage. */
  passages: [string, string, string][];
}

const QA: [string, string, string][] = [
  ['question', 'Jeff Kim', 'Where did you grow up?'],
  ['answer', 'Seongmin Lee', 'In a small town near the Chinese border.'],
  ['question', 'Jeff Kim', 'What do you remember?'],
  ['answer', 'Seongmin Lee', 'The cold winters.'],
];

const cases: Case[] = [
  {
    form: 'initials with hints',
    text: 'JK: Where did you grow up?\n\nSL: In a small town near the Chinese border.\n\nJK: What do you remember?\n\nSL: The cold winters.',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'initials tied through a byline and the title',
    text: 'A Talk with Seongmin Lee\n\nBy Jeff Kim\n\nJK: Where did you grow up?\n\nSL: In a small town near the Chinese border.\n\nJK: What do you remember?\n\nSL: The cold winters.',
    passages: QA,
  },
  {
    form: 'lower-case initials',
    text: 'jk: Where did you grow up?\n\nsl: In a small town near the Chinese border.',
    options: HINTS,
    passages: [],
  },
  {
    form: 'full names',
    text: 'Jeff Kim: Where did you grow up?\n\nSeongmin Lee: In a small town near the Chinese border.\n\nJeff Kim: What do you remember?\n\nSeongmin Lee: The cold winters.',
    passages: QA,
  },
  {
    form: 'full names in capitals',
    text: 'JEFF KIM: Where did you grow up?\n\nSEONGMIN LEE: In a small town near the Chinese border.\n\nJEFF KIM: What do you remember?\n\nSEONGMIN LEE: The cold winters.',
    passages: QA,
  },
  {
    form: 'first names tied through the title',
    text: 'Jeff Kim Talks to Seongmin Lee\n\nJeff: Where did you grow up?\n\nSeongmin: In a small town near the Chinese border.\n\nJeff: What do you remember?\n\nSeongmin: The cold winters.',
    passages: QA,
  },
  {
    form: 'Q/A with role hints',
    text: 'Q: Where did you grow up?\n\nA: In a small town near the Chinese border.\n\nQ: What do you remember?\n\nA: The cold winters.',
    options: ROLE_HINTS,
    passages: QA,
  },
  {
    form: 'label alone on its line',
    text: 'JK:\nWhere did you grow up?\n\nSL:\nIn a small town near the Chinese border.\n\nJK:\n\nWhat do you remember?\n\nSL:\nThe cold winters.',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'bold label with the colon inside',
    text: '**JK:** Where did you grow up?\n\n**SL:** In a small town near the Chinese border.\n\n**JK:** What do you remember?\n\n**SL:** The cold winters.',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'bold label with the colon outside',
    text: '**JK**: Where did you grow up?\n\n**SL**: In a small town near the Chinese border.\n\n**JK**: What do you remember?\n\n**SL**: The cold winters.',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'bold label alone on its line',
    text: '**Jeff Kim:**\nWhere did you grow up?\n\n**Seongmin Lee:**\nIn a small town near the Chinese border.\n\n**Jeff Kim:**\nWhat do you remember?\n\n**Seongmin Lee:**\nThe cold winters.',
    passages: QA,
  },
  {
    form: 'CRLF line endings',
    text: 'JK: Where did you grow up?\r\n\r\nSL: In a small town near the Chinese border.\r\n\r\nJK: What do you remember?\r\n\r\nSL: The cold winters.\r\n',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'old Mac CR line endings',
    text: 'JK: Where did you grow up?\r\rSL: In a small town near the Chinese border.\r\rJK: What do you remember?\r\rSL: The cold winters.',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'nbsp after the colon and inside the text',
    text: 'JK:\u00a0Where did\u00a0you grow up?\n\nSL:\u00a0\u00a0In a small town near the Chinese border.\n\nJK:\u00a0What do you remember?\n\nSL:\u00a0The cold\u00a0 winters.',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'turns on consecutive lines with no blank line',
    text: 'JK: Where did you grow up?\nSL: In a small town near the Chinese border.\nJK: What do you remember?\nSL: The cold winters.',
    options: HINTS,
    passages: QA,
  },
  {
    form: 'tabs and a BOM',
    text: '\uFEFFJK:\tWhere did you\t\tgrow up?\n\nSL: In a small town near the Chinese border.\n\nJK: What do you remember?\n\nSL: The cold winters.',
    options: HINTS,
    passages: QA,
  },
];

describe('speaker labels in every pasted form', () => {
  it.each(cases.filter((c) => c.passages.length > 0))('$form', ({ text, options, passages }) => {
    const result = parseDocumentText(text, options);
    expect(result.kind).toBe('interview');
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual(passages);
    expect(result.passages.map((p) => p.answers)).toEqual([null, 0, null, 2]);
    expect(result.unplaced).toEqual([]);
    expect(result.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Jeff Kim', 'interviewer'],
      ['Seongmin Lee', 'interviewee'],
    ]);
  });

  it('ties lower-case initials case-insensitively', () => {
    const result = parseDocumentText(cases[2]!.text, cases[2]!.options);
    expect(result.passages.map((p) => p.speaker)).toEqual(['Jeff Kim', 'Seongmin Lee']);
  });

  it('records the line each turn starts on', () => {
    const result = parseDocumentText('JK:\nWhere did you grow up?\n\nSL: In a town.\nIt was small.\n\nJK: Why?', HINTS);
    expect(result.passages.map((p) => p.line)).toEqual([1, 4, 7]);
    expect(result.passages[1]!.text).toBe('In a town.\n\nIt was small.');
  });

  it('notes how each label was tied and how roles were read', () => {
    const result = parseDocumentText(cases[1]!.text);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        'label "JK" tied to "Jeff Kim" (initials, byline)',
        'label "SL" tied to "Seongmin Lee" (initials, title)',
        '"Jeff Kim" taken as the interviewer: 2 of 2 turns end with "?"',
      ]),
    );
    expect(result.speakers.map((s) => s.labels)).toEqual([['JK'], ['SL']]);
  });

  it('keeps curly and straight quotes exactly, also right after a label', () => {
    const text = 'JK: “Why,” you ask, "did you leave?"\n\nSL:“Because” it’s what I ‘had’ to do.\n\nJK:\u00a0‘Really?’\n\nSL: "Yes."';
    const result = parseDocumentText(text, HINTS);
    expect(result.passages.map((p) => p.text)).toEqual(['“Why,” you ask, "did you leave?"', '“Because” it’s what I ‘had’ to do.', '‘Really?’', '"Yes."']);
    expect(result.passages.map((p) => p.kind)).toEqual(['question', 'answer', 'question', 'answer']);
  });

  it('keeps a multi-paragraph answer as one passage', () => {
    const text = 'JK: What happened?\n\nSL: First we walked.\n\nThen we swam across the river.\n\nAt dawn we reached China.\n\nJK: And then?\n\nSL: We hid.';
    const result = parseDocumentText(text, HINTS);
    expect(result.passages).toHaveLength(4);
    expect(result.passages[1]!.text).toBe('First we walked.\n\nThen we swam across the river.\n\nAt dawn we reached China.');
    expect(result.passages[3]).toMatchObject({ kind: 'answer', answers: 2, text: 'We hid.' });
  });

  it('uses roles from hints over the question marks', () => {
    const text = 'JK: I see.\n\nSL: Do you?\n\nJK: Yes.\n\nSL: Why?';
    const result = parseDocumentText(text, {
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer' },
        { name: 'Seongmin Lee', labels: ['SL'] },
      ],
    });
    expect(result.passages.map((p) => p.kind)).toEqual(['question', 'answer', 'question', 'answer']);
  });

  it('notes an answer that comes before any question', () => {
    const text = 'SL: I was born in 1990.\n\nJK: Where?\n\nSL: In Hoeryong.';
    const result = parseDocumentText(text, HINTS);
    expect(result.passages.map((p) => [p.kind, p.answers])).toEqual([
      ['answer', null],
      ['question', null],
      ['answer', 1],
    ]);
    expect(result.notes).toContain('the answer at line 1 comes before any question');
  });

  it.each([
    ['Note: the interview was edited.', 'Note'],
    ['Up Next: Which First Lady Are You?', 'Up Next'],
    ['Related Articles: more', 'Related Articles'],
    ['The problem: nobody listened.', 'The problem'],
    ['In 2009: I left.', 'In 2009'],
    ['https://example.org is a link', 'https'],
    ['Seongmin Lee Q&A Part 2: Thoughts', 'Seongmin Lee Q&A Part 2'],
    ['One Two Three Four Five: too many words', 'five words'],
  ])('does not read %j as a speaker label (%s)', (paragraph) => {
    expect(parseLabel(paragraph)).toBeNull();
  });

  it.each([
    ['JK: text', 'JK', 'text'],
    ['J.K.: text', 'J.K.', 'text'],
    ['**JK:** text', 'JK', 'text'],
    ['**JK**: text', 'JK', 'text'],
    ['__Jeff Kim:__ text', 'Jeff Kim', 'text'],
    ['Jeff Kim:', 'Jeff Kim', ''],
    ['Kim Jong-un: text', 'Kim Jong-un', 'text'],
    ['Q: text', 'Q', 'text'],
    ['XY: **Bold** text', 'XY', '**Bold** text'],
    ['**XY**: **Bold** text', 'XY', '**Bold** text'],
    ['**XY:** **Bold** text', 'XY', '**Bold** text'],
  ])('reads the label of %j', (paragraph, label, rest) => {
    expect(parseLabel(paragraph)).toEqual({ label, rest });
  });

  it('does not take prose with a colon for a turn when the label is used once and unknown', () => {
    const result = parseDocumentText('Notes From Seoul\n\nKorea: a land of contrasts.\n\nWe arrived in the spring.');
    expect(result.kind).toBe('essay');
    expect(result.passages.map((p) => p.text)).toEqual(['Korea: a land of contrasts.', 'We arrived in the spring.']);
  });

  it('reads labels in a script without capitals as names', () => {
    const text = '김기자: 어디서 자랐어요?\n\n이성민: 혜산에서 자랐어요.\n\n김기자: 추웠어요?\n\n이성민: 네, 아주 추웠어요.';
    const result = parseDocumentText(text, { title: '인터뷰' });
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual([
      ['question', '김기자', '어디서 자랐어요?'],
      ['answer', '이성민', '혜산에서 자랐어요.'],
      ['question', '김기자', '추웠어요?'],
      ['answer', '이성민', '네, 아주 추웠어요.'],
    ]);
  });

  it('keeps labels as text in a forced essay', () => {
    const result = parseDocumentText('JK: hello there.\n\nSL: hi.', { kind: 'essay' });
    expect(result.kind).toBe('essay');
    expect(result.passages.map((p) => p.text)).toEqual(['JK: hello there.', 'SL: hi.']);
  });
});
