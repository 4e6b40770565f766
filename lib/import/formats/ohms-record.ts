// Reads an OHMS XML file (Oral History Metadata Synchronizer, the Nunn Center's format; schema
// versions 5.x with a plain <transcript> and <sync>, 6 with a WebVTT <vtt_transcript>) into a plain
// record, refusing what is not a well-formed OHMS record. No DTD is ever read: OHMS files have none,
// and a DTD is how entity-expansion ("billion laughs") and external-entity attacks get in.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ImportError } from '../errors';

export interface OhmsIndexPoint {
  /** Seconds into the recording, as OHMS writes <time>. */
  seconds: number;
  title: string;
  synopsis: string;
  partialTranscript: string;
  keywords: string[];
}

export interface OhmsRecord {
  version: string;
  title: string;
  date: string;
  repository: string;
  interviewees: string[];
  interviewers: string[];
  mediaUrl: string;
  /** Where OHMS says the media is hosted: "Other" for a file at media_url, else a service (YouTube, Kaltura…). */
  mediaHost: string;
  /** The recording's length as OHMS writes it ("1:02:00"), "" when not given. */
  duration: string;
  language: string;
  description: string;
  type: string;
  /** The plain transcript exactly as written (line numbers are what <sync> points into). */
  transcript: string;
  sync: string;
  vttTranscript: string;
  /** Whether a translation (transcript_alt / vtt_transcript_alt) came along; it is not imported. */
  hasTranslation: boolean;
  index: OhmsIndexPoint[];
}

type XmlNode = string | number | { [key: string]: unknown } | undefined;

const REPEATING = new Set(['record', 'interviewee', 'interviewer', 'point', 'keywords', 'subjects']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  // Keep every character: the transcript's line breaks are what <sync> counts.
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  // XML's own five entities and character references only: there is no DTD to declare others.
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => REPEATING.has(name),
});

/** Whether a DTD or entity declaration stands anywhere outside CDATA (where it would be only text). */
function declaresDtd(raw: string): boolean {
  return /<!(?:DOCTYPE|ENTITY)/i.test(raw.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, ''));
}

export function readOhmsRecord(raw: string): OhmsRecord {
  if (typeof raw !== 'string' || raw.trim() === '') throw new ImportError('the file is empty: there is nothing to import');
  const text = raw.replace(/^\uFEFF/, '');
  if (declaresDtd(text)) {
    throw new ImportError('the XML declares a DTD (<!DOCTYPE …>), which OHMS files never have: refused, so no entity in it is ever expanded');
  }
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new ImportError(`the file is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})`, valid.err.line);
  }
  let doc: Record<string, XmlNode>;
  try {
    doc = parser.parse(text) as Record<string, XmlNode>;
  } catch (error) {
    // The validator and the parser do not catch quite the same faults ("<?xml v…" passes the first).
    throw new ImportError(`the file is not well-formed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rootName = Object.keys(doc).find((k) => !k.startsWith('?') && k !== '#text');
  if (rootName !== 'ROOT') {
    throw new ImportError(`the XML is not an OHMS record: its root element is <${rootName ?? '?'}>, where OHMS files have <ROOT> holding a <record>`);
  }
  const records = child(doc.ROOT, 'record');
  const list = Array.isArray(records) ? records : [];
  if (list.length === 0) throw new ImportError('the XML is not an OHMS record: <ROOT> holds no <record>');
  if (list.length > 1) throw new ImportError(`the file holds ${list.length} OHMS records: import them one file at a time`);
  return toRecord(list[0] as XmlNode);
}

function toRecord(record: XmlNode): OhmsRecord {
  const date = child(record, 'date');
  return {
    version: textOf(child(record, 'version')).trim(),
    title: flat(wordsOf(child(record, 'title'), 'title')),
    date: flat(attribute(date, 'value') || textOf(date)),
    repository: flat(textOf(child(record, 'repository'))),
    interviewees: names(child(record, 'interviewee')),
    interviewers: names(child(record, 'interviewer')),
    mediaUrl: textOf(child(record, 'media_url')).trim(),
    mediaHost: flat(textOf(child(child(record, 'mediafile'), 'host'))),
    duration: textOf(child(record, 'duration')).trim(),
    language: flat(textOf(child(record, 'language'))),
    description: wordsOf(child(record, 'description'), 'description').trim(),
    type: flat(textOf(child(record, 'type'))),
    transcript: wordsOf(child(record, 'transcript'), 'transcript'),
    sync: textOf(child(record, 'sync')).trim(),
    vttTranscript: wordsOf(child(record, 'vtt_transcript'), 'vtt_transcript'),
    hasTranslation: ['transcript_alt', 'vtt_transcript_alt'].some((k) => textOf(child(record, k)).trim() !== ''),
    index: indexPoints(child(record, 'index')),
  };
}

function indexPoints(index: XmlNode): OhmsIndexPoint[] {
  const points = child(index, 'point');
  return (Array.isArray(points) ? (points as XmlNode[]) : []).map((point, i) => {
    const time = textOf(child(point, 'time')).trim();
    return {
      seconds: pointSeconds(time, i + 1),
      title: flat(wordsOf(child(point, 'title'), 'title')),
      synopsis: wordsOf(child(point, 'synopsis'), 'synopsis').trim(),
      partialTranscript: flat(wordsOf(child(point, 'partial_transcript'), 'partial_transcript')),
      keywords: [...listOf(child(point, 'keywords')), ...listOf(child(point, 'subjects'))],
    };
  });
}

/** OHMS writes an index point's time in whole seconds; "h:mm:ss" is read too. Anything else is refused. */
function pointSeconds(time: string, number: number): number {
  if (/^\d+(\.\d+)?$/.test(time)) return Number(time);
  const clock = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(time);
  if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
  throw new ImportError(`index point ${number} has no time OHMS can mean: <time>${time}</time> (seconds into the recording expected)`);
}

/** Semicolon-separated OHMS lists ("Chile;Customs"), of every <keywords> or <subjects> given. */
function listOf(nodes: XmlNode): string[] {
  const all = Array.isArray(nodes) ? (nodes as XmlNode[]) : [nodes];
  return all
    .flatMap((n) => textOf(n).split(';'))
    .map(flat)
    .filter(Boolean);
}

function names(nodes: XmlNode): string[] {
  return (Array.isArray(nodes) ? (nodes as XmlNode[]) : []).map((n) => flat(textOf(n))).filter(Boolean);
}

function child(node: XmlNode, name: string): XmlNode {
  return node && typeof node === 'object' ? (node[name] as XmlNode) : undefined;
}

function attribute(node: XmlNode, name: string): string {
  const value = child(node, `@_${name}`);
  return typeof value === 'string' ? value : '';
}

/** An element's text: a bare string, or the #text beside its attributes; a nested element has none. */
function textOf(node: XmlNode): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'number') return String(node);
  const text = child(node, '#text');
  return typeof text === 'string' ? text : typeof text === 'number' ? String(text) : '';
}

/**
 * The words of an element that holds what was said or written (the transcript, a title, a synopsis).
 * OHMS writes them as plain text; one holding elements (<b>, <p>) would lose their words in textOf,
 * so it is refused with its name, never read in part.
 */
function wordsOf(node: XmlNode, element: string): string {
  if (node && typeof node === 'object') {
    const inner = Object.keys(node).find((key) => key !== '#text' && !key.startsWith('@_'));
    if (inner !== undefined) {
      throw new ImportError(
        `the OHMS <${element}> holds an element (<${inner}>), not only text: OHMS writes it as plain text, and part of its words would be lost`,
      );
    }
  }
  return textOf(node);
}

const flat = (text: string) => text.replace(/\s+/g, ' ').trim();
