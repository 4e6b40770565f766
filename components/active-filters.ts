// The active filters of a list in a few words ("speaker Seongmin Lee, 2016"), for the summary line of
// the collapsed filter panel: a reader on a phone sees what narrows the results without opening it.
import { labelForIsoDate } from '@/lib/dates';

export interface ActiveFilters {
  speaker?: string;
  topic?: string;
  kind?: string;
  document?: string;
  from?: string;
  to?: string;
  sort?: string;
}

/** Display names for the slugs among the filters; a slug without one is shown as it is. */
export interface FilterNames {
  speaker?: string;
  topic?: string;
  document?: string;
}

const SORT_LABELS: Record<string, string> = { oldest: 'oldest first', title: 'by title' };

export function describeActiveFilters(filters: ActiveFilters, names: FilterNames = {}): string[] {
  const parts: string[] = [];
  if (filters.speaker) parts.push(`speaker ${names.speaker ?? filters.speaker}`);
  if (filters.topic) parts.push(`topic ${names.topic ?? filters.topic}`);
  if (filters.kind) parts.push(`kind ${filters.kind}`);
  if (filters.document) parts.push(`in ${names.document ?? filters.document}`);
  const dates = dateRange(filters.from, filters.to);
  if (dates) parts.push(dates);
  // The default order (newest first) is no filter; another one is worth a word, as it is set in the panel.
  if (filters.sort && SORT_LABELS[filters.sort]) parts.push(SORT_LABELS[filters.sort]);
  return parts;
}

function dateRange(from?: string, to?: string): string | undefined {
  if (from && to) return from === to ? labelForIsoDate(from) : `${labelForIsoDate(from)} to ${labelForIsoDate(to)}`;
  if (from) return `from ${labelForIsoDate(from)}`;
  if (to) return `until ${labelForIsoDate(to)}`;
  return undefined;
}

/** Names of the chosen values, found among a facet's options ({ value, label }). */
export const labelOf = (options: { value: string; label: string }[], value: string | undefined) =>
  value === undefined ? undefined : options.find((o) => o.value === value)?.label;
