// OHMS XML import (issue 12) on the synthetic OHMS 5.4 fixture and its broken variants: the record's
// metadata, speakers with their roles, passages per turn with times estimated from <sync>, index
// points as sections; every unreadable file refused with a clear message.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ohmsFormat, parseOhms } from '@/lib/import/formats/ohms';
import { importErrorOf } from '@/tests/unit/import/helpers';
import { assertWellFormed, requireXmllint } from '@/tests/support/xmllint';

const fixture = (name: string) => readFileSync(path.resolve('tests/fixtures/ohms', name), 'utf8');
const SAMPLE = fixture('ohms-5.4-sync.xml');

/**
 * The fixture's sync "1:|4(10)|10(2)||14(5)" as word positions, counted by hand from its transcript
 * (14, 0, 13, 13, 5, 0, 8, 0, 11, 8, 0, 8, 0, 8 words on lines 1–14): minute 1 at word 36 (line 4,
 * word 10), minute 2 at word 65 (line 10, word 2), minute 3 unmarked, minute 4 at word 84 (line 14,
 * word 5). Each passage starts at the first word of its first line, placed linearly between them.
 */
const between = (word: number, [w0, t0]: number[], [w1, t1]: number[]) => Math.floor(t0! + ((word - w0!) / (w1! - w0!)) * (t1! - t0!));
const START = [0, 0];
const MINUTE_1 = [36, 60_000];
const MINUTE_2 = [65, 120_000];
const MINUTE_4 = [84, 240_000];

describe('an OHMS 5.4 record with sync data and index points', () => {
  const result = parseOhms(SAMPLE);

  it('is a file a real XML parser reads', () => {
    requireXmllint();
    assertWellFormed(SAMPLE);
  });

  it("takes the record's metadata: title, date at its precision, repository, summary, language tag", () => {
    expect(result.kind).toBe('interview');
    expect(result.meta).toEqual({
      title: 'Interview with Ben Sayer (synthetic sample)',
      date: '1998-06',
      publisher: 'Example Oral History Center',
      summary: "Farm & city life, told for the importer's tests.",
      language: 'en',
    });
    expect(result.recordingUrl).toBe('https://media.example.org/oh/sayer.mp3');
  });

  it('credits each turn to the interviewee or interviewer the record names, by the surname labels', () => {
    expect(result.speakers.map((s) => [s.name, s.role, s.labels])).toEqual([
      ['Ben Sayer', 'interviewee', ['SAYER']],
      ['Ann Asker', 'interviewer', ['ASKER']],
    ]);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.line])).toEqual([
      ['question', 'Ann Asker', 1],
      ['answer', 'Ben Sayer', 3],
      ['question', 'Ann Asker', 7],
      ['answer', 'Ben Sayer', 9],
      ['question', 'Ann Asker', 12],
      ['answer', 'Ben Sayer', 14],
    ]);
    expect(result.passages[1]!.text).toBe(
      'I grew up on a small farm near the river, where my family kept goats and an orchard of pear trees. We moved to the city when I was twelve.',
    );
    expect(result.problems).toEqual([]);
    expect(result.unplaced).toEqual([]);
  });

  it('times each passage between the minute markers around its first word, the last one ending at the duration', () => {
    const starts = [
      0,
      between(14, START, MINUTE_1),
      between(45, MINUTE_1, MINUTE_2),
      between(53, MINUTE_1, MINUTE_2),
      between(72, MINUTE_2, MINUTE_4),
      between(80, MINUTE_2, MINUTE_4),
    ];
    expect(starts).toEqual([0, 23_333, 78_620, 95_172, 164_210, 214_736]);
    expect(result.passages.map((p) => p.startMs)).toEqual(starts);
    expect(result.passages.map((p) => p.endMs)).toEqual([...starts.slice(1), 270_000]);
    expect(result.notes).toContain("passage times are estimated from OHMS's minute markers (within a few seconds as a rule): check them against the recording");
  });

  it('keeps the index points as sections: by their words where found in one passage, else by their time', () => {
    expect(result.sections).toEqual([
      {
        title: 'Growing up on the farm',
        synopsis: 'He describes the farm by the river & its pear orchard.',
        keywords: ['Farms', 'Childhood', 'Agriculture'],
        passage: 0,
      },
      { title: 'Moving to the city', synopsis: null, keywords: ['Cities', 'Noise'], passage: 2 },
      // No words given: 2:50 falls in the fifth passage (2:44 to 3:34).
      { title: 'Summers', synopsis: 'Summers back on the farm.', keywords: [], passage: 4 },
    ]);
  });
});

describe('an OHMS record without sync data', () => {
  const unsynced = SAMPLE.replace(/<sync>.*<\/sync>/, '<sync/>');

  it('gives the passages no times, places index points by their words, and reports the one it cannot place', () => {
    const result = parseOhms(unsynced);
    expect(result.passages.every((p) => p.startMs === undefined && p.endMs === undefined)).toBe(true);
    expect(result.sections!.map((s) => [s.title, s.passage])).toEqual([
      ['Growing up on the farm', 0],
      ['Moving to the city', 2],
    ]);
    expect(result.notes).toContain('the OHMS record has no sync data: the passages carry no recording times');
    expect(result.notes).toContain(
      'index point "Summers" (2:50) was left out of the table of contents: its words are not found in one passage, and the passages have no times to place it by',
    );
  });
});

describe('what the OHMS reader refuses, with a clear message', () => {
  it.each([
    ['malformed.xml', /^the file is not well-formed XML: Expected closing tag 'transcript' .*\(line 9, column 3\)$/],
    ['doctype-entities.xml', /^the XML declares a DTD \(<!DOCTYPE …>\), which OHMS files never have: refused/],
    ['not-ohms.xml', /^the XML is not an OHMS record: its root element is <TEI>/],
    ['sync-past-transcript.xml', /^the sync data points past the transcript: minute 4 is marked at line 40, but the transcript has 14 lines$/],
    ['no-transcript.xml', /^the OHMS record has no transcript: neither <transcript> nor <vtt_transcript> holds any text/],
  ])('%s', (name, message) => {
    expect(importErrorOf(() => parseOhms(fixture(name))).message).toMatch(message);
  });

  it.each([
    [
      'a marker past the end of its line',
      '1:|4(14)',
      /^the sync data points past the transcript: minute 1 is marked at word 14 of line 4, which has 13 words$/,
    ],
    ['markers going backwards', '1:|10(2)|4(10)', /^the sync data goes backwards: minute 2 is marked at line 4/],
    ['a marker it cannot read', '1:|4(10)|ten', /^the sync data is not understood at minute 2: "ten"/],
    ['no interval', '|4(10)|10(2)', /^the sync data does not start with its interval in minutes/],
  ])('sync data with %s', (_, sync, message) => {
    expect(importErrorOf(() => parseOhms(SAMPLE.replace(/<sync>.*<\/sync>/, `<sync>${sync}</sync>`))).message).toMatch(message);
  });

  it.each([
    ['an empty file', '', /^the file is empty/],
    ['text that is no XML at all', 'ASKER: Where did you grow up?\n\nSAYER: On a farm.', /^the file is not well-formed XML: .*\(line 1, column 1\)$/],
    ['a ROOT with no record', '<ROOT xmlns="https://www.weareavp.com/nunncenter/ohms"/>', /^the XML is not an OHMS record: <ROOT> holds no <record>$/],
    ['two records in one file', SAMPLE.replace('</ROOT>', '<record id="2"><title>Second</title></record></ROOT>'), /^the file holds 2 OHMS records/],
    [
      'an index point whose time is no time',
      SAMPLE.replace('<time>80</time>', '<time>soon</time>'),
      /^index point 2 has no time OHMS can mean: <time>soon<\/time>/,
    ],
  ])('%s', (_, raw, message) => {
    expect(importErrorOf(() => parseOhms(raw)).message).toMatch(message);
  });

  it('leaves out the address of a hosting service rather than a media file, and says so', () => {
    const result = parseOhms(SAMPLE.replace('<host>Other</host>', '<host>YouTube</host>'));
    expect(result.recordingUrl).toBeNull();
    expect(result.notes).toContain(
      'the recording is hosted on YouTube (https://media.example.org/oh/sayer.mp3): not attached, since the reader plays audio and video files; attach the file or its direct address',
    );
  });

  it('leaves out a media address that is not http(s), and says so', () => {
    const result = parseOhms(SAMPLE.replace('https://media.example.org/oh/sayer.mp3', 'javascript:alert(1)'));
    expect(result.recordingUrl).toBeNull();
    expect(result.notes).toContain('the media address "javascript:alert(1)" is not an http(s) web address: no recording was attached');
  });
});

describe('ohmsFormat, the importer registry entry', () => {
  const file = (name: string, text: string | Uint8Array) => ({ name, bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text });

  it('takes .xml files, and OHMS records under another name by their <ROOT>', () => {
    expect(ohmsFormat.accepts(file('sayer.xml', SAMPLE))).toBe(true);
    expect(ohmsFormat.accepts(file('export.ohms', SAMPLE))).toBe(true);
    expect(ohmsFormat.accepts(file('notes.txt', 'ASKER: Hello?'))).toBe(false);
  });

  it('reads the bytes as UTF-8 and refuses bytes that are not', () => {
    expect(ohmsFormat.parse(file('sayer.xml', SAMPLE), {})).toEqual(parseOhms(SAMPLE));
    const latin1 = Uint8Array.from([...new TextEncoder().encode(SAMPLE.slice(0, 200)), 0xe9, 0x3c]);
    expect(importErrorOf(() => ohmsFormat.parse(file('sayer.xml', latin1), {})).message).toMatch(/not UTF-8/);
  });
});

describe('an OHMS 6 record with a WebVTT transcript', () => {
  const VTT_SAMPLE = fixture('ohms-6-vtt.xml');
  const result = parseOhms(VTT_SAMPLE);

  it('is a file a real XML parser reads', () => {
    requireXmllint();
    assertWellFormed(VTT_SAMPLE);
  });

  it('merges the cues into turns by their voice tags, with the first cue’s start and the last cue’s end', () => {
    expect(result.meta).toEqual({
      title: 'Eli Boatwright on learning a trade (synthetic sample)',
      date: '2024-11-05',
      publisher: 'Example Maritime Archive',
      language: 'en',
    });
    expect(result.recordingUrl).toBe('http://media.example.org/oh/boatwright.m4a');
    expect(result.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Eli Boatwright', 'interviewee'],
      ['Ann Asker', 'interviewer'],
    ]);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text, p.startMs, p.endMs])).toEqual([
      ['question', 'Ann Asker', 'Thank you for talking with me. Where did you learn to build boats?', 2000, 7500],
      // OHMS's <br><br> between paragraphs of a cue keeps the words apart.
      ['answer', 'Eli Boatwright', 'From my uncle, in a shed behind the harbour. He never wrote anything down. I learned by watching his hands.', 7500, 21_250],
      ['question', 'Ann Asker', 'What was the first boat you finished?', 21_250, 26_000],
      // The last cue "ends" at 00:00:00.000, OHMS's open end: the passage ends with the stated duration.
      ['answer', 'Eli Boatwright', 'A rowing boat for two, painted green & white.', 26_000, 40_000],
    ]);
    expect(result.notes).toContain('the last cue has no end in the OHMS file (00:00:00.000): the last passage ends with the recording');
  });

  it('keeps the index points as sections, placed by their words or their time', () => {
    expect(result.sections).toEqual([
      { title: 'Learning the trade', synopsis: "An uncle's shed behind the harbour.", keywords: ['Boatbuilding', 'Apprenticeship'], passage: 0 },
      { title: 'The first boat', synopsis: null, keywords: [], passage: 2 },
    ]);
  });

  it('reads a WebVTT transcript OHMS wrote without its WEBVTT line, and leaves an open end open without a duration', () => {
    const bare = parseOhms(VTT_SAMPLE.replace('<![CDATA[WEBVTT\n\n', '<![CDATA[').replace('<duration>00:00:40</duration>', '<duration/>'));
    expect(bare.passages.map((p) => p.text)).toEqual(result.passages.map((p) => p.text));
    expect(bare.passages.at(-1)!.endMs).toBeNull();
    expect(bare.notes).toContain('the last cue has no end in the OHMS file (00:00:00.000): the last passage’s end is left open');
  });

  it("refuses a WebVTT transcript the captions reader cannot read, saying it is the OHMS file's", () => {
    const backwards = VTT_SAMPLE.replace('00:00:21.250 --> 00:00:26.000', '00:00:01.000 --> 00:00:26.000');
    expect(importErrorOf(() => parseOhms(backwards)).message).toMatch(/^in the OHMS <vtt_transcript>, line \d+: the times go backwards/);
  });
});

describe('OHMS footnotes, which are not passages', () => {
  it('in a 5.x transcript: kept in the text as written, and the editor told', () => {
    const withNote = SAMPLE.replace(
      'sold it.</transcript>',
      'sold it.[[footnote]]1[[/footnote]]\n\n[[footnotes]][[note]]The farm was sold in 1990.[[/note]][[/footnotes]]</transcript>',
    );
    const result = parseOhms(withNote);
    expect(result.passages.map((p) => p.text).join(' ')).toContain('The farm was sold in 1990.');
    expect(result.notes).toContain(
      'the transcript has OHMS footnotes ([[footnote]] marks and a [[footnotes]] block): they are kept in the text as written; move them by hand',
    );
  });

  it("in a 6 transcript's annotations: the editor told they were not imported", () => {
    const withNote = fixture('ohms-6-vtt.xml').replace(
      'NOTE\nTRANSCRIPTION END',
      'NOTE\nTRANSCRIPTION END\n\nNOTE\nANNOTATIONS BEGIN\n<annotation ref="1">The harbour was rebuilt later.</annotation>\nANNOTATIONS END',
    );
    expect(parseOhms(withNote).notes).toContain("the WebVTT transcript's 1 annotation(s) (OHMS footnotes) were not imported: add them by hand");
  });
});

describe('a DTD anywhere outside CDATA', () => {
  it('is refused even after a comment that looks like an element', () => {
    const hidden = SAMPLE.replace(
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- <a> -->\n<!DOCTYPE ROOT [<!ENTITY x "x">]>',
    );
    expect(importErrorOf(() => parseOhms(hidden)).message).toMatch(/^the XML declares a DTD/);
  });

  it('is only text inside CDATA, and does not stop the import', () => {
    const quoted = fixture('ohms-6-vtt.xml').replace('painted green &amp; white.', 'painted green, <!DOCTYPE> on the stern.');
    expect(parseOhms(quoted).passages.at(-1)!.text).toBe('A rowing boat for two, painted green, <!DOCTYPE> on the stern.');
  });
});

describe('OHMS transcripts as OHMS often writes them', () => {
  // Labels alone on their line; one marker, at line 6 word 2 (the 12th word of 20), at 1:00.
  const transcript = 'ASKER: \nThank you for coming.\n\nSAYER:\nMy pleasure. I grew up\non a farm.\n\nASKER: \nWhere?\n\n SAYER:\nBy the river.';
  const raw = SAMPLE.replace(/<transcript>[\s\S]*<\/transcript>/, `<transcript>${transcript}</transcript>`).replace(/<sync>.*<\/sync>/, '<sync>1:|6(2)</sync>');

  it('reads labels on a line of their own, and times passages after the last marker toward the stated duration', () => {
    const result = parseOhms(raw);
    expect(result.passages.map((p) => [p.speaker, p.text, p.line])).toEqual([
      ['Ann Asker', 'Thank you for coming.', 1],
      ['Ben Sayer', 'My pleasure. I grew up on a farm.', 4],
      ['Ann Asker', 'Where?', 8],
      ['Ben Sayer', 'By the river.', 11],
    ]);
    // Words 0, 5, 14 and 16; 12 is at 1:00 and the 20th (the end) at the duration, 4:30.
    const after = (word: number) => Math.floor(60_000 + ((word - 12) / (20 - 12)) * (270_000 - 60_000));
    expect(result.passages.map((p) => [p.startMs, p.endMs])).toEqual([
      [0, 25_000],
      [25_000, after(14)],
      [after(14), after(16)],
      [after(16), 270_000],
    ]);
  });

  it('keeps the last marker’s time after it when no duration is given', () => {
    const result = parseOhms(raw.replace('<duration>0:04:30</duration>', '<duration/>'));
    expect(result.passages.map((p) => [p.startMs, p.endMs])).toEqual([
      [0, 25_000],
      [25_000, 60_000],
      [60_000, 60_000],
      [60_000, null],
    ]);
  });
});

it('says first which OHMS version and transcript it read', () => {
  expect(parseOhms(SAMPLE).notes[0]).toBe('read as an OHMS 5.4 record with a plain transcript');
  expect(parseOhms(fixture('ohms-6-vtt.xml')).notes[0]).toBe('read as an OHMS 6.0 record with a WebVTT transcript');
});

describe('markup inside the words', () => {
  it('refuses a transcript or index title holding elements, which would lose their words, naming the element', () => {
    const bold = SAMPLE.replace('Mostly the noise.', '<b>Mostly</b> the noise.');
    expect(importErrorOf(() => parseOhms(bold)).message).toMatch(/the OHMS <transcript> holds an element \(<b>\)/);
    const title = SAMPLE.replace('<title>Summers</title>', '<title><i>Summers</i></title>');
    expect(importErrorOf(() => parseOhms(title)).message).toMatch(/the OHMS <title> holds an element \(<i>\)/);
  });
});
