// WebVTT and SRT transcripts through the real parser: files written by a subtitle library (subtitle's
// stringify) and by hand, checked against W3C's WebVTT parser where they are WebVTT.
import { stringifySync, type NodeList } from 'subtitle';
import { WebVTTParser } from 'webvtt-parser';
import { describe, expect, it } from 'vitest';
import { parseCaptions } from '@/lib/import/formats/captions';
import { importErrorOf } from '@/tests/unit/import/helpers';

type Cue = [startMs: number, endMs: number, text: string];
const cues = (list: Cue[]): NodeList => list.map(([start, end, text]) => ({ type: 'cue', data: { start, end, text } }));
/** Caption files as the subtitle library writes them: SRT, and WebVTT with a header line. */
const srtFile = (list: Cue[]) => stringifySync(cues(list), { format: 'SRT' });
const vttFile = (header: string, list: Cue[]) => stringifySync([{ type: 'header', data: header }, ...cues(list)], { format: 'WebVTT' });

/** A valid WebVTT file by W3C's parser, or the test fails with its errors. */
function checkedVtt(text: string): string {
  const { errors } = new WebVTTParser().parse(text, 'metadata');
  expect(errors).toEqual([]);
  return text;
}

const turns = (raw: string, format: 'vtt' | 'srt', options = {}) =>
  parseCaptions(raw, format, options).passages.map((p) => [p.speaker, p.kind, p.text, p.startMs, p.endMs]);

describe('SRT with NAME: labels (issue 12)', () => {
  const srt = srtFile([
    [1000, 4000, 'JEFF KIM: Where were you born,\nand when?'],
    [5000, 7500, 'SEONGMIN LEE: In Hoeryong, in 1990.'],
    [7600, 9000, '<i>It was a cold town.</i>'],
    [10_000, 12_000, 'JEFF KIM: Why did you leave?'],
    [12_500, 15_000, 'SEONGMIN LEE: Hunger.'],
    [3_600_000, 3_601_000, 'SEONGMIN LEE: And fear.'],
  ]);

  it('gives one passage per turn with its first start and last end, and no cue number or timing in any text', () => {
    expect(srt).toMatch(/^1\n00:00:01,000 --> 00:00:04,000\n/);
    expect(turns(srt, 'srt')).toEqual([
      ['Jeff Kim', 'question', 'Where were you born, and when?', 1000, 4000],
      ['Seongmin Lee', 'answer', 'In Hoeryong, in 1990. It was a cold town.', 5000, 9000],
      ['Jeff Kim', 'question', 'Why did you leave?', 10_000, 12_000],
      ['Seongmin Lee', 'answer', 'Hunger. And fear.', 12_500, 3_601_000],
    ]);
    const result = parseCaptions(srt, 'srt', {});
    for (const p of result.passages) expect(p.text).not.toMatch(/-->|\d\d:\d\d:\d\d|^\d+\s|<\/?i>/);
    expect(result.unplaced).toEqual([]);
    expect(result.dropped).toEqual([]);
    expect(result.problems).toEqual([]);
    expect(result.passages.map((p) => p.answers)).toEqual([null, 0, null, 2]);
  });

  it('ties short labels to the speakers given, with their roles', () => {
    const labelled = srtFile([
      [0, 2000, 'Q: Where did you grow up?'],
      [2000, 5000, 'A: In Hyesan.'],
    ]);
    const result = parseCaptions(labelled, 'srt', {
      speakers: [
        { name: 'Jeff Kim', role: 'interviewer' },
        { name: 'Seongmin Lee', role: 'interviewee' },
      ],
    });
    expect(result.passages.map((p) => [p.speaker, p.kind])).toEqual([
      ['Jeff Kim', 'question'],
      ['Seongmin Lee', 'answer'],
    ]);
    expect(result.speakers.map((s) => [s.name, s.role, s.labels])).toEqual([
      ['Jeff Kim', 'interviewer', ['Q']],
      ['Seongmin Lee', 'interviewee', ['A']],
    ]);
  });
});

describe('WebVTT with voice tags', () => {
  const vtt = vttFile('WEBVTT - Leaving Hoeryong', [
    [0, 2500, '<v Jeff Kim>Where were you born?'],
    [3000, 5000, '<v Seongmin Lee>In Hoeryong.'],
    [5000, 8000, '<v Seongmin Lee>Near the river, in 1990.'],
    [8000, 9000, 'It was cold.'],
    [9500, 11_000, '<v.loud Jeff Kim>And then?</v>'],
  ]);

  it('is valid WebVTT, read as turns of its voices, consecutive cues of one voice merged', () => {
    checkedVtt(vtt);
    const result = parseCaptions(vtt, 'vtt', {});
    expect(result.meta.title).toBe('Leaving Hoeryong');
    expect(turns(vtt, 'vtt')).toEqual([
      ['Jeff Kim', 'question', 'Where were you born?', 0, 2500],
      ['Seongmin Lee', 'answer', 'In Hoeryong. Near the river, in 1990. It was cold.', 3000, 9000],
      ['Jeff Kim', 'question', 'And then?', 9500, 11_000],
    ]);
    expect(result.problems).toEqual([]);
  });

  it('takes a voice used once as its speaker (markup, never prose), and a one-word voice as the name with a note', () => {
    const raw = checkedVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v Maria Lopez>Welcome, everyone?\n\n00:02.000 --> 00:04.000\n<v Fred>Thanks.\n');
    const result = parseCaptions(raw, 'vtt', { title: 'A talk' });
    expect(result.passages.map((p) => p.speaker)).toEqual(['Maria Lopez', 'Fred']);
    expect(result.notes.join('\n')).toMatch(/speaker "Fred" named after the WebVTT voice tag/);
    expect(result.problems).toEqual([]);
  });

  it('ties a voice to a speaker given with that label', () => {
    const raw = checkedVtt('WEBVTT\n\n00:01.000 --> 00:02.000\n<v JK>Why?\n\n00:02.000 --> 00:04.000\n<v SL>Because.\n');
    const result = parseCaptions(raw, 'vtt', {
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'] },
        { name: 'Seongmin Lee', labels: ['SL'] },
      ],
    });
    expect(result.passages.map((p) => p.speaker)).toEqual(['Jeff Kim', 'Seongmin Lee']);
  });
});

describe('a WebVTT file written by hand', () => {
  const raw = checkedVtt(
    [
      '\uFEFFWEBVTT',
      '',
      'STYLE',
      '::cue(v[voice="Jeff Kim"]) { color: yellow }',
      '',
      'NOTE recorded in Seoul, 2019',
      'second line of the note',
      '',
      'intro',
      '00:00:01.000 --> 00:00:03.000 line:0 position:20%',
      '<v Jeff Kim><i>Where</i> did you <c.hi>grow</c> up?',
      '',
      '2',
      '00:00:03.500 --> 00:00:06.000',
      '<v Seongmin Lee>In Hyesan, <00:00:04.000>by the',
      'river &amp; the market.',
      '',
      '00:00:06.000 --> 00:00:08.000',
      '- <v Seongmin Lee>We sold rice.',
      '- <v Jeff Kim>Rice?',
    ].join('\n'),
  );

  it('keeps identifiers, settings, notes, styles and markup out of the text, and splits a cue shared by two voices', () => {
    const result = parseCaptions(raw, 'vtt', { title: 'Hyesan' });
    expect(turns(raw, 'vtt', { title: 'Hyesan' })).toEqual([
      ['Jeff Kim', 'question', 'Where did you grow up?', 1000, 3000],
      ['Seongmin Lee', 'answer', 'In Hyesan, by the river & the market. We sold rice.', 3500, 8000],
      ['Jeff Kim', 'question', 'Rice?', 6000, 8000],
    ]);
    expect(result.passages.map((p) => p.line)).toEqual([11, 15, 20]);
    expect(JSON.stringify(result)).not.toMatch(/intro|STYLE|NOTE|Seoul|color|line:0/);
  });
});

describe('cues run together without a blank line between them', () => {
  it('still keeps the cue numbers and timings out of the text', () => {
    const srt = '1\n00:00:01,000 --> 00:00:02,000\nJK: Where?\n2\n00:00:02,000 --> 00:00:04,000\nSL: Hyesan.\n3\n00:00:04,000 --> 00:00:05,000\nJK: When?';
    const options = {
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'] },
        { name: 'Seongmin Lee', labels: ['SL'] },
      ],
    };
    expect(turns(srt, 'srt', options)).toEqual([
      ['Jeff Kim', 'question', 'Where?', 1000, 2000],
      ['Seongmin Lee', 'answer', 'Hyesan.', 2000, 4000],
      ['Jeff Kim', 'question', 'When?', 4000, 5000],
    ]);
  });
});

describe('what cannot be given to a speaker is reported, never guessed', () => {
  it('leaves cue text before any speaker unplaced', () => {
    const srt = '1\n00:00:00,000 --> 00:00:02,000\n[music]\n\n2\n00:00:02,000 --> 00:00:04,000\nJK: Hello?\n\n3\n00:00:04,000 --> 00:00:06,000\nSL: Hi.\n';
    const result = parseCaptions(srt, 'srt', {
      speakers: [
        { name: 'Jeff Kim', labels: ['JK'] },
        { name: 'Seongmin Lee', labels: ['SL'] },
      ],
    });
    expect(result.unplaced).toEqual([{ text: '[music]', line: 3, reason: 'cue text before any speaker is named' }]);
    expect(result.passages.map((p) => p.text)).toEqual(['Hello?', 'Hi.']);
  });

  it('makes an unknown label a problem, its words and the cues after it nobody’s until resolved', () => {
    const srt = [
      '1\n00:00:00,000 --> 00:00:02,000\nJEFF KIM: Where?',
      '2\n00:00:02,000 --> 00:00:04,000\nSEONGMIN LEE: Hyesan.',
      '3\n00:00:04,000 --> 00:00:06,000\nJEFF KIM: When?',
      '4\n00:00:06,000 --> 00:00:08,000\nSEONGMIN LEE: 1998.',
      '5\n00:00:08,000 --> 00:00:10,000\nXY: I was there too.',
      '6\n00:00:10,000 --> 00:00:12,000\nIn the market.',
    ].join('\n\n');
    const result = parseCaptions(srt, 'srt', {});
    expect(result.problems.map((p) => [p.line, p.label, p.text])).toEqual([[19, 'XY', 'I was there too. In the market.']]);
    expect(result.unplaced.map((u) => u.text)).toEqual(['XY: I was there too. In the market.']);
    expect(result.passages.map((p) => p.text)).not.toContain('In the market.');

    const mapped = parseCaptions(srt, 'srt', { speakers: [{ name: 'Xu Yang', labels: ['XY'] }] });
    expect(mapped.problems).toEqual([]);
    expect(mapped.passages.at(-1)).toMatchObject({ speaker: 'Xu Yang', text: 'I was there too. In the market.', startMs: 8000, endMs: 12_000 });

    const asText = parseCaptions(srt, 'srt', { textLabels: ['XY'] });
    expect(asText.problems).toEqual([]);
    expect(asText.passages.at(-1)).toMatchObject({ speaker: 'Seongmin Lee', text: '1998. XY: I was there too. In the market.', endMs: 12_000 });
  });

  it('leaves a dialogue dash with no name unplaced, with what follows it', () => {
    const srt =
      '1\n00:00:00,000 --> 00:00:02,000\n- JK: Ready?\n- Yes.\n\n2\n00:00:02,000 --> 00:00:04,000\nLet us start.\n\n3\n00:00:04,000 --> 00:00:06,000\nJK: Where?\n';
    const result = parseCaptions(srt, 'srt', { speakers: [{ name: 'Jeff Kim', labels: ['JK'] }] });
    expect(result.passages.map((p) => p.text)).toEqual(['Ready?', 'Where?']);
    expect(result.unplaced).toEqual([
      { text: 'Yes. Let us start.', line: 4, reason: expect.stringMatching(/change of speaker \(dialogue dash at line 4\) with no name/) },
    ]);
  });
});

describe('malformed captions are refused with a clear message', () => {
  it.each<[string, string, 'vtt' | 'srt', RegExp]>([
    ['an empty file', '', 'srt', /^the text is empty/],
    ['binary junk', '\u0000\u0001PK\u0003\u0004'.repeat(20), 'srt', /looks binary/],
    ['a WebVTT file without its signature', '00:01.000 --> 00:02.000\n<v A>Hi', 'vtt', /first line must be "WEBVTT"/],
    ['a WebVTT file with no cues', 'WEBVTT\n\nNOTE nothing here\n', 'vtt', /has no cues/],
    ['text that is no captions', 'Jeff Kim: Hello.\n\nSeongmin Lee: Hi.', 'srt', /line 1 of the SRT file: "Jeff Kim: Hello\." is outside any cue/],
    ['a broken timing', '1\n00:00:01,000 -> 00:00:02,000\nJK: Hi', 'srt', /line 1 of the SRT file/],
    ['an unreadable time', '1\n00:00:01,000 --> 00:0x:02,000\nJK: Hi', 'srt', /line 2: the timing "00:00:01,000 --> 00:0x:02,000" cannot be read/],
    [
      'a cue ending before it starts',
      '1\n00:00:05,000 --> 00:00:02,000\nJK: Hi',
      'srt',
      /line 2: the cue ends \(0:00:02\.000\) before it starts \(0:00:05\.000\)/,
    ],
    ['a cue of no length', '1\n00:00:05,000 --> 00:00:05,000\nJK: Hi', 'srt', /lasts no time/],
    [
      'times going backwards',
      '1\n00:00:05,000 --> 00:00:06,000\nJK: Hi\n\n2\n00:00:01,000 --> 00:00:02,000\nSL: Hello',
      'srt',
      /line 6: the times go backwards/,
    ],
    ['cues that name no speaker', '1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:02,000 --> 00:00:03,000\nHi.', 'srt', /no cue names its speaker/],
  ])('%s', (_case, raw, format, message) => {
    expect(importErrorOf(() => parseCaptions(raw, format, {})).message).toMatch(message);
  });

  it('refuses to read captions as an essay', () => {
    expect(importErrorOf(() => parseCaptions('1\n00:00:01,000 --> 00:00:02,000\nJK: Hi', 'srt', { kind: 'essay' })).message).toMatch(/not as an essay/);
  });
});

describe('captions that once lost or misplaced words', () => {
  it('reads a first cue written right under WEBVTT, without the blank line', () => {
    const result = parseCaptions(
      'WEBVTT\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>The first words.\n\n00:00:03.000 --> 00:00:04.000\n<v Bo Kim>The second.',
      'vtt',
      {},
    );
    expect(result.passages.map((p) => [p.speaker, p.text, p.startMs])).toEqual([
      ['Ann Lee', 'The first words.', 1000],
      ['Bo Kim', 'The second.', 3000],
    ]);
  });

  it('gives each voice of a line its own words', () => {
    const result = parseCaptions('WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Did you stay?</v> <v Bo Kim>Never.</v>', 'vtt', {});
    expect(result.passages.map((p) => [p.speaker, p.text])).toEqual([
      ['Ann Lee', 'Did you stay?'],
      ['Bo Kim', 'Never.'],
    ]);
  });

  it('keeps words in angle brackets that are no formatting tag', () => {
    const result = parseCaptions('1\n00:00:01,000 --> 00:00:02,000\nANN LEE: It was <laughs> a long time, <i>years</i>.\n', 'srt', {
      speakers: [{ name: 'Ann Lee', labels: ['ANN LEE'] }],
    });
    expect(result.passages.map((p) => p.text)).toEqual(['It was <laughs> a long time, years.']);
  });

  it('refuses words where an SRT cue’s number belongs, instead of dropping them as its number', () => {
    expect(() => parseCaptions('ANN LEE: Hello there.\n00:00:01,000 --> 00:00:02,000\nBO KIM: Hi.\n', 'srt', {})).toThrow(/where the cue's number belongs/);
  });
});

describe('dialogue dashes without names', () => {
  it('credits neither dash line of a cue to the turn before: who says each is unknown, and reported', () => {
    const result = parseCaptions(
      'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ann Lee>Were you afraid?\n\n00:00:03.000 --> 00:00:04.000\n- Yes.\n- No, never.',
      'vtt',
      {},
    );
    expect(result.passages.map((p) => [p.speaker, p.text])).toEqual([['Ann Lee', 'Were you afraid?']]);
    expect(result.unplaced.map((u) => u.text).join(' ')).toContain('Yes.');
    expect(result.unplaced.map((u) => u.text).join(' ')).toContain('No, never.');
  });
});
