// FlexSearch (a Document index in memory) over the same published passages: fields text, speaker
// and title, tokenize "forward" (FlexSearch's way to answer prefix queries, which makes every query
// word match as a prefix), its default encoder (lower case, diacritics folded, repeated letters
// collapsed). One of speaker, topic and kind is a FlexSearch tag (several tags are OR-ed by
// FlexSearch); any further filter, the date range and phrases are checked afterwards. FlexSearch has no numeric field boosts in document search: merged results come in
// field order (text, then speaker, then title), which is how the 1 / 0.5 / 0.2 weights are honoured.
// Words within one search are AND-ed by FlexSearch; OR and -exclusions (evaluation only) are set
// operations over per-term searches.
import { Charset, Document } from 'flexsearch';
import { containsPhrase, InMemoryEngine, parseQuery, requiredPhrases, tokens, type PassageRow, type QueryTerm } from './shared';
import type { EngineHits, EngineQuery } from './types';

interface Doc {
  [key: string]: string | number | string[];
  id: number;
  text: string;
  speaker: string;
  title: string;
  speakerSlug: string;
  kind: string;
  topics: string[];
}

type Merged = { id: number }[];

export class FlexSearchEngine extends InMemoryEngine<Document<Doc>> {
  readonly name = 'flexsearch';
  protected readonly note =
    'tokenize "forward" (needed for prefix queries); tags for speaker/topic/kind, date range and phrases checked afterwards; heap measured after gc';

  protected create() {
    return new Document<Doc>({
      tokenize: 'forward',
      encoder: Charset.Default,
      document: { id: 'id', index: ['text', 'speaker', 'title'], tag: ['speakerSlug', 'kind', 'topics'] },
    });
  }

  protected add(index: Document<Doc>, row: PassageRow) {
    index.add({ id: row.id, text: row.text, speaker: row.speaker, title: row.title, speakerSlug: row.speakerSlug ?? '', kind: row.kind, topics: row.topics });
  }

  /**
   * FlexSearch ORs several tags (results "tagged with at least one of the given tags"), so only one
   * filter can be a tag; every filter is then checked afterwards on the packed columns.
   */
  private tag(query: EngineQuery): Record<string, string> | undefined {
    const f = query.filters;
    if (f.speaker) return { speakerSlug: f.speaker };
    if (f.topic) return { topics: f.topic };
    if (f.kind) return { kind: f.kind };
    return undefined;
  }

  private run(text: string, limit: number, tag?: Record<string, string>): number[] {
    const options = { merge: true as const, limit, ...(tag ? { tag } : {}) };
    const result = this.index.search(text, options) as unknown as Merged;
    return result.map((r) => r.id);
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const parsed = parseQuery(query.q);
    if (parsed.groups.length === 0) return { ids: [] };
    const tag = this.tag(query);
    const phrases = requiredPhrases(parsed);
    const f = query.filters;
    const filterCount = [f.speaker, f.topic, f.kind].filter(Boolean).length;
    const predicate = filterCount > 1 || f.from || f.to ? this.filters.predicate(f) : null;
    const accept = (id: number) => {
      if (predicate && !predicate(id)) return false;
      if (phrases.length === 0) return true;
      const words = tokens(this.texts[id]);
      return phrases.every((p) => containsPhrase(words, p));
    };
    const simple = parsed.excluded.length === 0 && parsed.groups.every((g) => g.length === 1);

    if (simple) {
      const text = parsed.groups.map((g) => g[0].words.join(' ')).join(' ');
      const needsCheck = predicate !== null || phrases.length > 0;
      // Ask for more when results will be checked afterwards, and more again until enough pass.
      for (let fetch = needsCheck ? limit * 20 : limit; ; fetch *= 8) {
        const candidates = this.run(text, fetch, tag);
        const ids = needsCheck ? candidates.filter(accept).slice(0, limit) : candidates.slice(0, limit);
        if (ids.length >= limit || candidates.length < fetch || fetch >= this.count) return { ids };
      }
    }

    const all = Math.max(1, this.count);
    const termIds = (t: QueryTerm, withTag: boolean) => this.run(t.words.join(' '), all, withTag ? tag : undefined);
    const groups = parsed.groups.map((group) => interleave(group.map((t) => termIds(t, true))));
    const others = groups.slice(1).map((g) => new Set(g));
    const excluded = new Set(parsed.excluded.flatMap((t) => termIds(t, false)));
    const ids = groups[0].filter((id) => others.every((s) => s.has(id)) && !excluded.has(id) && accept(id)).slice(0, limit);
    return { ids };
  }
}

/** The union of ranked lists, taking from each in turn, each id once. */
function interleave(lists: number[][]): number[] {
  const seen = new Set<number>();
  const out: number[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++) {
    for (const l of lists) {
      if (i < l.length && !seen.has(l[i])) {
        seen.add(l[i]);
        out.push(l[i]);
      }
    }
  }
  return out;
}
