// OHMS XML (the Nunn Center's Oral History Metadata Synchronizer, as Aviary and the archive's own
// export write it): the record's metadata, the transcript read by the text importer's label rules
// (OHMS turns start "NAME:"), passage times from OHMS 5.x's minute <sync> markers or OHMS 6's WebVTT
// transcript, and the index points as the table of contents.
import { parseDocumentText } from '../index';
import { ImportError } from '../errors';
import { splitRawLines } from '../normalize';
import type { ImportOptions, ImportResult } from '../types';
import { essayReading } from './ohms-essay';
import { indexSections } from './ohms-index';
import { recordingAddress, recordMeta, speakerHints } from './ohms-meta';
import { readOhmsRecord, type OhmsRecord } from './ohms-record';
import { durationMs, readSync, timePassages } from './ohms-sync';
import { parseOhmsVtt } from './ohms-vtt';
import type { TranscriptFile, TranscriptFormat } from './types';

/** Reads an OHMS XML file; throws ImportError with a clear message on one it cannot read. */
export function parseOhms(raw: string, options: ImportOptions = {}): ImportResult {
  const record = readOhmsRecord(raw);
  const textOptions: ImportOptions = {
    ...options,
    title: options.title?.trim() ? options.title : record.title || undefined,
    // The people the record names, with their roles; the editor's own hints come after and win.
    speakers: [...speakerHints(record), ...(options.speakers ?? [])],
  };
  const notes: string[] = [];
  const transcriptKind = record.vttTranscript.trim() !== '' ? 'a WebVTT transcript' : 'a plain transcript';
  notes.push(`read as an OHMS${record.version ? ` ${record.version}` : ''} record with ${transcriptKind}`);
  let result: ImportResult;
  if (record.vttTranscript.trim() !== '') {
    result = parseOhmsVtt(record.vttTranscript, textOptions, durationMs(record.duration), notes);
  } else if (record.transcript.trim() !== '') {
    result = legacyTranscript(record, textOptions, notes);
  } else {
    throw new ImportError(
      'the OHMS record has no transcript: neither <transcript> nor <vtt_transcript> holds any text, and an index alone is no document to import',
    );
  }
  footnoteNotes(record, notes);
  if (record.hasTranslation) notes.push("the OHMS record's translation (transcript_alt) was not imported: only the main transcript");
  const recordingUrl = recordingAddress(record, notes);
  const sections = indexSections(record.index, result.passages, notes);
  return {
    ...result,
    meta: recordMeta(record, result.meta, notes),
    notes: [...new Set([notes[0]!, ...result.notes, ...notes.slice(1)])],
    sections,
    recordingUrl,
  };
}

/** OHMS 5.x and earlier: a plain transcript, timed by the minute markers of <sync> when it has them. */
function legacyTranscript(record: OhmsRecord, options: ImportOptions, notes: string[]): ImportResult {
  const essay = essayReading(record, options);
  let result: ImportResult;
  try {
    result = parseDocumentText(essay?.transcript ?? record.transcript, essay?.options ?? options);
  } catch (error) {
    // Its line numbers count the transcript's lines, as <sync> does, not the XML file's.
    if (error instanceof ImportError) throw new ImportError(`in the OHMS <transcript>, ${error.message}`, error.line);
    throw error;
  }
  if (essay)
    notes.push(
      `read as an essay, as the OHMS record's type says${essay.author ? `: the label "${essay.author}:" taken off its paragraphs, and ${essay.author} given as the author` : ''}`,
    );
  if (record.sync === '') {
    notes.push('the OHMS record has no sync data: the passages carry no recording times');
    return result;
  }
  // The same line split the text importer numbers its passages by, so line numbers agree.
  const lines = splitRawLines(record.transcript);
  timePassages(result.passages, lines, readSync(record.sync, lines), durationMs(record.duration));
  notes.push("passage times are estimated from OHMS's minute markers (within a few seconds as a rule): check them against the recording");
  return result;
}

/**
 * OHMS footnotes are not passages: 5.x writes "[[footnote]]1[[/footnote]]" in the text and the notes
 * in a closing "[[footnotes]]" block, which stay in the text as written; 6 writes them as annotations
 * in a NOTE block of the WebVTT, which the captions reader passes over. Either way the editor is told.
 */
function footnoteNotes(record: OhmsRecord, notes: string[]): void {
  if (record.vttTranscript.trim() !== '') {
    const count = record.vttTranscript.match(/<annotation\b/gi)?.length ?? 0;
    if (count > 0) notes.push(`the WebVTT transcript's ${count} annotation(s) (OHMS footnotes) were not imported: add them by hand`);
  } else if (/\[\[\/?footnotes?\]\]/.test(record.transcript)) {
    notes.push('the transcript has OHMS footnotes ([[footnote]] marks and a [[footnotes]] block): they are kept in the text as written; move them by hand');
  }
}

const XML_SIGNATURE = /^\uFEFF?\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:[\w-]+:)?ROOT[\s>]/;

export const ohmsFormat: TranscriptFormat = {
  label: 'OHMS XML',
  extensions: ['.xml'],
  // Any .xml file, so that XML which is not OHMS gets this reader's clear refusal; and an OHMS
  // record under another name, by its <ROOT> start.
  accepts(file: TranscriptFile): boolean {
    if (file.name.toLowerCase().endsWith('.xml')) return true;
    return XML_SIGNATURE.test(new TextDecoder('utf-8').decode(file.bytes.subarray(0, 4096)));
  },
  parse(file: TranscriptFile, options: ImportOptions): ImportResult {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(file.bytes);
    } catch {
      throw new ImportError('the OHMS file is not UTF-8 text: save it as UTF-8 (OHMS itself writes UTF-8)');
    }
    return parseOhms(text, options);
  },
};
