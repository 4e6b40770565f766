// Public shapes of the importer: what callers pass in and what a parsed document comes back as.
import type { ImportableKind, PassageKind } from '@/lib/vocabulary';

export type ImportKind = ImportableKind;
export type ImportRole = 'interviewer' | 'interviewee' | 'author';

export interface SpeakerHint {
  name: string;
  labels?: string[];
  role?: ImportRole;
}

export interface ImportOptions {
  /** Forced kind; otherwise from front matter, else detected (labelled turns → interview, else essay). */
  kind?: ImportKind;
  /** Known title/subtitle: paragraphs repeating them are dropped as chrome. */
  title?: string;
  subtitle?: string;
  /** Known speakers and the labels they go by ("JK", "Jeff Kim", "Q"). */
  speakers?: SpeakerHint[];
  /** Labels the editor marked as text: a paragraph starting with one is never a turn ("Korea: …"). */
  textLabels?: string[];
}

export interface ImportedSpeaker {
  name: string;
  labels: string[];
  role: ImportRole;
  bio: string | null;
}

export interface ImportedPassage {
  kind: PassageKind;
  /** Speaker NAME (matches ImportedSpeaker.name); essays: the author, or null when none is known. */
  speaker: string | null;
  /** Paragraphs joined by "\n\n". */
  text: string;
  /** For an answer: index (into passages) of the question it answers, else null. */
  answers: number | null;
  /** 1-based line in the raw input where it starts. */
  line: number;
  /** Where it is spoken in the recording (milliseconds), when the format carries time (captions, OHMS). */
  startMs?: number | null;
  endMs?: number | null;
}

/** An entry of the table of contents a format brings (OHMS index points). */
export interface ImportedSection {
  title: string;
  synopsis: string | null;
  /** Keywords given with it: suggested topics for the editor, never applied unseen. */
  keywords: string[];
  /** Index (into passages) of the passage it starts at. */
  passage: number;
}

/** A block left out of the passages; `reason` is for people ("byline", "pull quote repeating passage 2"). */
export interface SkippedBlock {
  text: string;
  line: number;
  reason: string;
}

/**
 * A paragraph that starts like a speaker's turn ("XY:", "Maria Lopez:") with a label that is neither
 * given nor tied to a speaker. It blocks saving: its words could belong to anyone, so they go to no
 * speaker until the editor maps the label to a speaker or marks it as text.
 */
export interface ImportProblem {
  line: number;
  /** The label as written, without bold marks or colon. */
  label: string;
  /** The start of the text after the label. */
  text: string;
  message: string;
}

export interface ImportMeta {
  title?: string;
  subtitle?: string;
  summary?: string;
  date?: string;
  publisher?: string;
  sourceUrl?: string;
  language?: string;
  [key: string]: unknown;
}

export interface ImportResult {
  kind: ImportKind;
  meta: ImportMeta;
  caption: string | null;
  speakers: ImportedSpeaker[];
  passages: ImportedPassage[];
  /** Site chrome and pull quotes, with the reason. */
  dropped: SkippedBlock[];
  /** What could not be placed; reported so that nothing is silently guessed. */
  unplaced: SkippedBlock[];
  /** Inferences an editor should check. */
  notes: string[];
  /** What must be resolved before the result may be saved; empty when it may be. */
  problems: ImportProblem[];
  /** A table of contents, when the format carries one (OHMS index points). */
  sections?: ImportedSection[];
  /** The recording's address, when the file names one (OHMS media URL); http(s) only. */
  recordingUrl?: string | null;
}
