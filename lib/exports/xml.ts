// What the two XML formats (TEI, OHMS) share: xmlbuilder2 to write them (it escapes every text and
// attribute value, and with wellFormed it refuses any character XML cannot hold), and the refusal,
// with a message, of a document holding such a character or a carriage return (which every XML
// parser reads back as a line feed: a silent change), before anything is written.
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import { NOT_XML_CHAR, refuseDocumentCharacters } from './refusal';
import type { ExportSource } from './source';

export const XML_NS = 'http://www.w3.org/XML/1998/namespace';
export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

const NOT_CARRIED = new RegExp(`${NOT_XML_CHAR.source}|\\r`, 'u');

export function refuseUnwritableXml(document: ExportSource['document'], format: string): void {
  refuseDocumentCharacters(document, NOT_CARRIED, format);
}

/** A language tag as xml:lang takes it (BCP 47's shape), or null for anything else. */
export const xmlLang = (tag: string) => (/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : null);

export function serialize(document: XMLBuilder): string {
  return document.end({ wellFormed: true, prettyPrint: true }) + '\n';
}

/**
 * A value for xmlbuilder2's txt() or an attribute. xmlbuilder2 escapes "&" only where it does not
 * already start something shaped like a reference ("&amp;", "&nbsp;", "&#10;" pass through as
 * written), so testimony that says "&amp;" would be read back as "&", and "&nbsp;" would make the
 * file ill-formed. Escaping every "&" first leaves it nothing to skip: each "&" it sees then starts
 * "&amp;", which it keeps, and every reader reads back exactly the words.
 */
export const xmlText = (value: string) => value.replace(/&/g, '&amp;');
