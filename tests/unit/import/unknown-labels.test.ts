// Issue 7, defect 1: a paragraph starting with a label nobody mapped ("XY:", "Maria Lopez:") was
// folded into the answer before it. It must go to no speaker and block the save until resolved.
import { describe, expect, it } from 'vitest';
import { parseDocumentText, type ImportOptions, type ImportResult } from '@/lib/import';

const HINTS: ImportOptions = {
  speakers: [
    { name: 'Jeff Kim', labels: ['JK'] },
    { name: 'Seongmin Lee', labels: ['SL'] },
  ],
};
const withHints = (extra: ImportOptions): ImportOptions => ({ ...HINTS, ...extra, speakers: [...HINTS.speakers!, ...(extra.speakers ?? [])] });

const interview = (line: string) =>
  `JK: Where did you grow up?\n\nSL: In Hyesan, near the river.\n\n${line}\n\nThey were everywhere after the famine.\n\nJK: Were you afraid?\n\nSL: Always.`;

/** Every passage's words, to prove where a sentence did (not) go. */
const creditedTo = (result: ImportResult, needle: string) => result.passages.filter((p) => p.text.includes(needle)).map((p) => p.speaker);

describe('a label nobody mapped', () => {
  it.each([
    ['unmapped initials', 'XY: And what about the markets?', 'XY'],
    ['a full name', 'Maria Lopez: And what about the markets?', 'Maria Lopez'],
    ['a bold full name', '**Maria Lopez:** And what about the markets?', 'Maria Lopez'],
    ['a first name', 'Maria: And what about the markets?', 'Maria'],
  ])('is never folded into the answer before it (%s)', (_form, line, label) => {
    const result = parseDocumentText(interview(line), HINTS);
    expect(creditedTo(result, 'markets')).toEqual([]);
    // What follows it up to the next known turn is that unknown speaker's too, not Seongmin Lee's.
    expect(creditedTo(result, 'famine')).toEqual([]);
    expect(result.passages.map((p) => [p.speaker, p.text])).toEqual([
      ['Jeff Kim', 'Where did you grow up?'],
      ['Seongmin Lee', 'In Hyesan, near the river.'],
      ['Jeff Kim', 'Were you afraid?'],
      ['Seongmin Lee', 'Always.'],
    ]);
    expect(result.problems).toEqual([
      {
        line: 5,
        label,
        text: 'And what about the markets?',
        message: expect.stringMatching(new RegExp(`line 5 starts with "${label}:".*map it to a speaker or mark it as text`)),
      },
    ]);
    expect(result.unplaced.map((u) => [u.line, u.reason])).toEqual([
      [5, `unknown speaker label "${label}"`],
      [7, `follows the unknown speaker label "${label}" at line 5`],
    ]);
  });

  it('is caught on the line right under an answer, with no blank line between', () => {
    const result = parseDocumentText('JK: Where did you grow up?\nSL: In Hyesan.\nXY: And what about the markets?\nSL: They grew.', HINTS);
    expect(creditedTo(result, 'markets')).toEqual([]);
    expect(result.problems.map((p) => [p.line, p.label])).toEqual([[3, 'XY']]);
  });

  it('is caught before the first known turn, and nothing after it becomes the summary', () => {
    const result = parseDocumentText('Maria Lopez: Welcome to the programme.\n\nToday we have a guest.\n\nJK: Where did you grow up?\n\nSL: In Hyesan.', {
      ...HINTS,
      title: 'A Talk',
    });
    expect(result.problems.map((p) => [p.line, p.label])).toEqual([[1, 'Maria Lopez']]);
    expect(result.meta.summary).toBeUndefined();
    expect(result.unplaced.map((u) => u.line)).toEqual([1, 3]);
  });

  it('reads one known turn and an unknown label as a conversation, not an essay by the one speaker given', () => {
    const result = parseDocumentText('JK: Where did you grow up?\n\nMaria Lopez: In Hyesan.', {
      speakers: [{ name: 'Jeff Kim', labels: ['JK'] }],
      title: 'A Talk',
    });
    expect(result.kind).toBe('interview');
    expect(creditedTo(result, 'Hyesan')).toEqual([]);
    expect(result.problems.map((p) => p.label)).toEqual(['Maria Lopez']);
  });

  it('reports each unknown label, in line order', () => {
    const text = 'JK: One?\n\nAB: First.\n\nSL: Two.\n\nMaria Lopez: Second.\n\nJK: Three?\n\nSL: Three.';
    const result = parseDocumentText(text, HINTS);
    expect(result.problems.map((p) => [p.line, p.label])).toEqual([
      [3, 'AB'],
      [7, 'Maria Lopez'],
    ]);
  });

  it('refuses to guess when no label at all is known, naming them', () => {
    expect(() => parseDocumentText('XY: Hello?\n\nZW: Hi.', { kind: 'interview', title: 'T' })).toThrow(/"XY:" \(line 1\), "ZW:" \(line 3\)/);
  });
});

describe('resolving an unknown label', () => {
  it('maps it to a speaker: the turn is theirs and nothing blocks', () => {
    const result = parseDocumentText(interview('XY: And what about the markets?'), withHints({ speakers: [{ name: 'Xu Yang', labels: ['XY'] }] }));
    expect(result.problems).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(result.passages.map((p) => p.speaker)).toEqual(['Jeff Kim', 'Seongmin Lee', 'Xu Yang', 'Jeff Kim', 'Seongmin Lee']);
    expect(result.passages[2]!.text).toBe('And what about the markets?\n\nThey were everywhere after the famine.');
  });

  it('maps a full-name label to that person', () => {
    const result = parseDocumentText(
      interview('Maria Lopez: And what about the markets?'),
      withHints({ speakers: [{ name: 'Maria Lopez', labels: ['Maria Lopez'] }] }),
    );
    expect(result.problems).toEqual([]);
    expect(creditedTo(result, 'markets')).toEqual(['Maria Lopez']);
  });

  it('marks it as text: the paragraph stays in the answer, as the editor said, with a note', () => {
    const result = parseDocumentText(interview('Freedom: that is what I wanted.'), withHints({ textLabels: ['Freedom'] }));
    expect(result.problems).toEqual([]);
    expect(result.passages[1]).toMatchObject({
      speaker: 'Seongmin Lee',
      text: 'In Hyesan, near the river.\n\nFreedom: that is what I wanted.\n\nThey were everywhere after the famine.',
    });
    expect(result.notes).toContain('"Freedom:" read as text, not a speaker label, as asked (line 5)');
  });

  it('notes a label marked as text that the text never uses', () => {
    const result = parseDocumentText(interview('Nothing odd here.'), withHints({ textLabels: ['QQ'] }));
    expect(result.notes).toContain('"QQ" was marked as text but starts no paragraph');
  });
});

describe('prose with a colon is not a speaker, and blocks nothing', () => {
  it.each([
    'Note: the interview was edited for length.',
    "Editor's note: names were changed.",
    'Update: he is now in Seoul.',
    'The problem: nobody listened.',
    'In 2009: I left for good.',
    'My answer: no.',
    'At 10:30 the guards changed.',
    'See https://example.org for the report.',
    'Source: the report of the UN inquiry.',
    'Step 1: cross the river.',
    'Three things mattered: food, work and freedom.',
    'Why? Because: they wanted to eat.',
    'Yes: we did.',
  ])('inside an answer: %j', (line) => {
    const result = parseDocumentText(interview(line), HINTS);
    expect(result.problems).toEqual([]);
    expect(result.unplaced).toEqual([]);
    expect(creditedTo(result, line.split(' ').slice(-2).join(' '))).toEqual(['Seongmin Lee']);
  });

  it('in an essay, "Korea: a land of contrasts." stays a paragraph', () => {
    const result = parseDocumentText('Notes From Seoul\n\nKorea: a land of contrasts.\n\nWe arrived in the spring.');
    expect(result.kind).toBe('essay');
    expect(result.problems).toEqual([]);
  });
});
