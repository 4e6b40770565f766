// Public API: turns a pasted or uploaded transcript or essay into a reviewable, structured result.
import { buildEssay, buildInterview } from './assemble';
import { dropCapsLabels, settleCapsLabels } from './caps-labels';
import { isTailMarker } from './chrome';
import { applyTextLabels, findTitle, knownNames, labelUses, noTurns, readBlocks, readTurns, type TurnReading } from './document';
import { drop, emptyDraft, resultOf, type Block, type Draft } from './draft';
import { BEFORE_BODY } from './essay';
import { ImportError } from './errors';
import { readFrontMatter } from './front-matter';
import { BEFORE_FIRST_TURN } from './interview';
import { assertReadableText, normalizeLine, splitRawLines } from './normalize';
import { splitParagraphs } from './paragraphs';
import { repeatedTextIndex } from './pull-quote';
import { mergeHints } from './speakers';
import { stripMarkup } from './text';
import type { ImportedSpeaker, ImportOptions, ImportResult } from './types';

export { ImportError } from './errors';
export type {
  ImportKind,
  ImportRole,
  SpeakerHint,
  ImportOptions,
  ImportedSpeaker,
  ImportedPassage,
  ImportedSection,
  SkippedBlock,
  ImportMeta,
  ImportResult,
  ImportProblem,
} from './types';

/** Parses the raw text; throws ImportError (and returns nothing) on input it cannot read. */
export function parseDocumentText(raw: string, options: ImportOptions = {}): ImportResult {
  const undecodable = assertReadableText(raw);
  checkOptions(options);
  const rawLines = splitRawLines(raw);
  const fm = readFrontMatter(rawLines);
  const { paragraphs, unwrapped } = splitParagraphs(rawLines.slice(fm.bodyStart).map(normalizeLine), fm.bodyStart + 1);
  if (paragraphs.length === 0) throw new ImportError('the text has no paragraphs: there is nothing after the front matter');

  const draft: Draft = emptyDraft('essay', { ...fm.meta }, fm.caption ?? null);
  if (options.title?.trim()) draft.meta.title = normalizeLine(options.title);
  if (options.subtitle?.trim()) draft.meta.subtitle = normalizeLine(options.subtitle);
  if (undecodable > 0) draft.notes.push(`${undecodable} characters could not be decoded (shown as �): check the file's encoding`);
  if (unwrapped.length > 0) draft.notes.push(`hard-wrapped lines were joined into paragraphs (starting at line ${unwrapped.join(', ')})`);

  const hints = mergeHints(fm.speakers, options.speakers);
  const blocks = readBlocks(paragraphs);
  applyTextLabels(blocks, options.textLabels ?? [], draft.notes);
  const uses = labelUses(blocks);
  let titleIndex: number | null = null;
  if (draft.meta.title === undefined) {
    const title = findTitle(blocks, uses, hints);
    if (title) {
      draft.meta.title = stripMarkup(title.text);
      titleIndex = title.index;
      draft.notes.push(`title taken from line ${title.line}`);
    } else draft.notes.push('no title found in the text: give one');
  }
  const known = knownNames(blocks, draft.meta.title, uses, hints);
  const forced = options.kind ?? fm.kind;
  if (forced === 'essay') dropCapsLabels(blocks);
  else settleCapsLabels(blocks, hints, known, titleIndex, draft);
  const turns: TurnReading = forced === 'essay' ? noTurns() : readTurns(blocks, hints, known, titleIndex);
  const turnCount = turns.ties.size + turns.untied.size;
  // One known turn and an unknown label is a conversation with a speaker nobody named, not an essay.
  const unnamedConversation = turns.ties.size >= 1 && turnCount + turns.unknown.size >= 2;
  draft.kind = forced ?? (turnCount >= 2 || unnamedConversation ? 'interview' : 'essay');
  if (!forced) {
    draft.notes.push(draft.kind === 'interview' ? `read as an interview: ${turnCount} speaker-labelled turns` : 'read as an essay: no speaker-labelled turns');
  }

  let speakers: ImportedSpeaker[];
  if (draft.kind === 'interview') speakers = buildInterview(draft, blocks, turns, hints, titleIndex);
  else speakers = buildEssay(draft, blocks, hints, known, titleIndex);

  dropTail(draft, blocks);
  settleHeaderPullQuotes(draft);
  if (draft.passages.length === 0 && draft.problems.length === 0) {
    throw new ImportError('no paragraphs are left once site chrome, captions and bios are set aside: nothing to import');
  }
  return resultOf(draft, speakers);
}

function checkOptions(options: ImportOptions): void {
  if (options.kind !== undefined && options.kind !== 'interview' && options.kind !== 'essay') {
    throw new ImportError(`kind must be "interview" or "essay" (got ${JSON.stringify(options.kind)})`);
  }
  if (options.speakers !== undefined && !Array.isArray(options.speakers)) {
    throw new ImportError('speakers must be a list of { name, labels?, role? }');
  }
  if (options.textLabels !== undefined && (!Array.isArray(options.textLabels) || options.textLabels.some((l) => typeof l !== 'string'))) {
    throw new ImportError('labels marked as text must be a list of labels');
  }
}

/** The navigation tail goes as a whole: its markers and the link text after them. */
function dropTail(draft: Draft, blocks: Block[]): void {
  let marker = '';
  for (const block of blocks) {
    if (!block.tail) continue;
    if (isTailMarker(block.text)) {
      marker = block.text;
      drop(draft, block, 'navigation');
    } else drop(draft, block, `navigation (after "${marker}")`);
  }
}

/**
 * A header paragraph that repeats body text is a pull quote placed above the body: neither
 * unplaceable nor a summary or subtitle.
 */
function settleHeaderPullQuotes(draft: Draft): void {
  const texts = draft.passages.map((p) => p.text);
  for (const { key, block, note } of draft.derived) {
    const repeats = repeatedTextIndex(block.text, texts);
    if (repeats === null) continue;
    delete draft.meta[key];
    draft.notes = draft.notes.filter((n) => n !== note);
    draft.dropped.push({ text: block.text, line: block.line, reason: `pull quote repeating passage ${repeats + 1}` });
  }
  draft.unplaced = draft.unplaced.filter((block) => {
    if (block.reason !== BEFORE_FIRST_TURN && block.reason !== BEFORE_BODY) return true;
    const repeats = repeatedTextIndex(block.text, texts);
    if (repeats === null) return true;
    draft.dropped.push({ ...block, reason: `pull quote repeating passage ${repeats + 1}` });
    return false;
  });
}
