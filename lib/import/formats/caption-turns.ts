// Captions into speaker turns, with the text importer's own rules for who speaks: a cue line's
// speaker is its WebVTT voice, else a "NAME:" label at its start, tied (or not) to a speaker exactly
// as in a pasted transcript (readTurns, buildInterview): given hints and labels marked as text apply,
// and an unknown label is a problem that blocks the save. A line with neither continues the turn
// before it, as captions split one turn over many cues; consecutive lines of one speaker are merged.
import { buildInterview } from '../assemble';
import { applyTextLabels, readTurns, type TurnReading } from '../document';
import type { Block, Draft } from '../draft';
import { ImportError } from '../errors';
import { parseLabel, roleOfLabel, type LabelMatch } from '../labels';
import { tieLabel, type Tie } from '../speakers';
import type { ImportResult, SpeakerHint } from '../types';
import type { Cue } from './caption-cues';

/** A cue line with its cue's times and, when it starts a turn, the label or voice it starts with. */
interface Segment {
  text: string;
  line: number;
  startMs: number;
  endMs: number;
  block: Block | null;
  voice: boolean;
  /** A dialogue dash with no name in a cue of several dashes: someone else speaks, nobody says who. */
  unnamedChange: boolean;
}

type GroupKind = 'tie' | 'untied' | 'unknown' | 'unnamed';

interface Group {
  kind: GroupKind;
  head: Segment;
  tie?: Tie;
  why?: string;
  segments: Segment[];
}

const blockOf = (text: string, line: number, label: LabelMatch): Block => ({ text, line, index: 0, headerChrome: null, bodyChrome: null, label, tail: false });

function segmentsOf(cues: Cue[]): Segment[] {
  return cues.flatMap((cue) => {
    const dashes = cue.lines.filter((l) => l.dash).length;
    return cue.lines.map((l) => {
      const label: LabelMatch | null = l.voice ? { label: l.voice, rest: l.text } : parseLabel(l.text);
      // Dashes mark a change of speaker: with two or more in a cue, an unnamed dash line's speaker is
      // unknown, the first one's too (it may be the turn before going on, or someone else answering).
      const unnamedChange = !label && l.dash && dashes >= 2;
      return {
        text: l.text,
        line: l.line,
        startMs: cue.startMs,
        endMs: cue.endMs,
        block: label ? blockOf(l.text, l.line, label) : null,
        voice: l.voice !== null,
        unnamedChange,
      };
    });
  });
}

/** Who each labelled segment is, by the text importer's rules; a voice tag is a declared speaker, never prose. */
function readSpeakers(segments: Segment[], hints: SpeakerHint[], textLabels: string[], notes: string[]): Map<Block, Omit<Group, 'head' | 'segments'>> {
  const labelled = segments.flatMap((s) => (s.block && !s.voice ? [s.block] : []));
  applyTextLabels(labelled, textLabels, notes);
  const blocks = segments.flatMap((s) => (s.block?.label ? [s.block] : []));
  blocks.forEach((b, i) => (b.index = i));
  const reading = readTurns(blocks, hints, [], null);
  const voiced = new Set(segments.filter((s) => s.voice).map((s) => s.block));
  const out = new Map<Block, Omit<Group, 'head' | 'segments'>>();
  for (const block of blocks) {
    const tie = voiced.has(block) ? voiceTie(block.label!.label, hints) : reading.ties.get(block.index);
    const untied = reading.untied.get(block.index);
    const why = reading.unknown.get(block.index);
    if (tie) out.set(block, { kind: 'tie', tie });
    else if (untied !== undefined) out.set(block, { kind: 'untied', why: untied });
    else if (why !== undefined) out.set(block, { kind: 'unknown', why });
  }
  return out;
}

/**
 * A voice tag names its speaker by the format's own markup, so it is never prose: tied like a label
 * when it can be (a hint, a role), else the voice's name is the speaker's. Only a generic voice ("Q")
 * with no one given in that role stays untied, as a "Q:" label would.
 */
function voiceTie(voice: string, hints: SpeakerHint[]): Tie | null {
  const outcome = tieLabel(voice, hints, []);
  if (!('error' in outcome)) return outcome;
  if (roleOfLabel(voice)) return null;
  return { name: voice, note: `speaker "${voice}" named after the WebVTT voice tag: give the full name if it is not one`, strong: false };
}

function groupTurns(segments: Segment[], speakers: Map<Block, Omit<Group, 'head' | 'segments'>>, draft: Draft): Group[] {
  const groups: Group[] = [];
  let open: Group | null = null;
  for (const segment of segments) {
    const who = segment.block?.label ? speakers.get(segment.block) : undefined;
    if (who) {
      if (who.kind === 'tie' && open?.kind === 'tie' && open.tie?.name === who.tie?.name) open.segments.push(segment);
      else groups.push((open = { ...who, head: segment, segments: [segment] }));
    } else if (segment.unnamedChange) {
      groups.push((open = { kind: 'unnamed', head: segment, segments: [segment] }));
    } else if (open) open.segments.push(segment);
    else draft.unplaced.push({ text: segment.text, line: segment.line, reason: 'cue text before any speaker is named' });
  }
  return groups;
}

const restOf = (segment: Segment) => (segment.block?.label ? segment.block.label.rest : segment.text);

/** Fills the draft's passages (each with its first cue's start and last cue's end) and returns its speakers. */
export function assembleCaptionTurns(draft: Draft, cues: Cue[], hints: SpeakerHint[], textLabels: string[]): ImportResult['speakers'] {
  const segments = segmentsOf(cues);
  const groups = groupTurns(segments, readSpeakers(segments, hints, textLabels, draft.notes), draft);
  const turns: Block[] = [];
  const reading: TurnReading = { ties: new Map(), untied: new Map(), unknown: new Map() };
  const times = new Map<number, { startMs: number; endMs: number }>();
  for (const group of groups) {
    const words = group.segments.map(restOf).filter(Boolean).join(' ');
    if (group.kind === 'unnamed') {
      const reason = `a change of speaker (dialogue dash at line ${group.head.line}) with no name: give the cue a voice or a label`;
      draft.unplaced.push({ text: group.segments.map((s) => s.text).join(' '), line: group.head.line, reason });
      continue;
    }
    const label = group.head.block!.label!.label;
    const index = turns.length;
    turns.push({ ...blockOf(`${label}: ${words}`, group.head.line, { label, rest: words }), index });
    if (group.kind === 'tie') reading.ties.set(index, group.tie!);
    else if (group.kind === 'untied') reading.untied.set(index, group.why!);
    else reading.unknown.set(index, group.why!);
    times.set(group.head.line, { startMs: group.head.startMs, endMs: group.segments[group.segments.length - 1]!.endMs });
  }
  if (turns.length === 0) {
    throw new ImportError(
      'no cue names its speaker: give each turn a WebVTT voice (<v Jeff Kim>) or a label at the start of its first cue ("JEFF KIM: …"), or name the speakers',
    );
  }
  const speakers = buildInterview(draft, turns, reading, hints, null);
  for (const passage of draft.passages) Object.assign(passage, times.get(passage.line));
  return speakers;
}
