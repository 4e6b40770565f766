// Opens a .docx with mammoth and hands back its document tree (paragraphs, runs, tables, notes), not HTML.
import mammoth from 'mammoth';
import { ImportError } from '../errors';

/** The parts of mammoth's document tree the importer reads (see mammoth's lib/documents.js). */
export interface DocxElement {
  type: string;
  children?: DocxElement[];
  /** text */
  value?: string;
  /** paragraph, run */
  styleName?: string | null;
  styleId?: string | null;
  /** run */
  isBold?: boolean;
  isAllCaps?: boolean;
  /** break: "line", "page" or "column" */
  breakType?: string;
  /** image */
  altText?: string;
  /** noteReference, note */
  noteType?: string;
  noteId?: string;
  /** note, comment */
  body?: DocxElement[];
}

export interface DocxTree extends DocxElement {
  notes?: { resolve(reference: DocxElement): DocxElement | null };
  comments?: DocxElement[];
}

export interface DocxReading {
  tree: DocxTree;
  /** What mammoth could not read, for the editor's notes. */
  warnings: string[];
}

/** Reads the document; throws ImportError with a clear message on a damaged file or a zip that is not Word's. */
export async function readDocxTree(bytes: Uint8Array): Promise<DocxReading> {
  let tree: DocxTree | null = null;
  let messages: { type: string; message: string }[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // Never follow a link to a file outside the document (mammoth's default, said out loud).
        externalFileAccess: false,
        // The tree is all the importer needs; mammoth gets an empty body back, so it makes no HTML
        // and never decodes an image.
        transformDocument: (document: DocxTree) => {
          tree = document;
          return { ...document, children: [] };
        },
      },
    );
    messages = result.messages;
  } catch (error) {
    throw new ImportError(`the file could not be read as a Word document (.docx): ${reasonOf(error)}`);
  }
  if (tree === null) throw new ImportError('the file could not be read as a Word document (.docx): it has no document body');
  const warnings = messages.filter((m) => m.type === 'warning').map((m) => `Word file: ${m.message}`);
  return { tree, warnings: [...new Set(warnings)].slice(0, 10) };
}

function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/main document part/i.test(message)) return 'it is a zip archive, but holds no Word document (no word/document.xml)';
  if (/zip|central directory|end of data|corrupt|compression|invalid (?:code|distance|block|stored)/i.test(message)) {
    return 'the file is damaged (its zip archive cannot be opened)';
  }
  return `its contents are damaged (${message.split('\n')[0]?.slice(0, 160)})`;
}
