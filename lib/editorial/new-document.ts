// New documents: the one way a document enters the archive, whoever brings it (the back office's
// form and import, the command-line import, the seed, the tests' factories). A document and the new
// speakers it names are written in one IMMEDIATE transaction, each with its revision and audit entry.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import type { DocumentStatus } from '@/lib/vocabulary';
import { createDocumentSchema, type CreateDocumentInput, type CreateSpeakerInput } from '@/lib/validation/editorial';
import { quoted } from './audit';
import { parseInput, ValidationError } from './errors';
import { runWrite, type EditOptions, type EditResult } from './history';
import { insertEntryRow, recordCreated } from './new-entry';
import { fieldColumns } from './document-columns';
import { documentPaths } from './paths';
import { matchSpeaker } from './speaker-match';
import { checkNewSpeaker, insertSpeaker } from './speakers';
import { ensureSystemEditor } from './system-editor';
import { arrangePassages, documentSlugTaken, insertPassage, requireSpeaker, requireTopics, setParticipants, setPassageTopics } from './store';
import { insertSections } from './sections';
import type { WriteDb } from '@/lib/db';

export type CheckedDocument = ReturnType<typeof checkNewDocument>;

/** A new document's checked input, or why it is refused; nothing is written. */
export function checkNewDocument(input: unknown) {
  const data = parseInput(createDocumentSchema, input);
  data.sections.forEach((section, index) => {
    if (section.passageIndex >= data.passages.length) {
      throw new ValidationError('A section starts at no passage.', { sections: [`section ${index + 1} must start at one of the passages`] });
    }
  });
  data.passages.forEach((passage, index) => {
    if (passage.questionIndex === null) return;
    const question = data.passages[passage.questionIndex];
    if (passage.kind !== 'answer' || passage.questionIndex >= index || question?.kind !== 'question') {
      throw new ValidationError('A passage answers no earlier question.', {
        passages: [`passage ${index + 1} must be an answer to an earlier question`],
      });
    }
  });
  return data;
}

export interface NewDocumentOptions extends EditOptions {
  /** 'published' makes it public at once (the seed, `npm run import -- --publish`); a draft otherwise. */
  status?: DocumentStatus;
}

/** Writes a checked new document, its revision and its audit entry inside the caller's transaction. */
export function insertDocument(db: WriteDb, editor: Editor, data: CheckedDocument, options?: NewDocumentOptions): EditResult & { slug: string } {
  const status = options?.status ?? 'draft';
  if (documentSlugTaken(db, data.slug, null)) {
    throw new ValidationError('The address is taken.', { slug: ['is taken by another document'] });
  }
  for (const p of data.passages) requireSpeaker(db, p.speakerId, 'passages');
  requireTopics(db, [...new Set(data.passages.flatMap((p) => p.topicIds))], 'passages');
  const recording = { recordingUrl: data.recordingUrl, recordingFile: data.recordingFile, recordingType: data.recordingType };
  if (recording.recordingUrl !== null && recording.recordingFile !== null) {
    throw new ValidationError('A recording is an address or a stored file, not both.', { recordingUrl: ['must be empty when a file is stored'] });
  }
  if ((recording.recordingFile === null) !== (recording.recordingType === null) && recording.recordingUrl === null) {
    throw new ValidationError('A stored recording needs its name and its type.', {
      [recording.recordingFile === null ? 'recordingFile' : 'recordingType']: ['a stored file needs its name and its type'],
    });
  }
  const id = insertEntryRow(db, 'document', { ...fieldColumns(data), ...recording, status });
  setParticipants(db, id, data.participants);
  const ids: number[] = [];
  data.passages.forEach((p, index) => {
    const passageId = insertPassage(db, {
      documentId: id,
      anchor: index + 1,
      kind: p.kind,
      speakerId: p.speakerId,
      text: p.text,
      questionId: p.questionIndex === null ? null : ids[p.questionIndex],
      startMs: p.startMs,
      endMs: p.endMs,
      temporaryPosition: -(index + 1),
    });
    setPassageTopics(db, passageId, p.topicIds);
    ids.push(passageId);
  });
  arrangePassages(db, id, ids);
  insertSections(db, id, data.sections);
  const what = status === 'published' ? 'published document' : 'draft';
  return recordCreated(db, editor, {
    entityType: 'document',
    id,
    slug: data.slug,
    message: data.message,
    summary: `Created the ${what} ${quoted(data.title)} (${data.slug}) with ${ids.length} passages`,
    ip: options?.ip,
    paths: (snapshot) => documentPaths(null, snapshot),
  });
}

/** Creates a draft, with passages if given (anchors 1…n). Its version 1 is recorded as a revision. */
export async function createDocument(editor: Editor, input: unknown, options?: NewDocumentOptions): Promise<EditResult & { slug: string }> {
  const data = checkNewDocument(input);
  return runWrite(options, (db) => insertDocument(db, editor, data, options));
}

/**
 * A speaker a new document brings. With `match`, the archive's speaker of the same address or name
 * is taken instead of creating one (its empty bio filled, its new aliases added, as a change of that
 * speaker): the command-line import and the seed name speakers, the back office's import picks them.
 */
export type NewDocumentSpeaker = CreateSpeakerInput & { match?: boolean };

export interface DocumentWithSpeakers {
  speakers: NewDocumentSpeaker[];
  /** Builds the document from the speakers' ids, in the order given. */
  document: (speakerIds: number[]) => CreateDocumentInput;
}

export type DocumentWithSpeakersResult = EditResult & { slug: string; speakers: (EditResult & { slug: string })[] };

/** The work of createDocumentWithSpeakers inside the caller's transaction (the seed writes several at once). */
export function writeDocumentWithSpeakers(db: WriteDb, editor: Editor, input: DocumentWithSpeakers, options?: NewDocumentOptions): DocumentWithSpeakersResult {
  const checked = input.speakers.map((speaker) => ({ match: speaker.match === true, checked: checkNewSpeaker(speaker) }));
  const speakers = checked.map(({ match, checked }) => (match && matchSpeaker(db, editor, checked, options)) || insertSpeaker(db, editor, checked, options));
  const data = checkNewDocument(input.document(speakers.map((s) => s.id)));
  const document = insertDocument(db, editor, data, options);
  return { ...document, paths: [...new Set([...document.paths, ...speakers.flatMap((s) => s.paths)])].sort(), speakers };
}

/**
 * Creates new speakers and a document that names them as one transaction, each with its revision and
 * audit entry, as an import needs. If anything is refused, a speaker's address taken or a passage of
 * the document, nothing is written: no speaker is left behind without the document that brought it.
 */
export async function createDocumentWithSpeakers(
  editor: Editor,
  input: DocumentWithSpeakers,
  options?: NewDocumentOptions,
): Promise<DocumentWithSpeakersResult> {
  return runWrite(options, (db) => writeDocumentWithSpeakers(db, editor, input, options));
}

/**
 * createDocumentWithSpeakers as the system editor (lib/editorial/system-editor.ts), made on first use
 * in the same transaction: for the command-line import and the tests' factories, which act for no
 * signed-in editor.
 */
export function createDocumentAsSystem(input: DocumentWithSpeakers, options?: NewDocumentOptions): DocumentWithSpeakersResult {
  return runWrite(options, (db) => writeDocumentWithSpeakers(db, ensureSystemEditor(db), input, options));
}
