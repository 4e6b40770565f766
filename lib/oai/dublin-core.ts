// A document as unqualified Dublin Core (oai_dc, OAI-PMH 2.0 section 5). Names are given as the
// archive keeps them ("Seongmin Lee"), never inverted by guesswork; a participant's role follows in
// brackets ("Seongmin Lee (interviewee)"): authors are creators, everyone else a contributor.
// Dates keep their precision ("2016-12"). The transcript itself is not metadata: the first
// identifier is the document's page in the archive, where every passage is, credited to its speaker.
import type { OaiDocument } from '@/lib/data/oai';
import { documentPath } from '@/lib/urls';
import { DC_NS, OAI_DC_NS, OAI_DC_SCHEMA, XMLNS_NS, XSI_NS } from './namespaces';
import type { XMLBuilder } from './xml';

/** DCMI Type is "Text" for every document; the kind follows as a second, plainer type. */
const KIND_TYPE: Record<string, string> = { interview: 'Interview', essay: 'Essay', speech: 'Speech', testimony: 'Testimony' };

export interface DublinCoreValues {
  title: string[];
  creator: string[];
  contributor: string[];
  subject: string[];
  description: string[];
  publisher: string[];
  date: string[];
  type: string[];
  identifier: string[];
  source: string[];
  language: string[];
}

/** The values of each element, in the order they are written. */
export function dublinCore(document: OaiDocument, absolute: (path: string) => string): DublinCoreValues {
  const authors = document.participants.filter((p) => p.role === 'author');
  const others = document.participants.filter((p) => p.role !== 'author');
  const present = (...values: (string | null)[]) => values.filter((v): v is string => v !== null && v.trim() !== '');
  return {
    title: present(document.subtitle ? `${document.title}: ${document.subtitle}` : document.title),
    creator: authors.map((p) => p.name),
    contributor: others.map((p) => `${p.name} (${p.role})`),
    subject: document.topics.map((t) => t.name),
    description: present(document.summary),
    publisher: present(document.publisher),
    date: [document.date.iso],
    type: ['Text', ...(KIND_TYPE[document.kind] ? [KIND_TYPE[document.kind]] : [])],
    identifier: present(absolute(documentPath(document.slug)), document.sourceUrl),
    source: present(document.sourceUrl),
    language: present(document.language),
  };
}

export function writeDublinCore(parent: XMLBuilder, values: DublinCoreValues): void {
  const dc = parent
    .ele(OAI_DC_NS, 'oai_dc:dc')
    .att(XMLNS_NS, 'xmlns:dc', DC_NS)
    .att(XMLNS_NS, 'xmlns:xsi', XSI_NS)
    .att(XSI_NS, 'xsi:schemaLocation', `${OAI_DC_NS} ${OAI_DC_SCHEMA}`);
  for (const [element, list] of Object.entries(values) as [keyof DublinCoreValues, string[]][]) {
    for (const value of list) dc.ele(DC_NS, `dc:${element}`).txt(value);
  }
}
