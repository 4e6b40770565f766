// Recording times slot into the exports when passages have them (issue 12 adds startMs/endMs): WebVTT
// cues take them, TEI gets a timeline its <u> point into, OHMS an index point per passage. Without
// them, or with any passage lacking them, WebVTT numbers the cues by order and says so in a NOTE.
import { WebVTTParser } from 'webvtt-parser';
import { describe, expect, it } from 'vitest';
import type { PassageKind } from '@/lib/vocabulary';
import { toOhms } from '@/lib/exports/ohms';
import type { TimedPassage } from '@/lib/exports/passage-times';
import { toTei } from '@/lib/exports/tei';
import { toWebVtt } from '@/lib/exports/webvtt';
import { OHMS, TEI } from '@/tests/support/export-readers';
import { timedExportSource, timedPassage } from '@/tests/support/timed-export-source';
import { el, XmlFile } from '@/tests/support/xml-file';

const passage = (anchor: number, kind: PassageKind, speaker: string, text: string, times?: [number | null, number | null]): TimedPassage =>
  timedPassage(anchor, kind, speaker, text, times ? { startMs: times[0], endMs: times[1] } : {});
const source = (passages: TimedPassage[]) => timedExportSource(passages);

const timed = [
  passage(1, 'question', 'Ann Ask', 'When did you leave?', [1500, 4250]),
  passage(2, 'answer', 'Ben Say', 'In 2009.\n\nAt night.', [4250, 3_725_125]),
];

describe('passages with recording times', () => {
  it('give WebVTT cues at those times, and no NOTE about made-up times', () => {
    const vtt = toWebVtt(source(timed));
    const { cues, errors } = new WebVTTParser().parse(vtt, 'subtitles');
    expect(errors).toEqual([]);
    expect(cues.map((c) => [c.id, c.startTime, c.endTime])).toEqual([
      ['p1', 1.5, 4.25],
      ['p2', 4.25, 3725.125],
    ]);
    expect(vtt).toContain('01:02:05.125');
    expect(vtt).not.toContain('no recording times');
  });

  it('give TEI a timeline in seconds that each <u> points into', () => {
    const xml = new XmlFile(toTei(source(timed)));
    const body = `/${el(TEI, 'TEI')}/${el(TEI, 'text')}/${el(TEI, 'body')}`;
    const u = `${body}/${el(TEI, 'div')}/${el(TEI, 'u')}`;
    expect(xml.attributes(u, 'start')).toEqual(['#p1-start', '#p2-start']);
    expect(xml.attributes(u, 'end')).toEqual(['#p1-end', '#p2-end']);
    const when = (id: string) => xml.string(`${body}/${el(TEI, 'timeline')}/${el(TEI, 'when')}[@xml:id='${id}']/@interval`);
    expect([when('p1-start'), when('p1-end'), when('p2-start'), when('p2-end')]).toEqual(['1.5', '4.25', '4.25', '3725.125']);
  });

  it('give OHMS an index point per passage at its second', () => {
    const xml = new XmlFile(toOhms(source(timed)));
    const points = `/${el(OHMS, 'ROOT')}/${el(OHMS, 'record')}/${el(OHMS, 'index')}/${el(OHMS, 'point')}`;
    expect(xml.count(points)).toBe(2);
    expect([xml.string(`${points}[1]/${el(OHMS, 'time')}`), xml.string(`${points}[2]/${el(OHMS, 'time')}`)]).toEqual(['1', '4']);
    expect(xml.string(`${points}[2]/${el(OHMS, 'partial_transcript')}`)).toBe('In 2009.\n\nAt night.');
  });
});

describe('a passage without times', () => {
  it.each([
    ['none has times', [passage(1, 'question', 'Ann Ask', 'Q?'), passage(2, 'answer', 'Ben Say', 'A.')]],
    ['one lacks its end', [timed[0], passage(2, 'answer', 'Ben Say', 'A.', [5000, null])]],
    ['one ends before it starts', [timed[0], passage(2, 'answer', 'Ben Say', 'A.', [5000, 4000])]],
  ])('(%s) makes WebVTT number every cue by order and say so; TEI and OHMS carry no times', (_, passages) => {
    const vtt = toWebVtt(source(passages));
    const { cues } = new WebVTTParser().parse(vtt, 'subtitles');
    expect(cues.map((c) => [c.id, c.startTime, c.endTime])).toEqual([
      ['p1', 0, 1],
      ['p2', 1, 2],
    ]);
    expect(vtt).toMatch(/^WEBVTT\n\nNOTE [^\n]+\n(.+\n)*This document has no recording times/);
    expect(new XmlFile(toTei(source(passages))).count(`//${el(TEI, 'timeline')}`)).toBe(0);
    expect(new XmlFile(toOhms(source(passages))).count(`//${el(OHMS, 'index')}`)).toBe(0);
  });
});
