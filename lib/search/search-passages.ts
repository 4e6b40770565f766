// Passage search: parse once, find and rank the passages, then describe the page's hits with marked
// snippets. Words (lexical-search.ts: exact, corrected, or some of a natural query's words) and
// meaning (vectors/nearest.ts) are fused for a natural query (hybrid.ts); explicit syntax is words only.
import 'server-only';
import { fullText, join, num, type QueryDb } from '@/lib/db';
import { countMatches } from './counting';
import { countRows, EMPTY_FACETS, passagesByIds } from './facets';
import { fuse, FUSION_WEIGHTS, lexicalOnlyScore, LEXICAL_DEPTH, MEANING_DEPTH, nearEnough } from './hybrid';
import { lexicalSearch, matchingAmong, rankWindow, type RankedPassage } from './lexical-search';
import { exactTerms } from './lexical-match';
import { MARK_CLOSE, MARK_OPEN } from './marks';
import { passageColumns, passageRef, type PassageRow } from './passage-rows';
import { matchEntities } from './entities';
import { initialismsOf, isNaturalQuery, parseQuery, type ParsedQuery } from './query-parser';
import { snippetGroups, type SnippetGroup } from './prefix-snippets';
import { shortLine } from './short-line';
import { isStopWord } from './stop-words';
import type { MatchedBy, SearchFacets, SearchHit, SearchRequest, SearchResponse } from './types';
import { nearestPassages } from './vectors/nearest';

export const SNIPPET_TOKENS = 32;
/** How much of a passage found by meaning alone is read to show its opening line (about as long as a snippet). */
const OPENING_CHARS = 400;

/** The full-text expression the exact plan of a query as typed searches (exactTerms); null when there is nothing to look for. */
export async function expressionFor(db: QueryDb, q: string): Promise<string | null> {
  const parsed = parseQuery(q);
  return (await exactTerms(db, parsed, { natural: isNaturalQuery(q, parsed), initialisms: initialismsOf(q) })).expression;
}

/** The passages a request finds, ranked, with the page's hits described: read as of one moment where the connection can (sqlite/one-read.ts). */
export function searchPassages(db: QueryDb, request: SearchRequest): Promise<SearchResponse> {
  return db.inOneRead ? db.inOneRead(() => findPassages(db, request)) : findPassages(db, request);
}

async function findPassages(db: QueryDb, request: SearchRequest): Promise<SearchResponse> {
  const base = { query: request.q, page: request.page, pageSize: request.pageSize };
  const parsed = parseQuery(request.q);
  if (parsed.groups.length === 0) {
    const message = parsed.excluded.length > 0 ? 'Add a word to search for alongside the words to leave out.' : 'Type a word or a "phrase" to search for.';
    return { ...base, total: 0, hits: [], facets: EMPTY_FACETS, message };
  }
  const window = { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
  const natural = isNaturalQuery(request.q, parsed);
  const mode = request.mode ?? 'hybrid';
  // The people and documents are listed once, above the first page, and not within one document.
  const listEntities = request.page === 1 && !request.document;
  const [found, entities] = await Promise.all([
    mode === 'vector'
      ? byMeaning(db, request, window)
      : mode === 'hybrid' && natural
        ? byWordsAndMeaning(db, parsed, request, window)
        : byWords(db, parsed, request, window),
    listEntities ? matchEntities(db, parsed, natural, initialismsOf(request.q)) : undefined,
  ]);
  const hits = await describeHits(db, found.expression, found.ranked);
  return {
    ...base,
    total: found.total,
    hits,
    facets: found.facets,
    ...(found.approximate ? { approximate: true as const } : {}),
    ...(found.didYouMean ? { didYouMean: found.didYouMean } : {}),
    ...(found.matchedBy ? { matchedBy: found.matchedBy } : {}),
    ...(entities ? { entities } : {}),
  };
}

interface Found {
  ranked: RankedPassage[];
  total: number;
  facets: SearchFacets;
  /** The total and facets are estimates (counting.ts). */
  approximate?: true;
  /** The full-text expression that marks the words in snippets; null when no word matched. */
  expression: string | null;
  matchedBy?: MatchedBy;
  didYouMean?: string;
}

type Window = { limit: number; offset: number };

/**
 * A query written as a sentence rather than as keywords: words that carry grammar, not subject, among
 * others. A word alone is a keyword, even `a` or `we`: nothing in it has a meaning to fuse, and its
 * page comes from the word's ranking list, where ranking LEXICAL_DEPTH deep under a filter read past
 * the list and ranked every match (`a` in one topic, 1,000,000 passages: 468 ms).
 */
function isSentence(parsed: ParsedQuery): boolean {
  const words = parsed.groups.flat().flatMap((term) => term.words);
  return words.length > 1 && words.some(isStopWord);
}

/** Explicit syntax ("phrases", -word, OR, prefix*) means what it says: words only. */
async function byWords(db: QueryDb, parsed: ParsedQuery, request: SearchRequest, window: Window): Promise<Found> {
  const { counted, ...found } = await lexicalSearch(db, parsed, request, window);
  return { ...found, ...counted!, expression: found.match?.expression ?? null };
}

/** Meaning alone (the evaluation's "vector" engine): the nearest passages, as many as the pages need. */
async function byMeaning(db: QueryDb, request: SearchRequest, window: Window): Promise<Found> {
  const near = await nearestPassages(db, request.q, request, Math.max(MEANING_DEPTH, window.offset + window.limit));
  const ids = near.map((n) => n.id);
  const counted = ids.length > 0 ? await countRows(db, passagesByIds(ids), request) : { total: 0, facets: EMPTY_FACETS };
  const ranked = near.slice(window.offset, window.offset + window.limit).map((n) => ({ id: n.id, score: Math.round(n.similarity * 1e6) / 1e6 }));
  return { ranked, ...counted, expression: null, ...(ids.length > 0 ? { matchedBy: 'meaning' as const } : {}) };
}

/**
 * A natural query. Keywords that are all found together answer it by themselves, exactly as with
 * byWords (same hits, same total). A sentence ("who can bring change to North Korea"), or keywords
 * only some of which are found, or none: the passages with the words are fused with the passages
 * nearest in meaning. The fused head covers the first LEXICAL_DEPTH lexical ranks and the
 * MEANING_DEPTH nearest passages; pages past it continue in lexical order, leaving out what the head
 * already showed. Passages found by meaning alone count in the total and the facets.
 */
async function byWordsAndMeaning(db: QueryDb, parsed: ParsedQuery, request: SearchRequest, window: Window): Promise<Found> {
  // Keywords all found together are answered by the page alone: ranking LEXICAL_DEPTH deep for a
  // fusion that never comes cost 30-70 ms more for a common word under a filter (100,000 passages),
  // where an impact-ordered list gives ten at once. A sentence, or keywords only some of which are
  // found, are fused, so they are ranked that deep at once.
  const sentence = isSentence(parsed);
  const fusionWindow = { limit: LEXICAL_DEPTH, offset: 0 };
  // Counted once below, the passages found by meaning alone with them (not once alone and again with them).
  const { counted: _, ...lexical } = await lexicalSearch(db, parsed, request, sentence ? fusionWindow : window, {
    count: false,
    relaxedWindow: fusionWindow,
  });
  if (lexical.matchedBy === 'all' && !sentence) {
    const counted = await countMatches(db, lexical.match, request);
    return { ...lexical, ...counted, expression: lexical.match!.expression };
  }
  // A corrected typo is searched for its meaning too: the typo itself means nothing to the model.
  const near = nearEnough(await nearestPassages(db, lexical.didYouMean ?? request.q, request, MEANING_DEPTH));
  const weights = FUSION_WEIGHTS;
  const head = fuse(lexical.ranked, near, weights);

  const inHead = new Set(lexical.ranked.map((r) => r.id));
  const nearOnly = near.map((n) => n.id).filter((id) => !inHead.has(id));
  const alsoByWords = lexical.match ? await matchingAmong(db, lexical.match, request, nearOnly) : new Set<number>();
  const byMeaningAlone = nearOnly.filter((id) => !alsoByWords.has(id));
  const counted = await countMatches(db, lexical.match, request, byMeaningAlone);

  const ranked = head.slice(window.offset, window.offset + window.limit);
  const past = window.offset + window.limit - Math.max(window.offset, head.length);
  if (past > 0 && lexical.match && lexical.ranked.length === LEXICAL_DEPTH) {
    // The lexical ranks below the head, without the nearest passages the head already placed.
    const placed = near.map((n) => n.id);
    const headWithoutNear = lexical.ranked.filter((r) => !placed.includes(r.id)).length;
    const from = headWithoutNear + Math.max(0, window.offset - head.length);
    const rest = await rankWindow(db, lexical.match, request, { limit: past, offset: from, exclude: placed });
    ranked.push(...rest.map((r, i) => ({ id: r.id, score: lexicalOnlyScore(weights, LEXICAL_DEPTH + from - headWithoutNear + i) })));
  }
  const matchedBy: MatchedBy | undefined = lexical.matchedBy ?? (near.length > 0 ? 'meaning' : undefined);
  return {
    ranked,
    total: counted.total,
    facets: counted.facets,
    ...(counted.approximate ? { approximate: true as const } : {}),
    expression: lexical.match?.expression ?? null,
    ...(matchedBy ? { matchedBy } : {}),
    ...(lexical.didYouMean ? { didYouMean: lexical.didYouMean } : {}),
  };
}

/** Phrases (or prefixes) in an expression past which its snippets are marked on the page's passages alone (pageSnippets). */
const MOST_PHRASES_LOOKED_UP = 2;

/**
 * The snippets of a page's passages, each group's marked for its expression: on the page's passages
 * alone where the connection can (lib/db's passageSnippets: `was*` at 1,000,000 passages, 8 -> 1 ms)
 * and an expression has more than MOST_PHRASES_LOOKED_UP phrases or a prefix of the engine's own,
 * else by the index's statement, group by group, each passage looked up in the whole index: a lookup
 * sets each phrase up again, which for one or two costs less than cutting the page's passages into
 * terms (`the` at 100,000 passages: 2.8 ms a search by lookups, 3.1 on the page's passages).
 */
async function pageSnippets(db: QueryDb, groups: SnippetGroup[]): Promise<{ id: number | bigint; snippet: string }[]> {
  const marks = { open: MARK_OPEN, close: MARK_CLOSE };
  const many = (expression: string) => (expression.match(/"/g)?.length ?? 0) / 2 > MOST_PHRASES_LOOKED_UP || expression.includes('*');
  if (db.passageSnippets && fullText.indexedText && groups.some((group) => many(group.expression))) {
    const rows = await db.$queryRaw<{ id: number | bigint; text: string; speaker: string; title: string }[]>(
      fullText.indexedText(groups.flatMap((g) => g.ids)),
    );
    const passages = rows.map((row) => ({ id: num(row.id), columns: [row.text, row.speaker, row.title] as const }));
    return db.passageSnippets(passages, groups, marks, SNIPPET_TOKENS);
  }
  const marked = await Promise.all(
    groups.map((group) => db.$queryRaw<{ id: number | bigint; snippet: string }[]>(fullText.snippets(group.expression, group.ids, marks, SNIPPET_TOKENS))),
  );
  return marked.flat();
}

/** Each ranked passage as a hit: who said it, where, and its snippet with the matched words marked. */
export async function describeHits(db: QueryDb, expression: string | null, ranked: RankedPassage[]): Promise<SearchHit[]> {
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const marking = expression ? snippetGroups(db, expression, ids) : Promise.resolve([]);
  const [details, snippets] = await Promise.all([
    db.$queryRaw<(PassageRow & { opening: string })[]>`
      SELECT ${passageColumns}, substr(p.text, 1, ${OPENING_CHARS}) AS opening
      FROM Passage p JOIN Document d ON d.id = p.documentId LEFT JOIN Speaker s ON s.id = p.speakerId
      WHERE p.id IN (${join(ids)})`,
    marking.then((groups) => pageSnippets(db, groups)),
  ]);
  const detailById = new Map(details.map((d) => [num(d.id), d]));
  const snippetById = new Map(snippets.map((s) => [num(s.id), s.snippet]));
  return ranked.map(({ id, score }) => {
    const detail = detailById.get(id)!;
    // A passage found by meaning alone has none of the words to mark: its opening stands for it.
    return { ...passageRef(detail), marked: snippetById.get(id) ?? shortLine(detail.opening, OPENING_CHARS / 2), score };
  });
}
