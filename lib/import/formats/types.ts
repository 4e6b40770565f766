// One shape for every transcript format the importer reads (plain text, WebVTT, SRT, OHMS XML,
// DOCX): how it is recognised from the uploaded file, and how it becomes the importer's result.
import type { ImportOptions, ImportResult } from '../types';

export interface TranscriptFile {
  /** The file's name as uploaded ("interview.vtt"); "" for pasted text. */
  name: string;
  bytes: Uint8Array;
}

export interface TranscriptFormat {
  /** Shown to editors: "WebVTT captions". */
  label: string;
  /** File name endings it takes, for the upload field's accept list (".vtt"). */
  extensions: string[];
  /** Whether this file is in this format (by its ending and, where a format has one, its signature). */
  accepts(file: TranscriptFile): boolean;
  /** Reads it; throws ImportError with a clear message on a file it cannot read, and writes nothing. */
  parse(file: TranscriptFile, options: ImportOptions): ImportResult | Promise<ImportResult>;
}
