// Runs the interview or essay assembly and lists the speakers with their labels, roles and bios.
import type { TurnReading } from './document';
import type { Block, Draft } from './draft';
import { assembleEssay } from './essay';
import { ImportError } from './errors';
import { assembleInterview } from './interview';
import { labelKey } from './labels';
import { nameKey } from './names';
import type { KnownName } from './speakers';
import type { ImportedSpeaker, ImportRole, SpeakerHint } from './types';

export function buildInterview(draft: Draft, blocks: Block[], turns: TurnReading, hints: SpeakerHint[], titleIndex: number | null): ImportedSpeaker[] {
  if (turns.ties.size + turns.untied.size === 0) {
    const unknown = [...turns.unknown.keys()].map((i) => blocks[i]).filter((b) => b !== undefined);
    if (unknown.length > 0) {
      const list = unknown.map((b) => `"${b.label?.label}:" (line ${b.line})`).join(', ');
      throw new ImportError(`no speaker label is known: ${list} cannot be tied to a speaker; give their names in speakers ("XY=Full Name")`, unknown[0]?.line);
    }
    throw new ImportError('no speaker-labelled turns found ("JK: …", "Jeff Kim: …", "Q: …"): the text cannot be read as an interview');
  }
  const [firstUntied] = [...turns.untied.entries()].sort((a, b) => a[0] - b[0]);
  if (firstUntied) {
    const line = blocks[firstUntied[0]]?.line;
    throw new ImportError(`${firstUntied[1]} (line ${line})`, line);
  }
  const labelsBySpeaker = new Map<string, string[]>();
  for (const [index, tie] of [...turns.ties.entries()].sort((a, b) => a[0] - b[0])) {
    if (tie.note) draft.notes.push(tie.note);
    const label = blocks[index]?.label?.label;
    const list = labelsBySpeaker.get(tie.name) ?? [];
    if (label && !list.some((l) => labelKey(l) === labelKey(label))) list.push(label);
    labelsBySpeaker.set(tie.name, list);
  }
  const names = uniqueNames([...hints.map((h) => h.name), ...labelsBySpeaker.keys()]);
  const givenRoles = new Map(hints.flatMap((h) => (h.role ? [[nameKey(h.name), h.role] as [string, ImportRole]] : [])));
  const roles = assembleInterview(draft, { blocks, ties: turns.ties, unknown: turns.unknown, titleIndex, speakers: names, givenRoles });

  const speaking = new Set(draft.passages.map((p) => p.speaker));
  const order = uniqueNames([...hints.map((h) => h.name), ...draft.passages.map((p) => p.speaker ?? '')]).filter(Boolean);
  const speakers = order.map((name) => {
    const hint = hints.find((h) => nameKey(h.name) === nameKey(name));
    if (!speaking.has(name)) draft.notes.push(`speaker "${name}" was given but has no turns`);
    return speaker(name, [...(hint?.labels ?? []), ...(labelsBySpeaker.get(name) ?? [])], roles.get(name) ?? hint?.role ?? 'interviewee', draft);
  });
  leaveOrphanBiosUnplaced(draft, speakers);
  return speakers;
}

/**
 * A closing bio of someone who ends up with no turns and was not given (a label with no text) has
 * no speaker to go to: its words are reported as unplaced rather than lost with the speaker.
 */
function leaveOrphanBiosUnplaced(draft: Draft, speakers: ImportedSpeaker[]): void {
  const listed = new Set(speakers.map((s) => nameKey(s.name)));
  for (const [name, bio] of draft.bios) {
    if (!listed.has(nameKey(name))) draft.unplaced.push({ text: bio.text, line: bio.line, reason: `bio of "${name}", who has no turns` });
  }
}

export function buildEssay(draft: Draft, blocks: Block[], hints: SpeakerHint[], known: KnownName[], titleIndex: number | null): ImportedSpeaker[] {
  const author = pickAuthor(hints, known, draft.notes);
  const names = uniqueNames([...(author ? [author] : []), ...hints.map((h) => h.name)]);
  assembleEssay(draft, { blocks, titleIndex, author, speakers: names });
  const speakers = names.map((name) => {
    const hint = hints.find((h) => nameKey(h.name) === nameKey(name));
    const role: ImportRole = name === author ? 'author' : (hint?.role ?? 'author');
    return speaker(name, hint?.labels ?? [], role, draft);
  });
  leaveOrphanBiosUnplaced(draft, speakers);
  return speakers;
}

/** The author is the speaker given as author, else the only speaker given, else the byline's name. */
function pickAuthor(hints: SpeakerHint[], known: KnownName[], notes: string[]): string | null {
  const authors = hints.filter((h) => h.role === 'author');
  if (authors[0]) {
    if (authors.length > 1) notes.push(`several authors given: passages are credited to "${authors[0].name}"`);
    return authors[0].name;
  }
  if (hints.length === 1 && hints[0]) return hints[0].name;
  const bylined = uniqueNames(known.filter((k) => k.source === 'byline').map((k) => k.name));
  if (bylined[0]) {
    notes.push(`author "${bylined[0]}" taken from the byline`);
    return bylined[0];
  }
  notes.push('no author known: the passages have no speaker (give an author in speakers or front matter)');
  return null;
}

function speaker(name: string, labels: string[], role: ImportRole, draft: Draft): ImportedSpeaker {
  const unique = labels.filter((l, i) => labels.findIndex((x) => labelKey(x) === labelKey(l)) === i);
  const bio = [...draft.bios.entries()].find(([n]) => nameKey(n) === nameKey(name))?.[1].text ?? null;
  return { name, labels: unique, role, bio };
}

function uniqueNames(names: string[]): string[] {
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = nameKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
