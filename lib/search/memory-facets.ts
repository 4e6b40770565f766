// The total and facets of found passages counted from the facet columns kept in memory
// (facet-columns.ts): what countRows's statement gives (facets.ts), value for value and in its order,
// from the passages' ids alone. Each facet counts under the other filters, leaving its own out.
import 'server-only';
import { parsePartialDate } from '@/lib/dates';
import type { FacetColumns, Names } from './facet-columns';
import type { SearchFacets, SearchRequest } from './types';

/** How many speakers and topics a facet lists, most found first (the statement's LIMIT too). */
export const FACET_LIMIT = 30;

/** Room for a name's place in the order below a count, in one number: up to 2^21 names. */
const ORDER_ROOM = 2 ** 21;

/**
 * The total and facets of the passages `ids` under the request's filters (an id given twice counts
 * twice, as a row given twice does in the statement); null when an id is no passage the columns know
 * (they were read before it was saved: ask the database). `fromIndex`: the ids were read from the
 * full-text index alone, so the passages of documents that are not public, and with
 * `request.document` those of other documents, are left out here.
 */
export function countFromColumns(
  columns: FacetColumns,
  ids: readonly number[],
  request: SearchRequest,
  fromIndex = false,
): { total: number; facets: SearchFacets } | null {
  const { kindOf, speakerOf, documentOf, documents, topicStart, topicIds } = columns;
  // More names than a facet's ranking has room for (mostFound): the statement counts.
  if (columns.speakers.inOrder.length > ORDER_ROOM || columns.topics.inOrder.length > ORDER_ROOM) return null;
  const { speaker, topic, kind, from, to } = filtersOn(columns, request);

  let total = 0;
  const bySpeaker = new Tally();
  const byTopic = new Tally();
  const byKind = new Tally();
  const byYear = new Tally();

  for (const id of ids) {
    if (!isPassage(columns, id)) return null;
    const start = topicStart[id];
    const end = topicStart[id + 1];
    const document = documents[documentOf[id]];
    if (fromIndex && !shownIn(document, request)) continue;
    const speakerOk = speaker === undefined || speakerOf[id] === speaker;
    let topicOk = topic === undefined;
    for (let at = start; !topicOk && at < end; at++) topicOk = topicIds[at] === topic;
    const kindOk = kind === undefined || kindOf[id] === kind;
    // A document's whole period overlaps the range, as in filters.ts.
    const dateOk = (from === undefined || document.publishedUntil >= from) && (to === undefined || document.publishedOn <= to);
    if (speakerOk && topicOk && kindOk && dateOk) total++;
    if (topicOk && kindOk && dateOk && speakerOf[id] !== 0) bySpeaker.add(speakerOf[id]);
    if (speakerOk && kindOk && dateOk) for (let at = start; at < end; at++) byTopic.add(topicIds[at]);
    if (speakerOk && topicOk && dateOk) byKind.add(kindOf[id]);
    if (speakerOk && topicOk && kindOk) byYear.add(document.year);
  }

  return {
    total,
    facets: {
      speakers: mostFound(bySpeaker, columns.speakers),
      topics: mostFound(byTopic, columns.topics),
      // By count, ties in the kind's order as text (the statement's GROUP BY order, kept by a stable sort).
      kinds: byKind.keys
        .map((index) => ({ kind: columns.kinds[index - 1], count: byKind.count(index) }))
        .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
      years: byYear.keys.map((index) => ({ year: columns.years[index], count: byYear.count(index) })).sort((a, b) => b.year - a.year),
    },
  };
}

/** The request's filters as the columns hold them (undefined: not asked). */
function filtersOn(columns: FacetColumns, request: SearchRequest) {
  return {
    // A slug the archive does not have matches no passage, as its NULL id does in SQL.
    speaker: !request.speaker ? undefined : (columns.speakers.idOf.get(request.speaker) ?? -1),
    topic: !request.topic ? undefined : (columns.topics.idOf.get(request.topic) ?? -1),
    kind: !request.kind ? undefined : columns.kinds.indexOf(request.kind) + 1 || -1,
    from: request.from ? parsePartialDate(request.from)!.start : undefined,
    to: request.to ? parsePartialDate(request.to)!.end : undefined,
  };
}

/** Whether the request names a speaker, topic or kind the columns do not know: no passage meets its filters. */
export function keepsNone(columns: FacetColumns, request: SearchRequest): boolean {
  const { speaker, topic, kind } = filtersOn(columns, request);
  return speaker === -1 || topic === -1 || kind === -1;
}

/** Whether passage `id` (of `document`) meets every filter of the request (`filters`: filtersOn's), as filterSql says. */
function meetsFilters(columns: FacetColumns, filters: ReturnType<typeof filtersOn>, id: number, document: FacetColumns['documents'][number]): boolean {
  const { speaker, topic, kind, from, to } = filters;
  if (speaker !== undefined && columns.speakerOf[id] !== speaker) return false;
  if (kind !== undefined && columns.kindOf[id] !== kind) return false;
  if ((from !== undefined && document.publishedUntil < from) || (to !== undefined && document.publishedOn > to)) return false;
  if (topic === undefined) return true;
  for (let at = columns.topicStart[id]; at < columns.topicStart[id + 1]; at++) if (columns.topicIds[at] === topic) return true;
  return false;
}

/**
 * Counts by a small whole number (an id, an index), each key listed once in the order first met: a
 * plain array, where a Map per facet hashed every match's keys (a fifth of a never-asked search's
 * time in JavaScript, 100,000 passages).
 */
class Tally {
  private readonly counts: number[] = [];
  readonly keys: number[] = [];

  add(key: number) {
    const count = this.counts[key];
    if (count === undefined) {
      this.counts[key] = 1;
      this.keys.push(key);
    } else this.counts[key] = count + 1;
  }

  count(key: number): number {
    return this.counts[key] ?? 0;
  }
}

/** Whether the columns know `id` as a passage (not one saved since they were read). */
const isPassage = (columns: FacetColumns, id: number) => id < columns.kindOf.length && columns.kindOf[id] !== 0;

/** Whether a search shows a passage of `document`: the document is public, and the asked one if one is asked. */
const shownIn = (document: FacetColumns['documents'][number], request: SearchRequest) =>
  document.isPublic && (!request.document || document.slug === request.document);

/**
 * Of the ids the index gave (fullText.matchedIds, in its order), the first `most` a search shows
 * (public, in the asked document), and with `filtered` that meet the request's filters too; null when
 * an id is no passage the columns know.
 */
export function firstShown(columns: FacetColumns, ids: readonly number[], request: SearchRequest, most: number, filtered = false): number[] | null {
  const filters = filtered ? filtersOn(columns, request) : null;
  const shown: number[] = [];
  for (const id of ids) {
    if (!isPassage(columns, id)) return null;
    const document = columns.documents[columns.documentOf[id]];
    if (!shownIn(document, request) || (filters && !meetsFilters(columns, filters, id, document))) continue;
    if (shown.push(id) === most) break;
  }
  return shown;
}

/**
 * The FACET_LIMIT values found most, ties by name in the database's order: `ORDER BY n DESC, name
 * LIMIT`. Each value is one number (its count, then its place in the order), sorted as numbers:
 * sorting objects by a comparator cost more than the counting (a hundred values a search).
 */
function mostFound(tally: Tally, names: Names): { slug: string; name: string; count: number }[] {
  const ranked = new Float64Array(tally.keys.length);
  let size = 0;
  for (const id of tally.keys) {
    const order = names.orderOf.get(id);
    if (order !== undefined) ranked[size++] = tally.count(id) * ORDER_ROOM + (ORDER_ROOM - 1 - order);
  }
  const best = ranked.subarray(0, size).sort().reverse().subarray(0, FACET_LIMIT);
  return Array.from(best, (value) => {
    const order = ORDER_ROOM - 1 - (value % ORDER_ROOM);
    return { ...names.inOrder[order], count: Math.floor(value / ORDER_ROOM) };
  });
}
