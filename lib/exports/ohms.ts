// OHMS XML: the record format of the Oral History Metadata Synchronizer (University of Kentucky's
// Nunn Center), which OHMS and Aviary import, in the element order of its schema (ohms.xsd 5.4,
// namespace https://www.weareavp.com/nunncenter/ohms). The transcript is plain text as OHMS keeps
// it: each turn starts on a new line with the speaker's name and a colon ("Jeff Kim: …"), turns
// separated by a blank line; a passage nobody is credited with starts "Unidentified speaker: ".
// The format has no escape: a paragraph that itself begins with a speaker's name and a colon reads
// as a turn there. When every passage has recording times, each becomes an index point at its time.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { ARCHIVE_NAME } from './header';
import { allPassageTimes, type PassageTimes } from './passage-times';
import type { ExportSource } from './source';
import { refuseUnwritableXml, serialize, XSI_NS, xmlText } from './xml';

export const OHMS_NS = 'https://www.weareavp.com/nunncenter/ohms';
export const OHMS_VERSION = '5.4';
export const UNIDENTIFIED_SPEAKER = 'Unidentified speaker';

/** OHMS's names for the date formats, one per precision: the date keeps its precision. */
const DATE_FORMAT = { day: 'yyyy-mm-dd', month: 'yyyy-mm', year: 'yyyy' } as const;

export function ohmsTranscript(passages: ExportSource['document']['passages']): string {
  return passages.map((p) => `${p.speaker?.name ?? UNIDENTIFIED_SPEAKER}: ${p.text}`).join('\n\n');
}

const languageName = (tag: string) => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag; // not a tag Intl knows: the archive's own value
  }
};

function indexPoints(record: XMLBuilder, passages: ExportSource['document']['passages'], times: PassageTimes[]): void {
  const index = record.ele('index');
  passages.forEach((passage, i) => {
    const point = index.ele('point');
    point.ele('time').txt(String(Math.floor(times[i].startMs / 1000)));
    point.ele('title').txt(xmlText(`${passage.speaker?.name ?? UNIDENTIFIED_SPEAKER} (passage ${passage.anchor})`));
    point.ele('partial_transcript').txt(xmlText(passage.text));
    if (passage.topics.length > 0) point.ele('keywords').txt(xmlText(passage.topics.map((t) => t.name).join(';')));
  });
}

export function toOhms({ id, document, url, siteUrl }: ExportSource): string {
  refuseUnwritableXml(document, 'OHMS XML');
  const xml = create({ version: '1.0', encoding: 'UTF-8' });
  const root = xml.ele(OHMS_NS, 'ROOT').att(XSI_NS, 'xsi:schemaLocation', `${OHMS_NS} ${OHMS_NS}/ohms.xsd`);
  // dt: the record's date, here the day the document was last changed (not today's, so the same
  // document always exports the same file).
  // id: OHMS's record number (an xs:int); the slug, the archive's own name for it, is cms_record_id.
  const record = root.ele('record', { id: String(id), dt: document.updatedAt.slice(0, 10) });
  record.ele('version').txt(OHMS_VERSION);
  record.ele('date', { value: document.date.iso, format: DATE_FORMAT[document.date.precision] });
  record.ele('date_nonpreferred_format').txt(xmlText(document.date.label));
  record.ele('cms_record_id').txt(document.slug);
  record.ele('title').txt(xmlText(document.title));
  record.ele('repository').txt(xmlText(ARCHIVE_NAME));
  record.ele('repository_url').txt(xmlText(siteUrl));
  for (const name of new Set(document.passages.flatMap((p) => p.topics.map((t) => t.name)))) record.ele('subject').txt(xmlText(name));
  for (const p of document.participants.filter((p) => p.role === 'interviewee')) record.ele('interviewee').txt(xmlText(p.name));
  for (const p of document.participants.filter((p) => p.role === 'interviewer')) record.ele('interviewer').txt(xmlText(p.name));
  record.ele('language').txt(xmlText(languageName(document.language)));
  const notes = [`${document.title}, ${document.date.label}${document.publisher ? `, ${document.publisher}` : ''}.`, `Exported from ${url}.`];
  if (document.sourceUrl) notes.push(`Original: ${document.sourceUrl}.`);
  record.ele('user_notes').txt(xmlText(notes.join(' ')));
  const times = allPassageTimes(document.passages);
  if (times) indexPoints(record, document.passages, times);
  record.ele('type').txt(xmlText(document.kind.charAt(0).toUpperCase() + document.kind.slice(1)));
  if (document.summary) record.ele('description').txt(xmlText(document.summary));
  record.ele('transcript').txt(xmlText(ohmsTranscript(document.passages)));
  return serialize(xml);
}
