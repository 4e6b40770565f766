// TEI P5. The header describes the file (fileDesc: its title, this archive as publisher with the
// document's address, and in sourceDesc the original publication with its date at its precision) and
// the people (profileDesc/particDesc: one <person> per speaker, with the roles they have in this
// document). Spoken documents (interviews, speeches, testimony) are transcribed speech: one <u> per
// turn, @who pointing at the speaker's <person> (TEI chapter 8, "Transcriptions of Speech"). An essay
// is paragraphs: one <p> per passage, credited by @resp (who is responsible for its words; @who
// exists only on speech) and by the byline. Every <u> and <p> has the passage's anchor as its xml:id
// (p3, as in the reader's #p3) and keeps its words' line breaks (xml:space="preserve"). When every
// passage has recording times, a <timeline> carries them and each <u> points at its start and end.
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { ARCHIVE_NAME } from './header';
import { allPassageTimes, type PassageTimes } from './passage-times';
import type { ExportSource } from './source';
import { refuseUnwritableXml, serialize, XML_NS, xmlLang, xmlText } from './xml';

export const TEI_NS = 'http://www.tei-c.org/ns/1.0';

/** A speaker's xml:id: an NCName whatever the slug (a slug may start with a digit, an NCName may not). */
export const personId = (slug: string) => `person-${slug}`;

/** Passages of these kinds are read as words spoken; an essay's as words written. */
const isSpoken = (kind: string) => kind !== 'essay';

interface Person {
  slug: string;
  name: string;
  roles: string[];
}

/** Every participant, with all their roles, then any other speaker of a passage, in order of appearance. */
function people(document: ExportSource['document']): Person[] {
  const bySlug = new Map<string, Person>();
  const add = (slug: string, name: string, role?: string) => {
    const person = bySlug.get(slug) ?? { slug, name, roles: [] };
    if (role && !person.roles.includes(role)) person.roles.push(role);
    bySlug.set(slug, person);
  };
  for (const p of document.participants) add(p.slug, p.name, p.role);
  for (const passage of document.passages) if (passage.speaker) add(passage.speaker.slug, passage.speaker.name);
  return [...bySlug.values()];
}

function header(tei: XMLBuilder, { document, url }: ExportSource, persons: Person[]): void {
  const teiHeader = tei.ele('teiHeader');
  const fileDesc = teiHeader.ele('fileDesc');
  const titleStmt = fileDesc.ele('titleStmt');
  titleStmt.ele('title').txt(xmlText(document.title));
  if (document.subtitle) titleStmt.ele('title', { type: 'sub' }).txt(xmlText(document.subtitle));
  const authors = document.participants.filter((p) => p.role === 'author');
  for (const a of authors) titleStmt.ele('author', { ref: `#${personId(a.slug)}` }).txt(xmlText(a.name));
  for (const p of document.participants.filter((p) => p.role !== 'author')) {
    const resp = titleStmt.ele('respStmt');
    resp.ele('resp').txt(xmlText(p.role));
    resp.ele('persName', { ref: `#${personId(p.slug)}` }).txt(xmlText(p.name));
  }

  const publicationStmt = fileDesc.ele('publicationStmt');
  publicationStmt.ele('publisher').txt(xmlText(ARCHIVE_NAME));
  publicationStmt.ele('idno', { type: 'URI' }).txt(xmlText(url));

  const bibl = fileDesc.ele('sourceDesc').ele('bibl');
  bibl.ele('title').txt(xmlText(document.title));
  for (const a of authors) bibl.ele('author').txt(xmlText(a.name));
  if (document.publisher) bibl.ele('publisher').txt(xmlText(document.publisher));
  // @when takes the date at its precision ("2016-12" is a month: xs:gYearMonth).
  bibl.ele('date', { when: document.date.iso }).txt(xmlText(document.date.label));
  if (document.sourceUrl) bibl.ele('ptr', { target: xmlText(document.sourceUrl) });

  const profileDesc = teiHeader.ele('profileDesc');
  const lang = xmlLang(document.language);
  if (lang)
    profileDesc
      .ele('langUsage')
      .ele('language', { ident: lang })
      .txt(xmlText(new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang));
  const topics = [...new Map(document.passages.flatMap((p) => p.topics).map((t) => [t.slug, t.name])).values()];
  if (topics.length > 0) {
    const keywords = profileDesc.ele('textClass').ele('keywords');
    for (const name of topics) keywords.ele('term').txt(xmlText(name));
  }
  const listPerson = profileDesc.ele('particDesc').ele('listPerson');
  for (const person of persons) {
    const element = listPerson.ele('person').att(XML_NS, 'xml:id', personId(person.slug));
    if (person.roles.length > 0) element.att('role', person.roles.join(' '));
    element.ele('persName').txt(xmlText(person.name));
  }
}

/** The recording's times (att.timed): a <timeline> of points in seconds from its start, each <u> pointing at two of them. */
function timeline(body: XMLBuilder, passages: { anchor: number }[], times: PassageTimes[]): void {
  const line = body.ele('timeline', { unit: 's', origin: '#recording-start' });
  line.ele('when').att(XML_NS, 'xml:id', 'recording-start').att('absolute', '00:00:00');
  passages.forEach((passage, i) => {
    for (const [edge, ms] of [
      ['start', times[i].startMs],
      ['end', times[i].endMs],
    ] as const) {
      line.ele('when', { interval: String(ms / 1000), since: '#recording-start' }).att(XML_NS, 'xml:id', `p${passage.anchor}-${edge}`);
    }
  });
}

export function toTei(source: ExportSource): string {
  const { document } = source;
  refuseUnwritableXml(document, 'TEI');
  const xml = create({ version: '1.0', encoding: 'UTF-8' });
  const tei = xml.ele(TEI_NS, 'TEI');
  const lang = xmlLang(document.language);
  if (lang) tei.att(XML_NS, 'xml:lang', lang);
  header(tei, source, people(document));

  const body = tei.ele('text').ele('body');
  const spoken = isSpoken(document.kind);
  const times = spoken ? allPassageTimes(document.passages) : null;
  if (times) timeline(body, document.passages, times);
  const div = body.ele('div', { type: document.kind });
  if (!spoken) {
    const authors = document.participants.filter((p) => p.role === 'author');
    if (authors.length > 0) {
      const byline = div.ele('byline');
      for (const a of authors) byline.ele('docAuthor', { ref: `#${personId(a.slug)}` }).txt(xmlText(a.name));
    }
  }
  for (const passage of document.passages) {
    const element = div.ele(spoken ? 'u' : 'p');
    element.att(XML_NS, 'xml:id', `p${passage.anchor}`);
    if (passage.speaker) element.att(spoken ? 'who' : 'resp', `#${personId(passage.speaker.slug)}`);
    if (times) element.att('start', `#p${passage.anchor}-start`).att('end', `#p${passage.anchor}-end`);
    element.att(XML_NS, 'xml:space', 'preserve');
    element.txt(xmlText(passage.text));
  }
  return serialize(xml);
}
