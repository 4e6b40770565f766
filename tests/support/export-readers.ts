// Reads each export format back into passages (anchor, speaker's name, words) with a real parser
// where the format has one: csv-parse, webvtt-parser (W3C's), xmllint for TEI and OHMS, zod for JSON.
// Markdown and plain text are re-read by the rules of their syntax (CommonMark's escapes). The tests
// compare what comes back with the read API's passages: every word, credited to its own speaker, in order.
import { createRequire } from 'node:module';
import { parse as parseCsv } from 'csv-parse/sync';
import { WebVTTParser, type WebVTTNode } from 'webvtt-parser';
import { expect } from 'vitest';
import { documentJsonSchema } from '@/lib/exports/document-schema';
import { el, XmlFile } from './xml-file';

const HTML_ENTITIES = createRequire(import.meta.url)('webvtt-parser/html-entities.json') as Record<string, string>;

export interface ReadPassage {
  anchor: number;
  speaker: string | null;
  text: string;
}

export const TEI = 'http://www.tei-c.org/ns/1.0';
export const OHMS = 'https://www.weareavp.com/nunncenter/ohms';

export function readJson(body: string): ReadPassage[] {
  const document = documentJsonSchema.parse(JSON.parse(body));
  return document.passages.map((p) => ({ anchor: p.anchor, speaker: p.speaker?.name ?? null, text: p.text }));
}

export function readCsv(body: string): ReadPassage[] {
  const rows: Record<string, string>[] = parseCsv(body, { bom: true, columns: true, strict: true } as never);
  return rows.map((row) => ({ anchor: Number(row.anchor), speaker: row.speaker === '' ? null : row.speaker, text: row.text }));
}

type VttNode = WebVTTNode;

/** WebVTT's own escapes in a voice annotation (the spec's "HTML character reference in annotation state"; webvtt-parser keeps them as written). */
const annotation = (value: string) => value.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

const textOf = (nodes: VttNode[]): string => nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'object' ? textOf(n.children ?? []) : '')).join('');

export function readVtt(body: string): (ReadPassage & { kind: string | null; startTime: number; endTime: number })[] {
  // With HTML's whole table of character references, as its README says for the spec's behaviour.
  const { cues, errors } = new WebVTTParser(HTML_ENTITIES).parse(body, 'subtitles');
  expect(errors, 'webvtt-parser reports no error').toEqual([]);
  return cues.map((cue) => {
    const nodes = cue.tree.children;
    const voice = nodes.length === 1 && nodes[0].type === 'object' && nodes[0].name === 'v' ? nodes[0] : null;
    expect(cue.id).toMatch(/^p\d+$/);
    return {
      anchor: Number(cue.id.slice(1)),
      speaker: voice ? annotation(voice.value!) : null,
      kind: voice?.classes?.[0] ?? null,
      text: textOf(nodes),
      startTime: cue.startTime,
      endTime: cue.endTime,
    };
  });
}

/** CommonMark's backslash escapes and numeric character references, undone. */
const unescapeMarkdown = (line: string) =>
  // One pass: "\&#10;" is an escaped ampersand followed by "#10;", not a reference.
  line.replace(/\\([!-/:-@[-`{-~])|&#(\d+);/g, (_, escaped: string | undefined, code: string | undefined) => escaped ?? String.fromCodePoint(Number(code)));

/** A line that ends in an odd number of backslashes ends in a hard break (an even number: escaped backslashes). */
const hardBreak = (line: string) => (/\\+$/.exec(line)?.[0].length ?? 0) % 2 === 1;

const MD_PASSAGE = /^(?:\*\*(.+)\*\* · )?\[¶ (\d+)\]\((\S+)\)$/;

export function readMarkdown(body: string): ReadPassage[] {
  const lines = body.split('\n');
  const start = lines.indexOf('---');
  expect(start, 'a thematic break ends the details').toBeGreaterThan(0);
  const passages: ReadPassage[] = [];
  let quoted: string[] | null = null;
  const finish = () => {
    if (quoted === null) return;
    const passage = passages.at(-1)!;
    // A line ending in a backslash is a hard break inside the paragraph; ">" alone is a blank line.
    passage.text = quoted
      .map((line) => (hardBreak(line) ? line.slice(0, -1) : line))
      .map(unescapeMarkdown)
      .join('\n');
    quoted = null;
  };
  for (const line of lines.slice(start + 1)) {
    const heading = MD_PASSAGE.exec(line);
    if (heading) {
      finish();
      passages.push({ anchor: Number(heading[2]), speaker: heading[1] === undefined ? null : unescapeMarkdown(heading[1]), text: '' });
    } else if (line === '>' || line.startsWith('> ')) {
      (quoted ??= []).push(line === '>' ? '' : line.slice(2));
    } else {
      expect(line, 'between passages only blank lines').toBe('');
      finish();
    }
  }
  finish();
  return passages;
}

export function readPlainText(body: string): ReadPassage[] {
  const lines = body.split('\n');
  // Title block, then the details block: each ends at its first blank line.
  const afterTitle = lines.indexOf('');
  const afterDetails = lines.indexOf('', afterTitle + 1);
  const passages: ReadPassage[] = [];
  let words: string[] = [];
  const finish = () => {
    if (passages.length > 0) passages.at(-1)!.text = words.join('\n').replace(/\n+$/, '');
    words = [];
  };
  for (const line of lines.slice(afterDetails + 1)) {
    const heading = /^\[(\d+)\](?: (.+))?$/.exec(line);
    if (heading) {
      finish();
      passages.push({ anchor: Number(heading[1]), speaker: heading[2] ?? null, text: '' });
    } else if (line === '' || line.startsWith('    ')) {
      if (passages.length > 0) words.push(line.slice(4));
    } else {
      throw new Error(`plain text: a line neither indented nor a passage heading: ${JSON.stringify(line)}`);
    }
  }
  finish();
  return passages;
}

/** TEI: each <u> (spoken) or <p> (essay) of the body in order, its speaker read through @who or @resp to its <person>'s name. */
export function readTei(xml: XmlFile): ReadPassage[] {
  const body = `/${el(TEI, 'TEI')}/${el(TEI, 'text')}/${el(TEI, 'body')}/${el(TEI, 'div')}`;
  const units = `${body}/*[(local-name()='u' or local-name()='p') and namespace-uri()='${TEI}']`;
  const ids = xml.attributes(units, 'xml:id');
  expect(ids, 'every <u> or <p> has its xml:id').toHaveLength(xml.count(units));
  const names = new Map(
    xml.attributes(`//${el(TEI, 'person')}`, 'xml:id').map((id) => [id, xml.string(`//${el(TEI, 'person')}[@xml:id='${id}']/${el(TEI, 'persName')}`)]),
  );
  return ids.map((id, i) => {
    const unit = `(${units})[${i + 1}]`;
    const pointer = xml.string(`${unit}/@who`) || xml.string(`${unit}/@resp`);
    return {
      anchor: Number(id.replace(/^p/, '')),
      speaker: pointer ? (names.get(pointer.replace(/^#/, '')) ?? `(no person ${pointer})`) : null,
      text: xml.string(unit),
    };
  });
}

/**
 * OHMS: the transcript split into turns where a line starts with a speaker's name and ": " (the
 * names given, and OHMS's "Unidentified speaker") after a blank line. No anchors in OHMS: the tests
 * compare order.
 */
export function readOhmsTranscript(transcript: string, speakers: string[]): Omit<ReadPassage, 'anchor'>[] {
  const labels = [...speakers, 'Unidentified speaker'].sort((a, b) => b.length - a.length);
  const turns: Omit<ReadPassage, 'anchor'>[] = [];
  for (const block of transcript.split('\n\n')) {
    const label = labels.find((name) => block.startsWith(`${name}: `));
    if (label) turns.push({ speaker: label === 'Unidentified speaker' ? null : label, text: block.slice(label.length + 2) });
    else turns.at(-1)!.text += `\n\n${block}`;
  }
  return turns;
}
