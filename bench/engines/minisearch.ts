// MiniSearch (BM25-like scoring, in memory) over the same published passages: fields text, speaker
// and title boosted 1 / 0.5 / 0.2 like the project's BM25 weights. The query is the project's parse
// turned into a MiniSearch query tree (AND of groups, OR within a group, AND_NOT for exclusions);
// prefix only for prefix* terms; fuzzy 0.2 (MiniSearch's own typo tolerance, the value its docs use)
// for the other terms. MiniSearch has no stemming, no synonyms and no phrases: a phrase is searched
// as its words (AND) and checked in the text afterwards. Filters are MiniSearch's `filter` callback.
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import { containsPhrase, InMemoryEngine, fold, parseQuery, requiredPhrases, tokens, type PassageRow, type QueryTerm } from './shared';
import type { EngineHits, EngineQuery } from './types';

export const MINISEARCH_FUZZY = 0.2;
const BOOST = { text: 1, speaker: 0.5, title: 0.2 };

interface Doc {
  id: number;
  text: string;
  speaker: string;
  title: string;
}

export class MiniSearchEngine extends InMemoryEngine<MiniSearch<Doc>> {
  readonly name = 'minisearch';
  protected readonly note = `fuzzy ${MINISEARCH_FUZZY} on non-prefix terms; phrases checked in the text after the search; heap measured after gc`;

  protected create() {
    return new MiniSearch<Doc>({ fields: ['text', 'speaker', 'title'], idField: 'id', processTerm: (term) => fold(term), searchOptions: { boost: BOOST } });
  }

  protected add(index: MiniSearch<Doc>, row: PassageRow) {
    index.add({ id: row.id, text: row.text, speaker: row.speaker, title: row.title });
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const parsed = parseQuery(query.q);
    if (parsed.groups.length === 0) return { ids: [] };
    const term = (t: QueryTerm): Query => ({
      queries: [t.words.join(' ')],
      combineWith: 'AND',
      prefix: t.prefix,
      fuzzy: t.prefix ? false : MINISEARCH_FUZZY,
    });
    const required: Query = {
      combineWith: 'AND',
      queries: parsed.groups.map((group) => (group.length === 1 ? term(group[0]) : { combineWith: 'OR', queries: group.map(term) })),
    };
    const tree: Query = parsed.excluded.length > 0 ? { combineWith: 'AND_NOT', queries: [required, ...parsed.excluded.map(term)] } : required;
    const predicate = this.filters.predicate(query.filters);
    const options: SearchOptions = predicate ? { filter: (r) => predicate(r.id as number) } : {};
    const results = this.index.search(tree, options);
    const phrases = requiredPhrases(parsed);
    const ids: number[] = [];
    for (const r of results) {
      if (ids.length >= limit) break;
      const id = r.id as number;
      if (phrases.length > 0) {
        const words = tokens(this.texts[id]);
        if (!phrases.every((p) => containsPhrase(words, p))) continue;
      }
      ids.push(id);
    }
    return { ids, total: phrases.length === 0 ? results.length : undefined };
  }
}
