import { describe, expect, it } from 'vitest';
import { parseDocumentText, type ImportOptions, type ImportResult } from '@/lib/import';
import { allowedNormalisation, ESSAY_FILE, INTERVIEW_FILE, readSeed } from '@/tests/unit/import/helpers';
import { INTERVIEW_TURNS } from '@/tests/support/seed-expectations';

const INTERVIEW_TITLE = 'Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea';
const INTERVIEW_OPTIONS: ImportOptions = {
  title: INTERVIEW_TITLE,
  speakers: [
    { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer' },
    { name: 'Seongmin Lee', labels: ['SL'], role: 'interviewee' },
  ],
};
const ESSAY_TITLE = 'How to Really Bring Change to North Korea, My Home Country';
const ESSAY_SUBTITLE = 'Sanctions don’t scare Kim Jong-un. The thought of his own people, educated and awakened, does.';
const ESSAY_OPTIONS: ImportOptions = {
  kind: 'essay',
  title: ESSAY_TITLE,
  subtitle: ESSAY_SUBTITLE,
  speakers: [{ name: 'Seongmin Lee', role: 'author' }],
};

const PULL_QUOTE_START = 'North Koreans are some of the most hard-working, capable people in the world. If they’re given the means, North Koreans';

function expectInterviewShape(result: ImportResult): void {
  expect(result.kind).toBe('interview');
  expect(result.passages.map((p) => [p.kind, p.speaker])).toEqual(INTERVIEW_TURNS);
  expect(result.passages.map((p) => p.answers)).toEqual([null, 0, null, 2, null, 4]);
  expect(result.passages.map((p) => p.line)).toEqual([10, 12, 18, 20, 22, 24]);

  const firstAnswer = result.passages[1]!.text.split('\n\n');
  expect(firstAnswer).toHaveLength(2);
  expect(firstAnswer[0]).toMatch(/^I think there are a lot of questions/);
  expect(firstAnswer[0]).toContain('"treasured sword of justice” necessary');
  expect(firstAnswer[1]).toMatch(/^Should we then disengage/);
  expect(firstAnswer[1]).toMatch(/respects human dignity\.$/);

  expect(result.passages[0]!.text).toBe(
    'Not long ago, we had the Trump-Kim summit, with talks about denuclearization and creating a relationship with North Korea. Do you think we can trust North Korea?',
  );
  expect(result.passages[2]!.text).toBe('Human rights were not on the table during the summit. Do you think that was a mistake?');
  expect(result.passages[5]!.text).toMatch(/^The most important thing for people who are interested in North Korea/);
  expect(result.passages[5]!.text).toMatch(/speak for freedom\.$/);

  const pullQuote = result.dropped.find((d) => d.text.startsWith(PULL_QUOTE_START));
  expect(pullQuote).toEqual({ text: expect.any(String), line: 16, reason: 'pull quote repeating passage 2' });
  expect(result.passages.some((p) => p.text.includes('If they’re given the means, North Koreans would certainly'))).toBe(false);

  expect(result.caption).toBe('Seongmin Lee with President and Mrs. Bush at Spirit of Liberty in New York City, October 2017.');
  expect(result.meta.summary).toBe(
    'North Korean escapee Seongmin Lee shares his thoughts on US relations with North Korea and the need to prioritize human rights.',
  );
  expect(result.meta.title).toBe(INTERVIEW_TITLE);
  expect(result.speakers).toEqual([
    { name: 'Jeff Kim', labels: ['JK'], role: 'interviewer', bio: 'Jeff Kim is a Bush Institute Human Freedom Initiative consultant.' },
    { name: 'Seongmin Lee', labels: ['SL'], role: 'interviewee', bio: null },
  ]);

  const droppedText = result.dropped.map((d) => d.text);
  expect(droppedText).toEqual(expect.arrayContaining(['Up Next:', 'Which First Lady Are You? on August 27, 2018', 'Related Articles:']));
  expect(result.dropped.find((d) => d.text.startsWith('Fill out the brief form'))?.reason).toBe('form prompt');
  expect(result.dropped.find((d) => d.text.startsWith('Article by Jeff Kim'))).toEqual({
    text: 'Article by Jeff Kim August 28, 2018 // 4 minute read',
    line: 7,
    reason: 'byline',
  });
  expect(result.unplaced).toEqual([]);
  expect(result.problems).toEqual([]);
  const everything = JSON.stringify(result.passages);
  for (const chrome of ['Up Next', 'Related Articles', 'First Lady', 'Fill out', 'Bush Institute', 'Spirit of Liberty']) {
    expect(everything).not.toContain(chrome);
  }
}

describe('seed interview (000)', () => {
  const raw = readSeed(INTERVIEW_FILE);

  it('reads with the known title and speakers', () => {
    const result = parseDocumentText(raw, INTERVIEW_OPTIONS);
    expectInterviewShape(result);
    expect(result.dropped.filter((d) => d.text === INTERVIEW_TITLE).map((d) => d.reason)).toEqual(['repeated title']);
  });

  it('reads with no options at all, tying JK and SL through the byline and the title', () => {
    const result = parseDocumentText(raw);
    expectInterviewShape(result);
    expect(result.notes).toEqual(
      expect.arrayContaining([
        'label "JK" tied to "Jeff Kim" (initials, byline)',
        'label "SL" tied to "Seongmin Lee" (initials, title)',
        '"Jeff Kim" taken as the interviewer: 3 of 3 turns end with "?"',
      ]),
    );
    expect(result.meta.date).toBe('2018-08-28');
  });

  it('reads the same with the forced kind the seed script passes', () => {
    expectInterviewShape(parseDocumentText(raw, { ...INTERVIEW_OPTIONS, kind: 'interview', subtitle: undefined }));
  });

  it('reads the same from CRLF line endings', () => {
    expectInterviewShape(parseDocumentText(raw.replace(/\n/g, '\r\n'), INTERVIEW_OPTIONS));
  });
});

describe('seed essay (003)', () => {
  const raw = readSeed(ESSAY_FILE);
  const result = parseDocumentText(raw, ESSAY_OPTIONS);

  it('makes twelve paragraphs by Seongmin Lee', () => {
    expect(result.kind).toBe('essay');
    expect(result.passages).toHaveLength(12);
    for (const p of result.passages) {
      expect(p).toMatchObject({ kind: 'paragraph', speaker: 'Seongmin Lee', answers: null });
    }
    expect(result.passages[0]!.text).toMatch(/^Ever since I left North Korea in December 2009/);
    expect(result.passages[0]!.line).toBe(16);
    expect(result.passages[11]!.text).toMatch(/^Resolving the North Korean issue/);
  });

  it('puts the caption, the bio and the chrome in their places', () => {
    expect(result.caption).toBe(
      'North Korean leader Kim Jong-un is hugged by children during his visit to Samjiyon County in this undated photo released by North Korea’s Korean Central News Agency (KCNA).',
    );
    expect(result.speakers).toHaveLength(1);
    expect(result.speakers[0]).toMatchObject({ name: 'Seongmin Lee', role: 'author', labels: [] });
    expect(result.speakers[0]!.bio).toMatch(/^Seongmin Lee is a North Korean defector who escaped from his home country in December 2009/);
    expect(result.speakers[0]!.bio).toMatch(/majoring in economics and political science\.$/);
    expect(result.dropped.map((d) => [d.line, d.reason])).toEqual([
      [1, 'repeated title'],
      [3, 'navigation'],
      [5, 'section line'],
      [7, 'repeated title'],
      [9, 'repeated subtitle'],
      [11, 'repeated title'],
    ]);
    expect(result.dropped.find((d) => d.line === 3)?.text).toBe('Recent Features');
    expect(result.unplaced).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.meta).toMatchObject({ title: ESSAY_TITLE, subtitle: ESSAY_SUBTITLE });
  });

  it('keeps every word of the body', () => {
    const rawParagraphs = raw
      .split(/\n\s*\n/)
      .map(allowedNormalisation)
      .filter(Boolean);
    const first = rawParagraphs.findIndex((p) => p.startsWith('Ever since I left'));
    const body = rawParagraphs.slice(first, first + 12);
    expect(body[11]).toMatch(/^Resolving/);
    expect(result.passages.map((p) => p.text)).toEqual(body);
    expect(result.passages.map((p) => p.text).join('\n\n')).toBe(body.join('\n\n'));
    expect(result.passages[5]!.text).toContain('I was 12 to make a few illegal bucks');
    expect(result.passages[5]!.text).toContain('“state smuggling.”');
  });

  it('without options still finds the body, the title and the subtitle', () => {
    const bare = parseDocumentText(raw);
    expect(bare.kind).toBe('essay');
    expect(bare.meta.title).toBe(ESSAY_TITLE);
    expect(bare.meta.subtitle).toBe(ESSAY_SUBTITLE);
    expect(bare.passages[0]!.text).toMatch(/^Ever since I left/);
    expect(bare.passages.every((p) => p.speaker === null)).toBe(true);
    expect(bare.notes.some((n) => n.startsWith('no author known'))).toBe(true);
    expect(bare.unplaced).toEqual([]);
    expect(bare.problems).toEqual([]);
  });
});
