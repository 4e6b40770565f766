// Ties speaker labels to people: given hints first, then full names and initials of names the text gives.
import { ImportError } from './errors';
import { isCaselessName, isInitials, labelKey, roleOfLabel } from './labels';
import { initialsOf, nameKey, namePartsOf } from './names';
import { normalizeLine } from './normalize';
import type { ImportRole, SpeakerHint } from './types';

/** A name found in the text, with where it came from; a lower rank is a stronger source. */
export interface KnownName {
  name: string;
  source: 'byline' | 'closing bio' | 'title' | 'standfirst';
  rank: number;
}

export interface Tie {
  name: string;
  /** What an editor should check about this tie, or null when it was given outright. */
  note: string | null;
  /** Tied to a given or found name, rather than the label being taken as the name itself. */
  strong: boolean;
}

export type TieOutcome = Tie | { error: string };

/** Front matter hints, then option hints over them: the same name merges; a label claimed twice goes to the options. */
export function mergeHints(fromFrontMatter: SpeakerHint[], fromOptions: SpeakerHint[] = []): SpeakerHint[] {
  const merged = new Map<string, { name: string; labels: string[]; role?: ImportRole }>();
  const optionLabels = new Set(fromOptions.flatMap((h) => (h.labels ?? []).map(labelKey)));
  const add = (hint: SpeakerHint, fromOptionsList: boolean) => {
    const name = typeof hint?.name === 'string' ? normalizeLine(hint.name) : '';
    if (!name) throw new ImportError('every speaker given needs a name');
    if (hint.role !== undefined && !['interviewer', 'interviewee', 'author'].includes(hint.role)) {
      throw new ImportError(`speaker "${name}" has an unknown role "${String(hint.role)}"`);
    }
    const key = nameKey(name);
    const entry = merged.get(key) ?? { name, labels: [] };
    for (const label of hint.labels ?? []) {
      const clean = normalizeLine(String(label)).replace(/:$/, '');
      if (!clean || (!fromOptionsList && optionLabels.has(labelKey(clean)))) continue;
      if (!entry.labels.some((l) => labelKey(l) === labelKey(clean))) entry.labels.push(clean);
    }
    if (hint.role) entry.role = hint.role;
    if (fromOptionsList) entry.name = name;
    merged.set(key, entry);
  };
  fromFrontMatter.forEach((h) => add(h, false));
  fromOptions.forEach((h) => add(h, true));
  return [...merged.values()].map((e) => (e.role ? { name: e.name, labels: e.labels, role: e.role } : { name: e.name, labels: e.labels }));
}

function unique(names: string[]): string[] {
  const seen = new Map<string, string>();
  for (const n of names) if (!seen.has(nameKey(n))) seen.set(nameKey(n), n);
  return [...seen.values()];
}

function ambiguous(label: string, names: string[]): { error: string } {
  return { error: `label ${label} cannot be tied to a speaker: it fits ${names.map((n) => `"${n}"`).join(' and ')}; give speakers with their labels` };
}

/** Who a label stands for, by the rules in order: hints, role labels, full name, initials, name part. */
export function tieLabel(label: string, hints: SpeakerHint[], known: KnownName[]): TieOutcome {
  const key = labelKey(label);
  const byLabel = hints.find((h) => (h.labels ?? []).some((l) => labelKey(l) === key));
  if (byLabel) return { name: byLabel.name, note: null, strong: true };
  const byName = hints.find((h) => nameKey(h.name) === nameKey(label));
  if (byName) return { name: byName.name, note: null, strong: true };

  const role = roleOfLabel(label);
  if (role) {
    const holders = hints.filter((h) => h.role === role);
    if (holders.length === 1 && holders[0]) {
      return { name: holders[0].name, note: `label "${label}" tied to "${holders[0].name}" (the ${role})`, strong: true };
    }
    if (holders.length > 1)
      return ambiguous(
        label,
        holders.map((h) => h.name),
      );
    return { error: `label ${label} cannot be tied to a speaker: give --interviewer/--interviewee or front matter` };
  }

  const exact = known.find((k) => nameKey(k.name) === nameKey(label));
  if (exact) return { name: exact.name, note: null, strong: true };

  const sources: KnownName[] = [...hints.map((h) => ({ name: h.name, source: 'byline' as const, rank: 0 })), ...known];
  const describe = (k: KnownName) => (k.rank === 0 ? 'speakers given' : k.source);
  const bestRank = (matches: KnownName[]) => matches.filter((m) => m.rank === Math.min(...matches.map((x) => x.rank)));

  if (isCaselessName(label)) return { name: label, note: null, strong: false };

  if (!label.includes(' ')) {
    const parts = bestRank(sources.filter((k) => namePartsOf(k.name).some((p) => nameKey(p) === nameKey(label))));
    const partNames = unique(parts.map((p) => p.name));
    if (partNames.length > 1) return ambiguous(label, partNames);
    if (parts[0] && !isInitials(label)) {
      return { name: parts[0].name, note: `label "${label}" tied to "${parts[0].name}" (part of the name, ${describe(parts[0])})`, strong: true };
    }
    if (/^[\p{L}.]{1,8}$/u.test(label) && key.length <= 4) {
      const byInitials = bestRank(sources.filter((k) => initialsOf(k.name).has(key)));
      const initialNames = unique(byInitials.map((k) => k.name));
      if (initialNames.length > 1) return ambiguous(label, initialNames);
      if (byInitials[0]) {
        return { name: byInitials[0].name, note: `label "${label}" tied to "${byInitials[0].name}" (initials, ${describe(byInitials[0])})`, strong: true };
      }
    }
    if (parts[0]) {
      return { name: parts[0].name, note: `label "${label}" tied to "${parts[0].name}" (part of the name, ${describe(parts[0])})`, strong: true };
    }
    return { error: `label ${label} cannot be tied to a speaker: give its name in speakers (options or front matter)` };
  }

  // A full name is its own speaker; an all-capitals one is written the usual way for the record.
  if (label === label.toUpperCase()) {
    const name = label.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
    return { name, note: `speaker "${name}" named after the label "${label}"`, strong: false };
  }
  return { name: label, note: null, strong: false };
}
