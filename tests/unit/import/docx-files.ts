// Writes the DOCX files the importer tests read, with the `docx` library, the way Word would save them.
import { Document, Packer, Paragraph, type ISectionOptions, type IPropertiesOptions } from 'docx';

type Extra = Omit<IPropertiesOptions, 'sections'>;

/** A .docx of these paragraphs and tables, as bytes. */
export async function docxOf(children: ISectionOptions['children'], extra: Partial<Extra> = {}): Promise<Uint8Array> {
  const document = new Document({ ...extra, sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(document));
}

/** A paragraph per string. */
export const paragraphs = (...texts: string[]) => texts.map((text) => new Paragraph(text));

/** A 1×1 PNG, for an image in the document. */
export const PIXEL_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
