// Tells a Word document (.docx) from the files people mistake for one, before anything tries to unzip it.
import { ImportError } from '../errors';

const ZIP = [0x50, 0x4b, 0x03, 0x04];
// The compound-file container of Word 97–2003 (.doc) and of password-protected Office documents.
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const MAIN_PART = 'word/document.xml';

function startsWith(bytes: Uint8Array, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}

function startsWithText(bytes: Uint8Array, text: string): boolean {
  return startsWith(
    bytes,
    [...text].map((c) => c.charCodeAt(0)),
  );
}

/** A zip archive naming Word's main part: a .docx whatever the file is called. */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  if (!startsWith(bytes, ZIP)) return false;
  // Part names are stored as plain ASCII in the zip's headers.
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(MAIN_PART, 0, 'latin1');
}

export function isCompoundFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, COMPOUND_FILE);
}

/** Throws ImportError, saying what the file is instead, unless it starts the way every .docx does. */
export function assertDocxSignature(bytes: Uint8Array): void {
  if (bytes.length === 0) throw new ImportError('the file is empty: there is nothing to import');
  if (startsWith(bytes, ZIP)) return;
  if (isCompoundFile(bytes)) {
    throw new ImportError(
      'this is an older Word document (.doc) or a password-protected one, not a .docx: open it in Word or LibreOffice, save it as "Word Document (.docx)" without a password, and import that file',
    );
  }
  if (startsWithText(bytes, '{\\rtf'))
    throw new ImportError('this is a Rich Text (.rtf) file, not a .docx: save it as "Word Document (.docx)" and import that file');
  if (startsWithText(bytes, '%PDF')) throw new ImportError('this is a PDF, not a Word document: import the transcript as a .docx or as text');
  throw new ImportError('this is not a Word document (.docx): a .docx is a zip archive, and this file does not start like one');
}
