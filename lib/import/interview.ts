// Builds an interview's passages: header, then labelled turns with their unlabelled follow-on paragraphs.
import { closingBioRun, placeClosingBios } from './bio';
import { deriveMeta, drop, flagUnknownLabel, followsUnknownLabel, leaveUnplaced, setAsideNonText, type Block, type Draft } from './draft';
import { applyHeaderMark, classifyHeader, isDek } from './header';
import { createRepeatIndex } from './pull-quote';
import { assignRoles } from './roles';
import type { Tie } from './speakers';
import type { ImportRole } from './types';

export interface InterviewInput {
  blocks: Block[];
  /** Accepted turns: block index → who speaks. */
  ties: Map<number, Tie>;
  /** Paragraphs starting with an unknown label: block index → why it is not known. */
  unknown: Map<number, string>;
  titleIndex: number | null;
  /** Every speaker name known (tied or given), for closing bios. */
  speakers: string[];
  givenRoles: Map<string, ImportRole>;
}

interface OpenTurn {
  speaker: string;
  block: Block;
  paragraphs: string[];
}

export const BEFORE_FIRST_TURN = 'unlabelled paragraph before the first turn';

/** Fills draft.passages; returns each speaker's role. */
export function assembleInterview(draft: Draft, input: InterviewInput): Map<string, ImportRole> {
  const { blocks, ties, unknown } = input;
  const firstTurn = blocks.findIndex((b) => ties.has(b.index));
  // The last unknown label seen: what follows it, up to the next known turn, is nobody's yet.
  let orphan: Block | null = null;

  for (const block of blocks.slice(0, firstTurn)) {
    if (block.tail) continue;
    const why = unknown.get(block.index);
    if (why !== undefined) {
      flagUnknownLabel(draft, block, why);
      orphan = block;
      continue;
    }
    const mark = classifyHeader(block, draft, input.titleIndex);
    if (mark) applyHeaderMark(draft, block, mark);
    else if (orphan) followsUnknownLabel(draft, block, orphan);
    else if (draft.meta.summary === undefined && isDek(block.text)) {
      deriveMeta(draft, 'summary', block, `summary taken from the standfirst at line ${block.line}`);
    } else leaveUnplaced(draft, block, BEFORE_FIRST_TURN);
  }

  const bios = placeClosingBios(
    draft,
    closingBioRun(blocks, (b) => ties.has(b.index)),
    input.speakers,
  );
  // The open turn is passage number draft.passages.length until it closes.
  const seen = createRepeatIndex();
  let open: OpenTurn | null = null;
  orphan = null;
  const close = () => {
    if (!open) return;
    if (open.paragraphs.length === 0) leaveUnplaced(draft, open.block, 'speaker label with no text');
    else {
      draft.passages.push({ kind: 'answer', speaker: open.speaker, text: open.paragraphs.join('\n\n'), answers: null, line: open.block.line });
    }
    open = null;
  };

  for (const block of blocks.slice(firstTurn)) {
    if (block.tail || bios.has(block.index)) continue;
    const tie = ties.get(block.index);
    if (tie && block.label) {
      close();
      orphan = null;
      open = { speaker: tie.name, block, paragraphs: block.label.rest ? [block.label.rest] : [] };
      if (block.label.rest) seen.add(draft.passages.length, block.label.rest);
      continue;
    }
    const why = unknown.get(block.index);
    if (why !== undefined) {
      // Never fold these words into the answer before them: they may be anyone's.
      close();
      flagUnknownLabel(draft, block, why);
      orphan = block;
      continue;
    }
    if (setAsideNonText(draft, block)) continue;
    if (orphan) {
      followsUnknownLabel(draft, block, orphan);
      continue;
    }
    const current = open as OpenTurn | null;
    // The text under a label standing alone is the turn itself, whatever it repeats.
    const repeats = current && current.paragraphs.length === 0 ? null : seen.find(block.text);
    if (repeats !== null) drop(draft, block, `pull quote repeating passage ${repeats + 1}`);
    else if (current) {
      current.paragraphs.push(block.text);
      seen.add(draft.passages.length, block.text);
    }
  }
  close();
  return settleTurns(draft, input.givenRoles);
}

/** Questions are the interviewer's turns; each answer points at the latest question before it. */
function settleTurns(draft: Draft, givenRoles: Map<string, ImportRole>): Map<string, ImportRole> {
  const speakers = [...new Set(draft.passages.map((p) => p.speaker ?? ''))];
  const turns = draft.passages.map((p) => ({ speaker: p.speaker ?? '', text: p.text }));
  const roles = assignRoles(speakers, givenRoles, turns, draft.notes);
  let lastQuestion: number | null = null;
  draft.passages.forEach((passage, i) => {
    if (roles.get(passage.speaker ?? '') === 'interviewer') {
      passage.kind = 'question';
      lastQuestion = i;
      return;
    }
    passage.answers = lastQuestion;
    if (lastQuestion === null) draft.notes.push(`the answer at line ${passage.line} comes before any question`);
  });
  return roles;
}
