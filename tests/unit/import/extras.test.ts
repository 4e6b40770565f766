import { describe, expect, it } from 'vitest';
import { parseDocumentText, type ImportOptions } from '@/lib/import';
import { repeatedTextIndex } from '@/lib/import/pull-quote';

const HINTS: ImportOptions = {
  speakers: [
    { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer' },
    { name: 'Seongmin Lee', labels: ['SL'], role: 'interviewee' },
  ],
};
const ANSWER =
  'We crossed at night. The river was frozen hard enough to walk on, and the guards were asleep in their hut. I still dream about the sound of the ice.';

describe('pull quotes', () => {
  it.each([
    ['a sentence repeated verbatim', 'The river was frozen hard enough to walk on, and the guards were asleep in their hut.'],
    ['a sentence repeated with other quote marks and case', '“the river was frozen hard enough to walk on, and the guards were asleep in their hut.”'],
    [
      'one sentence repeated verbatim next to a new one',
      'The river was frozen hard enough to walk on, and the guards were asleep in their hut. Nobody who has not lived there can imagine what hunger does to a family over many years.',
    ],
    [
      'a near repeat with most 3-grams shared',
      'The river was frozen hard enough to walk across, and the guards were asleep in the hut. I still dream about the ice.',
    ],
  ])('drops %s', (_, quote) => {
    const text = `JK: How did you cross?\n\nSL: ${ANSWER}\n\n${quote}\n\nJK: Were you afraid?\n\nSL: Yes.`;
    const result = parseDocumentText(text, HINTS);
    expect(result.passages.map((p) => p.text)).toEqual(['How did you cross?', ANSWER, 'Were you afraid?', 'Yes.']);
    expect(result.dropped).toEqual([{ text: quote, line: 5, reason: 'pull quote repeating passage 2' }]);
  });

  it('keeps a short paragraph that repeats nothing as part of the answer', () => {
    const text = `JK: How did you cross?\n\nSL: ${ANSWER}\n\nMy brother carried our shoes.\n\nJK: Were you afraid?\n\nSL: Yes.`;
    const result = parseDocumentText(text, HINTS);
    expect(result.passages[1]!.text).toBe(`${ANSWER}\n\nMy brother carried our shoes.`);
    expect(result.dropped).toEqual([]);
  });

  it('takes the text under a label standing alone as the turn, even when it repeats', () => {
    const text = `JK: How did you cross?\n\nSL: ${ANSWER}\n\nJK: Say it again?\n\nSL:\n\nThe river was frozen hard enough to walk on, and the guards were asleep in their hut.`;
    const result = parseDocumentText(text, HINTS);
    expect(result.passages.map((p) => p.text)).toEqual([
      'How did you cross?',
      ANSWER,
      'Say it again?',
      'The river was frozen hard enough to walk on, and the guards were asleep in their hut.',
    ]);
    expect(result.dropped).toEqual([]);
  });

  it('keeps a paragraph that shares only a short phrase', () => {
    expect(repeatedTextIndex('The guards were asleep again when we came back.', [ANSWER])).toBeNull();
    expect(repeatedTextIndex('I still dream about the sound of the ice.', ['Nothing here.', ANSWER])).toBe(1);
  });

  it('drops pull quotes in essays too, naming the passage', () => {
    const text = `Crossing\n\n${ANSWER}\n\nMy brother carried our shoes all the way to China.\n\nI still dream about the sound of the ice.\n\nThe end.`;
    const result = parseDocumentText(text);
    expect(result.passages.map((p) => p.text)).toEqual([ANSWER, 'My brother carried our shoes all the way to China.', 'The end.']);
    expect(result.dropped.map((d) => d.reason)).toEqual(['title', 'pull quote repeating passage 1']);
  });
});

describe('pull quotes above the body', () => {
  it('drops a header paragraph that repeats a later sentence, rather than taking it as the summary', () => {
    const text = `Crossing\n\nThe river was frozen hard enough to walk on, and the guards were asleep in their hut.\n\nJK: How did you cross?\n\nSL: ${ANSWER}`;
    const result = parseDocumentText(text, HINTS);
    expect(result.meta.summary).toBeUndefined();
    expect(result.dropped.map((d) => [d.line, d.reason])).toEqual([
      [1, 'title'],
      [3, 'pull quote repeating passage 2'],
    ]);
    expect(result.notes.some((n) => n.startsWith('summary taken'))).toBe(false);
  });
});

describe('closing bios', () => {
  it.each([
    ['is', 'Jeff Kim is a consultant at the institute.', 'Jeff Kim'],
    ['was', 'Seongmin Lee was born in Hyesan.', 'Seongmin Lee'],
    ['has', 'Seongmin Lee has testified at the United Nations.', 'Seongmin Lee'],
  ])('gives a final "<name> %s …" paragraph to that speaker', (_, bio, name) => {
    const result = parseDocumentText(`JK: Where?\n\nSL: Hyesan.\n\n${bio}`, HINTS);
    expect(result.passages.map((p) => p.text)).toEqual(['Where?', 'Hyesan.']);
    expect(result.speakers.find((s) => s.name === name)?.bio).toBe(bio);
    expect(result.speakers.filter((s) => s.bio !== null)).toHaveLength(1);
  });

  it('reports a closing bio of someone who is not a speaker instead of gluing it to the answer', () => {
    const result = parseDocumentText('JK: Where?\n\nSL: Hyesan.\n\nJane Roe is a photographer based in Seoul.', HINTS);
    expect(result.passages[1]!.text).toBe('Hyesan.');
    expect(result.unplaced).toEqual([
      { text: 'Jane Roe is a photographer based in Seoul.', line: 5, reason: 'closing bio of "Jane Roe", who is not a speaker' },
    ]);
  });

  it('keeps a final "<place> is a …" paragraph of testimony in the answer', () => {
    const result = parseDocumentText('JK: What is it like?\n\nSL: Hard.\n\nNorth Korea is a prison without walls.', HINTS);
    expect(result.passages[1]!.text).toBe('Hard.\n\nNorth Korea is a prison without walls.');
    expect(result.unplaced).toEqual([]);
  });

  it('does not take a bio-shaped paragraph in the middle for a bio', () => {
    const result = parseDocumentText(
      'JK: Who helped you?\n\nSL: A broker.\n\nJeff Kim is a good listener, I think.\n\nJK: Thank you?\n\nSL: You are welcome.',
      HINTS,
    );
    expect(result.passages[1]!.text).toBe('A broker.\n\nJeff Kim is a good listener, I think.');
    expect(result.speakers.every((s) => s.bio === null)).toBe(true);
  });
});

describe('site chrome and the header', () => {
  const page = [
    'Fill out the brief form below for access to the free report.',
    'Crossing the River: A Conversation',
    'Seongmin Lee remembers the night he crossed the frozen Yalu.',
    'Article by Jeff Kim March 3, 2019 // 5 minute read',
    'Seongmin Lee with friends at a conference in Seoul, May 2018.',
    'JK: How did you cross?',
    `SL: ${ANSWER}`,
    'Share this',
    'JK: Were you afraid?',
    'SL: Yes.',
    'Up Next:',
    'Which First Lady Are You? on August 27, 2018',
    'Related Articles:',
  ].join('\n\n');

  it('drops chrome, keeps caption and summary, and cuts the navigation tail', () => {
    const result = parseDocumentText(page);
    expect(result.meta).toMatchObject({
      title: 'Crossing the River: A Conversation',
      summary: 'Seongmin Lee remembers the night he crossed the frozen Yalu.',
      date: '2019-03-03',
    });
    expect(result.caption).toBe('Seongmin Lee with friends at a conference in Seoul, May 2018.');
    expect(result.dropped.map((d) => [d.line, d.reason])).toEqual([
      [1, 'form prompt'],
      [3, 'title'],
      [7, 'byline'],
      [15, 'navigation'],
      [21, 'navigation'],
      [23, 'navigation (after "Up Next:")'],
      [25, 'navigation'],
    ]);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual([
      ['question', 'Jeff Kim', 'How did you cross?'],
      ['answer', 'Seongmin Lee', ANSWER],
      ['question', 'Jeff Kim', 'Were you afraid?'],
      ['answer', 'Seongmin Lee', 'Yes.'],
    ]);
    expect(result.unplaced).toEqual([]);
  });

  it('drops a known title and subtitle repeated anywhere', () => {
    const text = 'Crossing the River\n\nJK: How did you cross?\n\nCrossing the River\n\nSL: On foot.\n\nA night walk\n\nJK: Why?';
    const result = parseDocumentText(text, { ...HINTS, title: 'Crossing the River', subtitle: 'A night walk' });
    expect(result.dropped.map((d) => [d.line, d.reason])).toEqual([
      [1, 'repeated title'],
      [5, 'repeated title'],
      [9, 'repeated subtitle'],
    ]);
    expect(result.passages.map((p) => p.text)).toEqual(['How did you cross?', 'On foot.', 'Why?']);
  });

  it.each([
    ['Subscribe to our newsletter', 'form prompt'],
    ['Sign up for our weekly digest', 'form prompt'],
    ['By Jeff Kim', 'byline'],
    ['4 min read', 'reading time'],
    ['Features | Politics | East Asia', 'section line'],
    ['Home > World > Asia', 'section line'],
    ['Recent Features', 'navigation'],
    ['Read more', 'navigation'],
    ['March 3, 2019', 'date line'],
  ])('drops %j before the first turn as %s', (line, reason) => {
    const result = parseDocumentText(`${line}\n\nJK: Where?\n\nSL: Hyesan.`, { ...HINTS, title: 'Known' });
    expect(result.dropped).toEqual([{ text: line, line: 1, reason }]);
    expect(result.passages).toHaveLength(2);
  });

  it('leaves an unlabelled paragraph before the first turn unplaced, with the reason', () => {
    const intro =
      'This interview was edited for length. It took place over two long evenings in a café in Seoul, and the conversation covered much more than appears here.';
    const result = parseDocumentText(`Crossing\n\n${intro}\n\nJK: Where?\n\nSL: Hyesan.`, HINTS);
    expect(result.unplaced).toEqual([{ text: intro, line: 3, reason: 'unlabelled paragraph before the first turn' }]);
    expect(result.passages.map((p) => p.text)).toEqual(['Where?', 'Hyesan.']);
  });

  it('sends further captions to notes, keeping the first', () => {
    const text =
      'Crossing\n\nThe river in winter. (AP Photo/Lee Jin-man)\n\nJK: Where?\n\nSL: Hyesan.\n\nThe border fence at night. (Reuters)\n\nJK: When?\n\nSL: 2009.';
    const result = parseDocumentText(text, HINTS);
    expect(result.caption).toBe('The river in winter. (AP Photo/Lee Jin-man)');
    expect(result.passages.map((p) => p.text)).toEqual(['Where?', 'Hyesan.', 'When?', '2009.']);
    expect(result.notes.some((n) => n.includes('further photo caption at line 9') && n.includes('The border fence at night.'))).toBe(true);
  });

  it('sees through Markdown emphasis, headings and separators', () => {
    const text =
      '# Crossing\n\n*By Jane Doe*\n\n### Recent Features\n\nWe left in the winter, when the river was frozen hard enough to walk on.\n\n* * *\n\nWe never went back.\n\n**Up Next:**\n\nAnother story';
    const result = parseDocumentText(text);
    expect(result.meta.title).toBe('Crossing');
    expect(result.passages.map((p) => [p.speaker, p.text])).toEqual([
      ['Jane Doe', 'We left in the winter, when the river was frozen hard enough to walk on.'],
      ['Jane Doe', 'We never went back.'],
    ]);
    expect(result.dropped.map((d) => d.reason)).toEqual(['title', 'byline', 'navigation', 'separator', 'navigation', 'navigation (after "**Up Next:**")']);
  });

  it('does not cut an "Up Next" line when the speakers talk again after it', () => {
    const text = 'JK: What is up next for you?\n\nSL: School.\n\nUp Next:\n\nJK: And after that?\n\nSL: Work.';
    const result = parseDocumentText(text, HINTS);
    expect(result.passages.map((p) => p.text)).toEqual(['What is up next for you?', 'School.', 'And after that?', 'Work.']);
    expect(result.dropped).toEqual([{ text: 'Up Next:', line: 5, reason: 'navigation' }]);
  });
});
