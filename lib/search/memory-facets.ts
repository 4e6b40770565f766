// The total and facets of found passages counted from the facet columns kept in memory
// (facet-columns.ts): what countRows's statement gives (facets.ts), value for value and in its order,
// from the passages' ids alone. Each facet counts under the other filters, leaving its own out.
import 'server-only';
import { parsePartialDate } from '@/lib/dates';
import type { FacetColumns, Named } from './facet-columns';
import type { SearchFacets, SearchRequest } from './types';

/** How many speakers and topics a facet lists, most found first (the statement's LIMIT too). */
export const FACET_LIMIT = 30;

/**
 * The total and facets of the passages `ids` (each at most once) under the request's filters; null
 * when an id is no passage the columns know (they were read before it was saved: ask the database).
 * `fromIndex`: the ids were read from the full-text index alone, so the passages of documents that
 * are not public, and with `request.document` those of other documents, are left out here.
 */
export function countFromColumns(
  columns: FacetColumns,
  ids: readonly number[],
  request: SearchRequest,
  fromIndex = false,
): { total: number; facets: SearchFacets } | null {
  const { kindOf, speakerOf, documentOf, documents, topicStart, topicIds } = columns;
  // A slug the archive does not have matches no passage, as its NULL id does in SQL.
  const speaker = request.speaker === undefined ? undefined : (columns.speakerBySlug.get(request.speaker) ?? -1);
  const topic = request.topic === undefined ? undefined : (columns.topicBySlug.get(request.topic) ?? -1);
  const kind = request.kind === undefined ? undefined : columns.kinds.indexOf(request.kind) + 1 || -1;
  const from = request.from ? parsePartialDate(request.from)!.start : undefined;
  const to = request.to ? parsePartialDate(request.to)!.end : undefined;

  let total = 0;
  const bySpeaker = new Map<number, number>();
  const byTopic = new Map<number, number>();
  const byKind = new Map<number, number>();
  const byYear = new Map<string, number>();
  const add = <K>(counts: Map<K, number>, key: K) => counts.set(key, (counts.get(key) ?? 0) + 1);

  for (const id of ids) {
    if (id >= kindOf.length || kindOf[id] === 0) return null;
    const start = topicStart[id];
    const end = topicStart[id + 1];
    const document = documents[documentOf[id]];
    if (fromIndex && !shownIn(document, request)) continue;
    const speakerOk = speaker === undefined || speakerOf[id] === speaker;
    const topicOk = topic === undefined || topicIds.subarray(start, end).includes(topic);
    const kindOk = kind === undefined || kindOf[id] === kind;
    // A document's whole period overlaps the range, as in filters.ts.
    const dateOk = (from === undefined || document.publishedUntil >= from) && (to === undefined || document.publishedOn <= to);
    if (speakerOk && topicOk && kindOk && dateOk) total++;
    if (topicOk && kindOk && dateOk && speakerOf[id] !== 0) add(bySpeaker, speakerOf[id]);
    if (speakerOk && kindOk && dateOk) for (let at = start; at < end; at++) add(byTopic, topicIds[at]);
    if (speakerOk && topicOk && dateOk) add(byKind, kindOf[id]);
    if (speakerOk && topicOk && kindOk) add(byYear, document.publishedOn.slice(0, 4));
  }

  return {
    total,
    facets: {
      speakers: mostFound(bySpeaker, columns.speakers),
      topics: mostFound(byTopic, columns.topics),
      // By count, ties in the kind's order as text (the statement's GROUP BY order, kept by a stable sort).
      kinds: [...byKind]
        .map(([index, count]) => ({ kind: columns.kinds[index - 1], count }))
        .sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0)),
      years: [...byYear].map(([year, count]) => ({ year: Number(year), count })).sort((a, b) => b.year - a.year),
    },
  };
}

/** Whether a search shows a passage of `document`: the document is public, and the asked one if one is asked. */
const shownIn = (document: FacetColumns['documents'][number], request: SearchRequest) =>
  document.isPublic && (request.document === undefined || document.slug === request.document);

/**
 * Of the ids the index gave (fullText.matchedIds, in its order), the first `most` a search shows
 * (public, in the asked document), and whether the ids ran out first; null when an id is no passage
 * the columns know.
 */
export function firstShown(columns: FacetColumns, ids: readonly number[], request: SearchRequest, most: number): number[] | null {
  const shown: number[] = [];
  for (const id of ids) {
    if (id >= columns.kindOf.length || columns.kindOf[id] === 0) return null;
    if (!shownIn(columns.documents[columns.documentOf[id]], request)) continue;
    if (shown.push(id) === most) break;
  }
  return shown;
}

/** The FACET_LIMIT values found most, ties by name in the database's order: `ORDER BY n DESC, name LIMIT`. */
function mostFound(counts: Map<number, number>, named: Map<number, Named>): { slug: string; name: string; count: number }[] {
  const found: (Named & { count: number })[] = [];
  for (const [id, count] of counts) {
    const value = named.get(id);
    if (value) found.push({ ...value, count });
  }
  return found
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .slice(0, FACET_LIMIT)
    .map(({ slug, name, count }) => ({ slug, name, count }));
}
