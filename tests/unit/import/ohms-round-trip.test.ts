// The OHMS export of a timed document with topics, read back: the export writes an index point per
// passage (its second, its speaker and anchor as the title, its words, its topics as keywords), and
// the importer keeps each as a section at that very passage, the topics as suggested keywords.
import { describe, expect, it } from 'vitest';
import { toOhms } from '@/lib/exports/ohms';
import type { TimedPassage } from '@/lib/exports/passage-times';
import { parseOhms } from '@/lib/import/formats/ohms';
import { timedExportSource, timedPassage } from '@/tests/support/timed-export-source';
import { assertWellFormed, requireXmllint } from '@/tests/support/xmllint';

const passage = (anchor: number, kind: 'question' | 'answer', name: string, text: string, startMs: number, topics: string[] = []): TimedPassage =>
  timedPassage(anchor, kind, name, text, {
    paragraphs: text.split('\n\n'),
    topics: topics.map((t) => ({ slug: t.toLowerCase(), name: t })),
    startMs,
    endMs: startMs + 3000,
  });

const passages = [
  passage(1, 'question', 'Ann Ask', 'When did you leave?', 1500),
  passage(2, 'answer', 'Ben Say', 'In 2009.\n\nAt night, across the river.', 4500, ['Leaving', 'Rivers']),
  passage(3, 'question', 'Ann Ask', 'Were you alone?', 7500),
  passage(4, 'answer', 'Ben Say', 'No. My sister came with me.', 10_500, ['Family']),
];

const source = timedExportSource(passages, {
  date: { iso: '2020-05-17', label: 'May 17, 2020', precision: 'day', year: 2020 },
  summary: 'Leaving at night.',
});

describe('an OHMS export with index points, imported back', () => {
  const xml = toOhms(source);
  const result = parseOhms(xml);

  it('is well-formed XML', () => {
    requireXmllint();
    assertWellFormed(xml);
  });

  it('has the same speakers in their roles, and every passage whole', () => {
    expect(result.meta).toMatchObject({ title: 'A recorded interview', date: '2020-05-17', summary: 'Leaving at night.', language: 'en' });
    expect(result.speakers.map((s) => [s.name, s.role])).toEqual([
      ['Ben Say', 'interviewee'],
      ['Ann Ask', 'interviewer'],
    ]);
    expect(result.passages.map((p) => [p.kind, p.speaker, p.text])).toEqual(passages.map((p) => [p.kind, p.speaker!.name, p.text]));
  });

  it('keeps each index point as a section at its own passage, its topics as keywords', () => {
    expect(result.sections).toEqual([
      { title: 'Ann Ask (passage 1)', synopsis: null, keywords: [], passage: 0 },
      { title: 'Ben Say (passage 2)', synopsis: null, keywords: ['Leaving', 'Rivers'], passage: 1 },
      { title: 'Ann Ask (passage 3)', synopsis: null, keywords: [], passage: 2 },
      { title: 'Ben Say (passage 4)', synopsis: null, keywords: ['Family'], passage: 3 },
    ]);
  });
});
