// Comparing two versions of an entry: which fields, participants, aliases and passages changed, and
// how, word by word (a readable diff made with jsdiff). Pure: no database.
import { diffArrays } from 'diff';
import { wordDiff, type DiffPart } from './word-diff';
import type { RevisionRecord } from './revisions';
import { EditorialError } from './errors';
import { formatSpan } from '@/lib/time/clock';
import type {
  DocumentSnapshot,
  EntityType,
  ParticipantSnapshot,
  PassageSnapshot,
  SectionSnapshot,
  Snapshot,
  SpeakerSnapshot,
  TopicSnapshot,
} from './snapshots';
export type { DiffPart } from './word-diff';

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  /** Word-level diff, for text fields. */
  parts: DiffPart[] | null;
}

export interface PassageChange {
  anchor: number;
  change: 'added' | 'removed' | 'changed' | 'moved';
  before: PassageSnapshot | null;
  after: PassageSnapshot | null;
  /** Position in reading order, 1-based. */
  position: { before: number | null; after: number | null };
  /** Word-level diff of the text: all added for a new passage, all removed for a removed one. */
  text: DiffPart[] | null;
  /** Kind, speaker and question changes. */
  fields: FieldChange[];
  topics: { added: string[]; removed: string[] };
  /** Its place among the passages both versions share changed. */
  moved: boolean;
}

export interface RevisionDiff {
  entityType: EntityType;
  id: number;
  fromVersion: number;
  toVersion: number;
  fields: FieldChange[];
  participants: { added: ParticipantSnapshot[]; removed: ParticipantSnapshot[] } | null;
  aliases: { added: string[]; removed: string[] } | null;
  /** Only the passages that changed, in the newer version's reading order, removed ones where they were. */
  passages: PassageChange[];
  counts: { added: number; removed: number; changed: number; moved: number; unchanged: number };
}

function textParts(before: string | null, after: string | null): DiffPart[] {
  return wordDiff(before ?? '', after ?? '');
}

function fieldChange(field: string, before: unknown, after: unknown, isText: boolean): FieldChange | null {
  if (JSON.stringify(before) === JSON.stringify(after)) return null;
  const text = isText && (typeof before === 'string' || before === null) && (typeof after === 'string' || after === null);
  return { field, before, after, parts: text ? textParts(before as string | null, after as string | null) : null };
}

/** Items of a list (topics, aliases, participants) added and removed; order is not a change here. */
function listChange<T>(before: T[], after: T[], key: (item: T) => string) {
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return { added: after.filter((item) => !beforeKeys.has(key(item))), removed: before.filter((item) => !afterKeys.has(key(item))) };
}

const DOCUMENT_FIELDS = [
  'slug',
  'kind',
  'title',
  'subtitle',
  'summary',
  'publisher',
  'sourceUrl',
  'date',
  'language',
  'caption',
  'status',
  'deletedAt',
  'recordingUrl',
  'recordingFile',
  'recordingType',
] as const;
const DOCUMENT_TEXT_FIELDS = new Set(['title', 'subtitle', 'summary', 'publisher', 'caption']);
const SPEAKER_FIELDS = ['name', 'slug', 'bio', 'bioSource'] as const;
const TOPIC_FIELDS = ['name', 'slug', 'description', 'parentSlug'] as const;
const PROSE = new Set(['name', 'bio', 'bioSource', 'description']);

/** A passage's place in the recording as one readable value (`1:05–1:10.500`), so a change of either end shows as one change. */
const timeOf = (p: PassageSnapshot | null) => (p ? formatSpan(p.startMs ?? null, p.endMs ?? null) : null);

/** The table of contents as lines an editor can compare: `“Title” from passage 3 — synopsis`. */
const outlineOf = (sections: SectionSnapshot[] | undefined) =>
  (sections ?? []).map(
    (s) => `“${s.title}” from passage ${s.startAnchor}${s.synopsis ? ` — ${s.synopsis}` : ''}${s.keywords.length ? ` [${s.keywords.join(', ')}]` : ''}`,
  );

function passageChanges(before: PassageSnapshot[], after: PassageSnapshot[]): { passages: PassageChange[]; counts: RevisionDiff['counts'] } {
  const beforeBy = new Map(before.map((p, i) => [p.anchor, { p, i }]));
  const afterBy = new Map(after.map((p, i) => [p.anchor, { p, i }]));
  // Passages in both versions whose relative order changed: those outside the longest common sequence.
  const shared = (list: PassageSnapshot[], other: Map<number, unknown>) => list.filter((p) => other.has(p.anchor)).map((p) => p.anchor);
  const moved = new Set(
    diffArrays(shared(before, afterBy), shared(after, beforeBy))
      .filter((c) => c.added)
      .flatMap((c) => c.value),
  );
  const counts = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 };
  const changes: PassageChange[] = [];
  const describe = (b: PassageSnapshot | null, a: PassageSnapshot | null): PassageChange | null => {
    const anchor = (a ?? b)!.anchor;
    const fields = [
      fieldChange('kind', b?.kind ?? null, a?.kind ?? null, false),
      fieldChange('speaker', b?.speakerName ?? null, a?.speakerName ?? null, false),
      fieldChange('questionAnchor', b?.questionAnchor ?? null, a?.questionAnchor ?? null, false),
      fieldChange('time', timeOf(b), timeOf(a), false),
    ].filter((f): f is FieldChange => f !== null);
    const textChanged = (b?.text ?? null) !== (a?.text ?? null);
    const topics = listChange(b?.topics ?? [], a?.topics ?? [], (t) => t);
    const isMoved = moved.has(anchor);
    const topicsChanged = topics.added.length > 0 || topics.removed.length > 0;
    if (b && a && !textChanged && fields.length === 0 && !topicsChanged && !isMoved) {
      counts.unchanged++;
      return null;
    }
    const change: PassageChange['change'] = !b ? 'added' : !a ? 'removed' : textChanged || fields.length > 0 || topicsChanged ? 'changed' : 'moved';
    counts[change]++;
    if (change === 'changed' && isMoved) counts.moved++;
    return {
      anchor,
      change,
      before: b,
      after: a,
      position: { before: b ? beforeBy.get(anchor)!.i + 1 : null, after: a ? afterBy.get(anchor)!.i + 1 : null },
      text: textChanged ? textParts(b?.text ?? null, a?.text ?? null) : null,
      fields: b && a ? fields : [],
      topics,
      moved: isMoved,
    };
  };
  // The newer order, each removed passage placed after the passage that preceded it before.
  const removedAfter = new Map<number | null, PassageSnapshot[]>();
  before.forEach((p, i) => {
    if (afterBy.has(p.anchor)) return;
    let previous: number | null = null;
    for (let j = i - 1; j >= 0; j--) {
      if (afterBy.has(before[j].anchor)) {
        previous = before[j].anchor;
        break;
      }
    }
    removedAfter.set(previous, [...(removedAfter.get(previous) ?? []), p]);
  });
  const pushRemoved = (after: number | null) => {
    for (const p of removedAfter.get(after) ?? []) {
      const c = describe(p, null);
      if (c) changes.push(c);
    }
  };
  pushRemoved(null);
  for (const p of after) {
    const c = describe(beforeBy.get(p.anchor)?.p ?? null, p);
    if (c) changes.push(c);
    pushRemoved(p.anchor);
  }
  return { passages: changes, counts };
}

/**
 * What changed from snapshot (or revision) `a` to `b`: each field that differs (text fields with a
 * word-level diff), participants or aliases added and removed, and each passage — matched by anchor —
 * added, removed, changed (word-level diff of its text, kind, speaker, question, topics) or moved.
 */
export function diffRevisions(a: Snapshot | RevisionRecord, b: Snapshot | RevisionRecord): RevisionDiff {
  const from = 'snapshot' in a ? a.snapshot : a;
  const to = 'snapshot' in b ? b.snapshot : b;
  if (from.type !== to.type || from.id !== to.id) throw new EditorialError('Only two versions of the same entry can be compared.');
  const base = { entityType: from.type, id: from.id, fromVersion: from.version, toVersion: to.version };
  const empty = { added: 0, removed: 0, changed: 0, moved: 0, unchanged: 0 };
  if (from.type === 'document') {
    const f = from as DocumentSnapshot;
    const t = to as DocumentSnapshot;
    const fields = [
      ...DOCUMENT_FIELDS.map((field) => fieldChange(field, f[field], t[field], DOCUMENT_TEXT_FIELDS.has(field))),
      fieldChange('sections', outlineOf(f.sections).join('\n'), outlineOf(t.sections).join('\n'), true),
    ].filter((c): c is FieldChange => c !== null);
    const participants = listChange(f.participants, t.participants, (p) => `${p.speakerId}:${p.role}`);
    return {
      ...base,
      fields,
      participants: participants.added.length + participants.removed.length > 0 ? participants : null,
      aliases: null,
      ...passageChanges(f.passages, t.passages),
    };
  }
  if (from.type === 'speaker') {
    const f = from as SpeakerSnapshot;
    const t = to as SpeakerSnapshot;
    const aliases = listChange(f.aliases, t.aliases, (x) => x);
    return {
      ...base,
      fields: SPEAKER_FIELDS.map((field) => fieldChange(field, f[field], t[field], PROSE.has(field))).filter((c): c is FieldChange => c !== null),
      participants: null,
      aliases: aliases.added.length + aliases.removed.length > 0 ? aliases : null,
      passages: [],
      counts: empty,
    };
  }
  const f = from as TopicSnapshot;
  const t = to as TopicSnapshot;
  return {
    ...base,
    fields: TOPIC_FIELDS.map((field) => fieldChange(field, f[field], t[field], PROSE.has(field))).filter((c): c is FieldChange => c !== null),
    participants: null,
    aliases: null,
    passages: [],
    counts: empty,
  };
}
