// What a lexical search matches, as a plan the ranking and counting statements share: the exact
// plan (every word, as typed) and the relaxed one (any meaningful word, more of them first).
import 'server-only';
import { fullText, join, num, sql, type FullTextIndex, type PrefixLookup, type QueryDb, type Sql, type SynonymLookup } from '@/lib/db';
import { prefixLookup } from './prefixes';
import type { ParsedQuery, QueryTerm } from './query-parser';
import { isStopWord } from './stop-words';
import { withSynonyms } from './synonyms';

export interface LexicalMatch {
  /** The full-text expression: what gates the passages, what BM25 ranks them by, what snippets mark. */
  expression: string;
  /** Conditions on `x.id` beyond the expression (an initialism must stand on its own somewhere). */
  where: Sql;
  /** Relaxed only: how many of the query's meaningful words a passage matches; ranks before BM25. */
  coordination: Sql | null;
  /**
   * Relaxed only, in place of `coordination` when it is the same for every passage the plan matches
   * (only one of the words is found at all): that number, for the scores.
   */
  sameCoordination?: number;
  /**
   * Relaxed only, with `coordination`: the expression of each of the query's words found at all,
   * when none is an initialism (whose coordination is not its expression's matches): a passage's
   * coordination is how many of them it matches.
   */
  wordsFound?: string[];
  matchedBy: 'all' | 'some';
}

/**
 * The relaxed step ORs at most this many words: each adds a pass over its matches to count
 * coordination, and a reader's question rarely has more meaningful words than this.
 */
export const MAX_RELAXED_WORDS = 8;

const TRUE = sql`1 = 1`;

/** Whether the expression alone says which passages match and in what order: no initialism's conditions, no coordination. */
export const isPlainMatch = (match: LexicalMatch) => match.coordination === null && match.where.sql.trim() === '1 = 1' && match.where.values.length === 0;

const isInitialism = (term: QueryTerm, initialisms: Set<string>) => !term.prefix && term.words.length === 1 && initialisms.has(term.words[0]);

/**
 * The passages a group of alternatives (a OR b, or one term with its synonyms) matches, as a
 * condition on `x.id`, where an initialism counts only where it stands on its own ("UN", not the
 * "un" of "Kim Jong-un"). Null when the group holds no initialism: its expression says it all.
 */
export function initialismCondition(
  terms: QueryTerm[],
  lookup: SynonymLookup,
  initialisms: Set<string>,
  helpers: { prefixes?: PrefixLookup },
  column: Sql = sql`x.id`,
  index: FullTextIndex = 'passages',
): Sql | null {
  const words = terms.filter((t) => isInitialism(t, initialisms)).map((t) => t.words[0]);
  if (words.length === 0) return null;
  // Everything else the group may match: its other terms, and the initialisms' synonyms.
  const others: QueryTerm[] = [
    ...terms.filter((t) => !isInitialism(t, initialisms)),
    ...terms.filter((t) => isInitialism(t, initialisms)).flatMap((t) => lookup(t).map((synonym) => ({ words: synonym, quoted: true, prefix: false }))),
  ];
  const notAnInitialism = (t: QueryTerm) => lookup(t).filter((synonym) => !(synonym.length === 1 && words.includes(synonym[0])));
  const otherExpression = others.length > 0 ? fullText.expression({ groups: [others], excluded: [] }, { ...helpers, synonyms: notAnInitialism }) : null;
  const parts = words.map((word) => sql`${column} IN (${fullText.standaloneRows(word, index)})`);
  if (otherExpression) parts.push(sql`${column} IN (${fullText.rowsMatching(otherExpression, index)})`);
  return sql`(${join(parts, ' OR ')})`;
}

/**
 * The terms a query's exact plan searches, with their synonyms and prefixes' words, and its full-text
 * expression (null: nothing to look for). For a `natural` query the stop words are left out
 * (withoutStopWords), once the known phrases among its words are joined: "republic of korea" stays a
 * phrase with its synonyms. The passages' plan and the entities' list (entities.ts) both read it.
 */
export async function exactTerms(
  db: QueryDb,
  parsed: ParsedQuery,
  { natural = false, initialisms = new Set<string>(), index = 'passages' }: { natural?: boolean; initialisms?: Set<string>; index?: FullTextIndex } = {},
) {
  const [{ query: expanded, lookup }, prefixes] = await Promise.all([withSynonyms(db, parsed), prefixLookup(db, parsed, index)]);
  const query = natural ? withoutStopWords(expanded, initialisms, lookup) : expanded;
  return { query, lookup, prefixes, expression: fullText.expression(query, { synonyms: lookup, prefixes }) };
}

/** Every word (or a synonym, a prefix's word…) must match: the query as typed (a `natural` one: see exactTerms). */
export async function exactMatch(db: QueryDb, parsed: ParsedQuery, initialisms: Set<string>, natural = false): Promise<LexicalMatch | null> {
  const { query, lookup, prefixes, expression } = await exactTerms(db, parsed, { natural, initialisms });
  if (!expression) return null;
  const conditions = query.groups.map((group) => initialismCondition(group, lookup, initialisms, { prefixes })).filter((c): c is Sql => c !== null);
  return { expression, where: conditions.length > 0 ? join(conditions, ' AND ') : TRUE, coordination: null, matchedBy: 'all' };
}

/**
 * A natural query (isNaturalQuery) as its exact plan matches it: without the stop words it holds
 * beside other words ("the sanctions of the regime" searches "sanctions" and "regime"), so that they
 * neither gate, nor rank, nor get marked. What a reader means is in the other words: in a large
 * archive BM25 gives a word in most passages almost no weight anyway (FTS5 sets such a word's idf to
 * 1e-6), but reading it cost a pass over its whole list for that weight, and another to check each
 * match holds it (`the sanctioned of crelfrusun and the factory`, 1,000,000 passages: 171 ms, 124 of
 * them ranking; its three meaningful words rank in 9). A stop word typed as an initialism ("US") is
 * kept, and one with synonyms ("us": "united states"), as is the whole query when it is nothing but
 * stop words ("what is it about"); a quotation is searched as typed when quoted.
 */
export function withoutStopWords(query: ParsedQuery, initialisms: Set<string>, synonyms: SynonymLookup = () => []): ParsedQuery {
  // A word the parser cuts into parts that must stand together ("what's": what, s; "I'm": i, m; a
  // natural query has no typed quotes) is grammar when each part is a stop word or a letter.
  const stopWordOnly = (group: QueryTerm[]) =>
    group.every(
      (term) => !term.prefix && synonyms(term).length === 0 && term.words.every((word) => (isStopWord(word) || word.length === 1) && !initialisms.has(word)),
    );
  const groups = query.groups.filter((group) => !stopWordOnly(group));
  return groups.length > 0 && groups.length < query.groups.length ? { ...query, groups } : query;
}

interface Unit {
  term: QueryTerm;
  synonyms: string[][];
}

/**
 * The words that count in a relaxed match. A known phrase typed as words ("north korea") counts
 * word by word, each carrying the phrase's synonyms, so a passage saying "DPRK" matches both.
 * Stop and question words ("how", "can", "I") do not count unless the query has nothing else.
 */
function relaxedUnits(query: ParsedQuery, lookup: SynonymLookup): Unit[] {
  const units = new Map<string, Unit>();
  for (const term of query.groups.flat()) {
    const synonyms = lookup(term);
    const parts = term.loose ? term.words.map((word) => ({ words: [word], quoted: false, prefix: false })) : [term];
    for (const part of parts) {
      const key = part.words.join(' ');
      if (!units.has(key)) units.set(key, { term: part, synonyms });
    }
  }
  const all = [...units.values()];
  const meaningful = all.filter((u) => !(u.term.words.length === 1 && isStopWord(u.term.words[0])));
  return (meaningful.length > 0 ? meaningful : all).slice(0, MAX_RELAXED_WORDS);
}

/**
 * A word in more than this share of the passages (and more than COMMON_MIN of them) is common: it
 * counts toward how many words a passage matches, but does not let a passage in on its own. That
 * bounds the work: ORing "north" into a question over 100,000 passages of North Korea would rank
 * most of the archive by BM25 to show ten of them.
 */
const COMMON_SHARE = 0.05;
const COMMON_MIN = 1_000;

/** The units that let a passage in (every one not common; if all are, the rarest alone), and how many units match any passage. */
async function gatingUnits(db: QueryDb, units: Unit[], expressionOf: (u: Unit) => string): Promise<{ gating: Unit[]; found: Unit[] }> {
  const [all, ...counts] = await Promise.all([
    db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM Passage`,
    ...units.map((u) => db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM (${fullText.rowsMatching(expressionOf(u))}) r`),
  ]);
  const common = Math.max(COMMON_MIN, COMMON_SHARE * num(all[0].n));
  const found = units.map((unit, i) => ({ unit, n: num(counts[i][0].n) })).filter((c) => c.n > 0);
  if (found.length === 0) return { gating: units, found: [] };
  const rare = found.filter((c) => c.n <= common);
  const gating = rare.length > 0 ? rare.map((c) => c.unit) : [[...found].sort((a, b) => a.n - b.n)[0].unit];
  return { gating, found: found.map((c) => c.unit) };
}

/**
 * Any meaningful word of a natural query may match; passages matching more of them rank first
 * (coordination), then by BM25 over the words they match. Null when no word is left.
 */
export async function relaxedMatch(db: QueryDb, parsed: ParsedQuery, initialisms: Set<string>): Promise<LexicalMatch | null> {
  const { query, lookup } = await withSynonyms(db, parsed);
  const units = relaxedUnits(query, lookup);
  if (units.length === 0) return null;
  const synonymsOf = new Map(units.map((u) => [u.term, u.synonyms]));
  const lookupOf: SynonymLookup = (term) => synonymsOf.get(term) ?? [];
  const unitExpression = (u: Unit) => fullText.expression({ groups: [[u.term]], excluded: [] }, { synonyms: lookupOf })!;
  const { gating, found } = await gatingUnits(db, units, unitExpression);
  const expression = fullText.expression({ groups: [gating.map((u) => u.term)], excluded: [] }, { synonyms: lookupOf });
  if (!expression) return null;
  // One word found ("military raids", no passage saying "raids"): it is the only gating unit, every
  // passage the plan matches matches it and no other, so coordination is 1 throughout. Left out, the
  // plan is a plain one: a ranking list or the index's head can answer it (at 1,000,000 passages,
  // ranking every match of `military` to weigh a coordination of 1 took 270 ms).
  if (found.length === 1 && !isInitialism(gating[0].term, initialisms)) {
    return { expression, where: TRUE, coordination: null, sameCoordination: 1, matchedBy: 'some' };
  }
  const matchOf = (u: Unit) => initialismCondition([u.term], lookupOf, initialisms, {}) ?? sql`x.id IN (${fullText.rowsMatching(unitExpression(u))})`;
  const matches = units.map(matchOf);
  const anyInitialism = gating.some((u) => isInitialism(u.term, initialisms));
  return {
    expression,
    // Without an initialism, matching the expression is matching some gating unit: no condition needed.
    where: anyInitialism ? sql`(${join(gating.map(matchOf), ' OR ')})` : TRUE,
    coordination: join(
      matches.map((m) => sql`(CASE WHEN ${m} THEN 1 ELSE 0 END)`),
      ' + ',
    ),
    ...(units.some((u) => isInitialism(u.term, initialisms)) ? {} : { wordsFound: found.map(unitExpression) }),
    matchedBy: 'some',
  };
}
