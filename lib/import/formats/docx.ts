// Word documents (.docx): read with mammoth, written out as text, and imported by the plain-text rules.
import 'server-only';
import { ImportError } from '../errors';
import { parseDocumentText } from '../index';
import type { ImportOptions, ImportResult } from '../types';
import { readDocxTree } from './docx-read';
import { assertDocxSignature, looksLikeDocx } from './docx-signature';
import { docxToText } from './docx-text';
import type { TranscriptFormat } from './types';
import { assertZipIntact } from './zip-check';

export const DOCX_NOTE = 'read from a Word document: line numbers count its paragraphs and line breaks as lines of text, with a blank line between paragraphs';

/**
 * Reads a .docx the way the text importer reads a paste, so one set of rules decides speakers, roles
 * and unknown labels: each Word paragraph is a paragraph of text, a line break a new line, a run set
 * in capitals is written in capitals ("JEFF KIM" alone on its line is a label there too). Bold adds
 * nothing the words do not already say ("Jeff Kim:" reads the same bold or not), so no marks are
 * written that could end up in a passage. Tables, images, footnotes and comments never become
 * passages: the first three are listed as dropped with their words, comments are counted in a note.
 */
export async function parseDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  if (!(bytes instanceof Uint8Array)) throw new ImportError('the Word document must be given as bytes');
  assertDocxSignature(bytes);
  assertZipIntact(bytes);
  const { tree, warnings } = await readDocxTree(bytes);
  const docx = docxToText(tree);
  if (docx.text.trim() === '') {
    const only = docx.setAside.length > 0 ? `: it holds only ${[...new Set(docx.setAside.map((s) => s.reason.split(/[ :(]/)[0]))].join(', ')}` : '';
    throw new ImportError(`the Word document has no paragraphs of text${only}; nothing to import`);
  }
  const notes: string[] = [DOCX_NOTE];
  const given = { ...options };
  if (!options.title?.trim() && docx.title) {
    given.title = docx.title;
    notes.push(`title taken from the Word document's "Title" paragraph`);
  }
  if (!options.subtitle?.trim() && docx.subtitle) {
    given.subtitle = docx.subtitle;
    notes.push(`subtitle taken from the Word document's "Subtitle" paragraph`);
  }
  const result = parseDocumentText(docx.text, given);
  return {
    ...result,
    dropped: [...result.dropped, ...docx.setAside].sort((a, b) => a.line - b.line),
    notes: [...notes, ...result.notes, ...docx.notes, ...warnings],
  };
}

export const docxFormat: TranscriptFormat = {
  label: 'Word document (DOCX)',
  extensions: ['.docx'],
  // A .doc is taken too, so that its editor hears how to convert it rather than "unknown format".
  accepts: (file) => /\.docx?$/i.test(file.name) || looksLikeDocx(file.bytes),
  parse: (file, options) => parseDocx(file.bytes, options),
};
