// A document a format cannot carry whole: a character the format has no way to write (XML 1.0 has
// none for U+0000 or U+FFFE; WebVTT turns U+0000 into U+FFFD). The write path refuses such characters
// today, but one stored before that rule still reads back; the export says so instead of changing
// testimony silently.
export class ExportRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExportRefusal';
  }
}

const hex = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Refuses when `text` holds a character `forbidden` matches, naming it and where it is. */
export function refuseCharacters(text: string | null | undefined, forbidden: RegExp, where: string, format: string): void {
  if (!text) return;
  const match = new RegExp(forbidden.source, forbidden.flags.replace('g', '')).exec(text);
  if (match)
    throw new ExportRefusal(
      `${where} holds the character ${hex(match[0])}, which ${format} cannot carry; correct it in the back office to export this document as ${format}.`,
    );
}

/** Characters XML 1.0 cannot carry, not even as a character reference (its Char production). */
export const NOT_XML_CHAR = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

interface Checked {
  title: string;
  subtitle: string | null;
  summary: string | null;
  publisher: string | null;
  caption: string | null;
  participants: { name: string }[];
  passages: { anchor: number; text: string; speaker: { name: string } | null; topics: { name: string }[] }[];
}

/** Refuses a document any of whose words `forbidden` matches: metadata, names and every passage. */
export function refuseDocumentCharacters(document: Checked, forbidden: RegExp, format: string): void {
  refuseCharacters(document.title, forbidden, 'The title', format);
  refuseCharacters(document.subtitle, forbidden, 'The subtitle', format);
  refuseCharacters(document.summary, forbidden, 'The summary', format);
  refuseCharacters(document.publisher, forbidden, 'The publisher', format);
  refuseCharacters(document.caption, forbidden, 'The caption', format);
  for (const p of document.participants) refuseCharacters(p.name, forbidden, `The name of ${JSON.stringify(p.name)}`, format);
  for (const passage of document.passages) {
    refuseCharacters(passage.text, forbidden, `Passage ${passage.anchor}`, format);
    refuseCharacters(passage.speaker?.name, forbidden, `The speaker of passage ${passage.anchor}`, format);
    for (const t of passage.topics) refuseCharacters(t.name, forbidden, `A topic of passage ${passage.anchor}`, format);
  }
}
