// The fixed query mix: five classes of ~20 queries (rare word, common word, two words, phrase,
// prefix), each also with filters (speaker, topic, kind, date range, or two of them). Chosen from the
// vocabulary's frequency order, so the mix is the same for a given seed whatever N is.
import type { CorpusPlan } from './corpus';
import { PLANTED_PHRASES, PLANTED_WORDS } from './vocabulary';
import type { EngineQuery, SearchFilters } from '../engines/types';

export const QUERY_CLASSES = ['rare', 'common', 'two-words', 'phrase', 'prefix'] as const;
export type QueryClass = (typeof QUERY_CLASSES)[number];

export interface BenchQuery extends EngineQuery {
  id: string;
  /** "rare" or "rare+filters". */
  cls: string;
  base: QueryClass;
  filtered: boolean;
}

const PER_CLASS = 20;

const REAL_PREFIXES = ['sanct', 'smugg', 'negot', 'nucl', 'refug', 'inspect', 'broad', 'escap', 'diplom', 'propag'];

function baseQueries(plan: CorpusPlan): Record<QueryClass, string[]> {
  const { words, realCount } = plan.vocabulary;
  const synthetic = (rank: number) => words[realCount + rank];
  const syntheticCount = words.length - realCount;
  const spread = (from: number, to: number, count: number) => Array.from({ length: count }, (_, i) => Math.floor(from + ((to - from) * i) / count));

  const rare = [...PLANTED_WORDS.map((p) => p.word), ...spread(15_000, syntheticCount, PER_CLASS - PLANTED_WORDS.length).map(synthetic)];
  const common = spread(0, 80, PER_CLASS).map((rank) => words[rank]);
  const twoWords = spread(0, PER_CLASS, PER_CLASS).map((i) => `${words[100 + i * 9]} ${synthetic(200 + i * 150)}`);
  const phrase = [
    ...PLANTED_PHRASES.map((p) => `"${p.text.toLowerCase()}"`),
    ...spread(0, PER_CLASS - PLANTED_PHRASES.length, PER_CLASS - PLANTED_PHRASES.length).map((i) => `"${words[i + 1]} ${words[i]}"`),
  ];
  const prefix = [
    ...REAL_PREFIXES.map((p) => `${p}*`),
    ...spread(0, PER_CLASS - REAL_PREFIXES.length, PER_CLASS - REAL_PREFIXES.length).map((i) => `${synthetic(i * 500).slice(0, i % 2 === 0 ? 3 : 4)}*`),
  ];
  return { rare, common, 'two-words': twoWords, phrase, prefix };
}

function filtersFor(plan: CorpusPlan, i: number): SearchFilters {
  const speaker = plan.speakers[(i * 37) % plan.speakers.length].slug;
  const topic = plan.topics[(i * 7) % plan.topics.length].slug;
  const kinds = ['answer', 'paragraph', 'question'] as const;
  const kind = kinds[i % 3];
  const fromYear = 1990 + ((i * 7) % 30);
  switch (i % 6) {
    case 0:
      return { speaker };
    case 1:
      return { topic };
    case 2:
      return { kind };
    case 3:
      return { from: String(fromYear), to: String(fromYear + 5) };
    case 4:
      return { topic, kind };
    default:
      return { speaker, from: `${fromYear}-06` };
  }
}

export function makeQueries(plan: CorpusPlan): BenchQuery[] {
  const base = baseQueries(plan);
  const queries: BenchQuery[] = [];
  for (const cls of QUERY_CLASSES) {
    base[cls].forEach((q, i) => queries.push({ id: `${cls}-${i + 1}`, cls, base: cls, filtered: false, q, filters: {} }));
  }
  for (const cls of QUERY_CLASSES) {
    base[cls].forEach((q, i) =>
      queries.push({ id: `${cls}+filters-${i + 1}`, cls: `${cls}+filters`, base: cls, filtered: true, q, filters: filtersFor(plan, i) }),
    );
  }
  return queries;
}
