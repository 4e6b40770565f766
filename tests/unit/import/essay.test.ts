import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '@/lib/import';

const BODY = [
  'I left my village in the winter of 2009, when the river was frozen hard enough to walk on.',
  'My mother stayed behind. She said someone had to keep the house, and that she was too old to run.',
  'Years later I learned that she had been right about the house and wrong about herself.',
];

describe('essays', () => {
  it('makes one paragraph passage per body paragraph, by the author given', () => {
    const text = `Crossing the River\n\n${BODY.join('\n\n')}`;
    const result = parseDocumentText(text, { speakers: [{ name: 'Seongmin Lee', role: 'author' }] });
    expect(result.kind).toBe('essay');
    expect(result.meta.title).toBe('Crossing the River');
    expect(result.passages).toEqual(BODY.map((p, i) => ({ kind: 'paragraph', speaker: 'Seongmin Lee', text: p, answers: null, line: 3 + 2 * i })));
    expect(result.dropped).toEqual([{ text: 'Crossing the River', line: 1, reason: 'title' }]);
    expect(result.speakers).toEqual([{ name: 'Seongmin Lee', labels: [], role: 'author', bio: null }]);
  });

  it('takes the single speaker given as the author', () => {
    const result = parseDocumentText(BODY.join('\n\n'), { speakers: [{ name: 'Seongmin Lee' }] });
    expect(result.passages.map((p) => p.speaker)).toEqual(['Seongmin Lee', 'Seongmin Lee', 'Seongmin Lee']);
    expect(result.speakers[0]!.role).toBe('author');
  });

  it('leaves the speaker null and says so when no author is known', () => {
    const result = parseDocumentText(`Crossing the River\n\n${BODY.join('\n\n')}`);
    expect(result.passages.map((p) => p.speaker)).toEqual([null, null, null]);
    expect(result.speakers).toEqual([]);
    expect(result.notes).toContain('no author known: the passages have no speaker (give an author in speakers or front matter)');
  });

  it('takes the author from a byline and notes it', () => {
    const result = parseDocumentText(`Crossing the River\n\nBy Seongmin Lee\n\n${BODY.join('\n\n')}`);
    expect(result.passages.map((p) => p.speaker)).toEqual(['Seongmin Lee', 'Seongmin Lee', 'Seongmin Lee']);
    expect(result.dropped.map((d) => d.reason)).toEqual(['title', 'byline']);
    expect(result.notes).toContain('author "Seongmin Lee" taken from the byline');
  });

  it('keeps a short first paragraph in the body when no header follows it', () => {
    const result = parseDocumentText('Crossing the River\n\nIt was cold.\n\nWe walked all night.\n\nBy dawn we were across.');
    expect(result.passages.map((p) => p.text)).toEqual(['It was cold.', 'We walked all night.', 'By dawn we were across.']);
    expect(result.meta.subtitle).toBeUndefined();
  });

  it('reads a subtitle sandwiched in the header, and a caption, before the body', () => {
    const text = [
      'Crossing the River',
      'Recent Features',
      'Features | Essays | Asia',
      'Crossing the River',
      'What the frozen Yalu taught me about leaving.',
      'Crossing the River',
      'The Yalu River near Hyesan in winter. (Reuters)',
      ...BODY,
    ].join('\n\n');
    const result = parseDocumentText(text);
    expect(result.meta.title).toBe('Crossing the River');
    expect(result.meta.subtitle).toBe('What the frozen Yalu taught me about leaving.');
    expect(result.caption).toBe('The Yalu River near Hyesan in winter. (Reuters)');
    expect(result.passages.map((p) => p.text)).toEqual(BODY);
    expect(result.dropped.map((d) => d.reason)).toEqual(['title', 'navigation', 'section line', 'repeated title', 'repeated title']);
    expect(result.unplaced).toEqual([]);
  });

  it('joins hard-wrapped lines into one paragraph and notes it', () => {
    const text = [
      'Crossing the River',
      '',
      'I left my village in the winter of 2009, when the river was',
      'frozen hard enough to walk on, and my mother stayed behind in',
      'the house where I was born.',
      '',
      'Short lines.',
      'Each its own.',
    ].join('\n');
    const result = parseDocumentText(text);
    expect(result.passages.map((p) => [p.line, p.text])).toEqual([
      [
        3,
        'I left my village in the winter of 2009, when the river was frozen hard enough to walk on, and my mother stayed behind in the house where I was born.',
      ],
      [7, 'Short lines.'],
      [8, 'Each its own.'],
    ]);
    expect(result.notes).toContain('hard-wrapped lines were joined into paragraphs (starting at line 3)');
  });

  it('gives a closing bio to the author, not to the passages', () => {
    const text = `${BODY.join('\n\n')}\n\nSeongmin Lee is a North Korean defector who studies economics.`;
    const result = parseDocumentText(text, { kind: 'essay', speakers: [{ name: 'Seongmin Lee', role: 'author' }] });
    expect(result.passages).toHaveLength(3);
    expect(result.speakers[0]!.bio).toBe('Seongmin Lee is a North Korean defector who studies economics.');
  });

  it('keeps a final "X is …" paragraph about someone else as content', () => {
    const text = `${BODY.join('\n\n')}\n\nKim Jong-un is a dictator who fears his own people.`;
    const result = parseDocumentText(text, { speakers: [{ name: 'Seongmin Lee', role: 'author' }] });
    expect(result.passages).toHaveLength(4);
    expect(result.passages[3]!.text).toBe('Kim Jong-un is a dictator who fears his own people.');
    expect(result.speakers[0]!.bio).toBeNull();
  });
});
