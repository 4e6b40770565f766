// What the alternative engines share, so that every engine answers the same question: the query
// read by the project's own parser (words, "phrases", prefix*, OR, -exclusions; no synonyms, no typo
// correction), the filters with the project's meaning, and the passage rows they index.
import { openReadOnlyDatabase } from '@/lib/db';
import { parsePartialDate } from '@/lib/dates';
import { parseQuery, wordsOf, type ParsedQuery, type QueryTerm } from '@/lib/search/query-parser';
import { heapUsed } from './memory';
import type { BuildStats, Engine, EngineHits, EngineQuery, SearchFilters } from './types';

export type { ParsedQuery, QueryTerm };
export { parseQuery };

/** Lower case, diacritics removed: as FTS5's unicode61 tokenizer with remove_diacritics folds words. */
export const fold = (word: string): string => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const tokens = (text: string): string[] => wordsOf(text).map(fold);

/** A term that needs its words side by side: typed in quotes, or several words in one token ("jong-un"). */
export const isPhrase = (term: QueryTerm): boolean => term.words.length > 1;

/** True when the words of the phrase stand together, in order, in the text. */
export function containsPhrase(textTokens: string[], phrase: string[]): boolean {
  outer: for (let i = 0; i + phrase.length <= textTokens.length; i++) {
    for (let k = 0; k < phrase.length; k++) if (textTokens[i + k] !== phrase[k]) continue outer;
    return true;
  }
  return false;
}

/** Phrases of a query that a bag-of-words engine has to check afterwards (only required, non-OR ones). */
export function requiredPhrases(parsed: ParsedQuery): string[][] {
  return parsed.groups.filter((g) => g.length === 1 && isPhrase(g[0])).map((g) => g[0].words.map(fold));
}

/** "Public" as lib/search/public-documents.ts says it (published, not deleted), for plain SQL on Document `d`. */
export const PUBLIC_DOCUMENT = `d.status = 'published' AND d.deletedAt IS NULL`;

/** A row as the in-memory engines index it: the three FTS columns plus what the filters need. */
export interface PassageRow {
  id: number;
  text: string;
  speaker: string;
  title: string;
  speakerSlug: string | null;
  kind: 'question' | 'answer' | 'paragraph';
  topics: string[];
  publishedOn: string;
  publishedUntil: string;
}

/** Passages of published documents, in id order, streamed (the in-memory engines index only what readers may find). */
export function* publishedRows(dbFile: string): Generator<PassageRow> {
  const db = openReadOnlyDatabase(dbFile);
  try {
    const topics = new Map((db.prepare('SELECT id, slug FROM Topic').all() as { id: number; slug: string }[]).map((t) => [t.id, t.slug]));
    const statement = db.prepare(`
      SELECT p.id AS id, p.text AS text, COALESCE(s.name, '') AS speaker, d.title AS title, s.slug AS speakerSlug, p.kind AS kind,
             (SELECT group_concat(pt.topicId) FROM PassageTopic pt WHERE pt.passageId = p.id) AS topicIds,
             d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil
      FROM Passage p JOIN Document d ON d.id = p.documentId LEFT JOIN Speaker s ON s.id = p.speakerId
      WHERE ${PUBLIC_DOCUMENT} ORDER BY p.id`);
    for (const row of statement.iterate() as Iterable<Omit<PassageRow, 'topics'> & { topicIds: string | null }>) {
      const { topicIds, ...rest } = row;
      yield { ...rest, topics: topicIds ? topicIds.split(',').map((id) => topics.get(Number(id))!) : [] };
    }
  } finally {
    db.close();
  }
}

const dayNumber = (iso: string) => Number(iso.replaceAll('-', ''));

/**
 * The filter columns, packed (ids index typed arrays): speaker, kind, topics as a bit set, and the
 * document's period, with the project's semantics (a period overlapping [from, to] matches).
 */
export class FilterColumns {
  private readonly speaker: Int32Array;
  private readonly kind: Uint8Array;
  private readonly topics: Uint32Array;
  private readonly on: Int32Array;
  private readonly until: Int32Array;
  private readonly speakerIds = new Map<string, number>();
  private readonly topicBits = new Map<string, number>();
  private static readonly KINDS = ['question', 'answer', 'paragraph'];

  constructor(maxId: number) {
    this.speaker = new Int32Array(maxId + 1);
    this.kind = new Uint8Array(maxId + 1);
    this.topics = new Uint32Array(maxId + 1);
    this.on = new Int32Array(maxId + 1);
    this.until = new Int32Array(maxId + 1);
  }

  add(row: PassageRow) {
    if (row.speakerSlug) {
      if (!this.speakerIds.has(row.speakerSlug)) this.speakerIds.set(row.speakerSlug, this.speakerIds.size + 1);
      this.speaker[row.id] = this.speakerIds.get(row.speakerSlug)!;
    }
    this.kind[row.id] = FilterColumns.KINDS.indexOf(row.kind) + 1;
    let bits = 0;
    for (const t of row.topics) {
      if (!this.topicBits.has(t)) this.topicBits.set(t, this.topicBits.size);
      bits |= 1 << this.topicBits.get(t)!;
    }
    this.topics[row.id] = bits >>> 0;
    this.on[row.id] = dayNumber(row.publishedOn);
    this.until[row.id] = dayNumber(row.publishedUntil);
  }

  bytes(): number {
    return this.speaker.byteLength + this.kind.byteLength + this.topics.byteLength + this.on.byteLength + this.until.byteLength;
  }

  /** A predicate for the filters, or null when there are none. Unknown speaker or topic: nothing matches. */
  predicate(filters: SearchFilters): ((id: number) => boolean) | null {
    const tests: ((id: number) => boolean)[] = [];
    if (filters.speaker) {
      const s = this.speakerIds.get(filters.speaker) ?? -1;
      tests.push((id) => this.speaker[id] === s);
    }
    if (filters.topic) {
      const bit = this.topicBits.get(filters.topic);
      tests.push(bit === undefined ? () => false : (id) => (this.topics[id] & (1 << bit)) !== 0);
    }
    if (filters.kind) {
      const k = FilterColumns.KINDS.indexOf(filters.kind) + 1;
      tests.push((id) => this.kind[id] === k);
    }
    if (filters.from) {
      const from = dayNumber(parsePartialDate(filters.from)!.start);
      tests.push((id) => this.until[id] >= from);
    }
    if (filters.to) {
      const to = dayNumber(parsePartialDate(filters.to)!.end);
      tests.push((id) => this.on[id] <= to);
    }
    if (tests.length === 0) return null;
    return (id) => this.kind[id] !== 0 && tests.every((t) => t(id));
  }
}

/** Bytes of the strings held (UTF-16 in V8's worst case, two bytes a character). */
export const stringBytes = (texts: Iterable<string>): number => {
  let n = 0;
  for (const t of texts) n += t.length * 2;
  return n;
};

/**
 * An engine that holds its index in memory: build() reads every published passage into it (`create`,
 * then `add` a row at a time), keeping the texts and filter columns it checks afterwards, and
 * measures the time and the heap kept, the side data counted apart.
 */
export abstract class InMemoryEngine<I> implements Engine {
  abstract readonly name: string;
  /** Said in the report about how this engine indexes and searches. */
  protected abstract readonly note: string;
  private built: { index: I; texts: string[]; filters: FilterColumns; count: number } | null = null;

  constructor(
    private readonly dbFile: string,
    private readonly maxId: number,
    private readonly onProgress?: (done: number) => void,
  ) {}

  protected abstract create(): I;
  protected abstract add(index: I, row: PassageRow): void;
  abstract search(query: EngineQuery, limit: number): Promise<EngineHits>;

  private get ready() {
    if (!this.built) throw new Error(`${this.name}: search before build`);
    return this.built;
  }
  protected get index(): I {
    return this.ready.index;
  }
  /** Passage texts by id, for checking phrases afterwards. */
  protected get texts(): string[] {
    return this.ready.texts;
  }
  protected get filters(): FilterColumns {
    return this.ready.filters;
  }
  /** How many passages the index holds. */
  protected get count(): number {
    return this.ready.count;
  }

  async build(): Promise<BuildStats> {
    const before = heapUsed();
    const started = performance.now();
    const index = this.create();
    const texts: string[] = [];
    const filters = new FilterColumns(this.maxId);
    let count = 0;
    for (const row of publishedRows(this.dbFile)) {
      this.add(index, row);
      texts[row.id] = row.text;
      filters.add(row);
      if (++count % 10000 === 0) this.onProgress?.(count);
    }
    const buildMs = performance.now() - started;
    this.built = { index, texts, filters, count };
    const total = heapUsed() - before;
    const sideBytes = stringBytes(texts.filter(Boolean)) + filters.bytes();
    return { buildMs, indexBytes: Math.max(0, total - sideBytes), indexBytesKind: 'heap', sideBytes, notes: [this.note] };
  }

  async close() {
    this.built = null;
  }
}
