// The fixed query mix: five exact-word classes of ~20 queries (rare word, common word, two words,
// phrase, prefix) and, since issue 9, a natural-language class (questions and paraphrases: several
// words, stop words, words the corpus does not have), each also with filters (speaker, topic, kind,
// date range, or two of them). Chosen from the vocabulary's frequency order, so the mix is the same for
// a given seed whatever N is. The natural class is kept apart from QUERY_CLASSES so that the
// exact-word classes, and the "all" figures over them, stay comparable with the stored baselines.
import type { CorpusPlan } from './corpus';
import { PLANTED_PHRASES, PLANTED_WORDS } from './vocabulary';
import type { EngineQuery, SearchFilters } from '../engines/types';

export const QUERY_CLASSES = ['rare', 'common', 'two-words', 'phrase', 'prefix'] as const;
export const NATURAL_CLASS = 'natural';
export type QueryClass = (typeof QUERY_CLASSES)[number] | typeof NATURAL_CLASS;
/** Every class of the mix, the natural one last. */
export const ALL_QUERY_CLASSES: readonly QueryClass[] = [...QUERY_CLASSES, NATURAL_CLASS];
/** Every class name a summary is kept for: each class without, then with filters. */
export const SUMMARY_CLASSES: readonly string[] = [...ALL_QUERY_CLASSES, ...ALL_QUERY_CLASSES.map((c) => `${c}+filters`)];

export interface BenchQuery extends EngineQuery {
  id: string;
  /** "rare" or "rare+filters". */
  cls: string;
  base: QueryClass;
  filtered: boolean;
}

const PER_CLASS = 20;

const REAL_PREFIXES = ['sanct', 'smugg', 'negot', 'nucl', 'refug', 'inspect', 'broad', 'escap', 'diplom', 'propag'];

/** Everyday nouns a reader types that the synthetic vocabulary lacks (any it has are left out). */
const READERS_WORDS = [
  'movies',
  'police',
  'raids',
  'worship',
  'sticks',
  'program',
  'jail',
  'phones',
  'teenagers',
  'bribes',
  'dramas',
  'videos',
  'internet',
  'bosses',
  'guards',
];

/**
 * Questions and paraphrases as readers type them: question words and stop words (which the corpus
 * has, in most passages), subject words, a mid-rank made-up word, and words the corpus does not have
 * ("help", "caught", "happens", "why", "where" and the readers' nouns).
 * s, t: subject words; m: a made-up word; o, p: readers' nouns outside the vocabulary.
 */
const NATURAL_TEMPLATES: ((w: { s: string; t: string; m: string; o: string; p: string }) => string)[] = [
  ({ s, t }) => `how can i help ${s} ${t}`,
  ({ s, o }) => `what happens if you are caught with ${o} about ${s}`,
  ({ s, o }) => `${s} ${o}`,
  ({ s, t, m }) => `the ${s} of ${m} and the ${t}`,
  ({ s, o, p }) => `${o} ${p} ${s}`,
  ({ s, o }) => `why do ${s} fear ${o}`,
  ({ s, m, o }) => `where are the ${o} of ${s} in ${m}`,
  ({ s, t, m, p }) => `${s} ${t} ${m} ${p}`,
];

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
  const known = new Set(words);
  const outside = READERS_WORDS.filter((w) => !known.has(w));
  const subjectStart = words.indexOf('north');
  const subject = (i: number) => words[subjectStart + ((i * 13) % (realCount - subjectStart))];
  const natural = Array.from({ length: PER_CLASS }, (_, i) =>
    NATURAL_TEMPLATES[i % NATURAL_TEMPLATES.length]({
      s: subject(i),
      t: subject(i + 7),
      m: synthetic(300 + i * 97),
      o: outside[i % outside.length],
      p: outside[(i + 5) % outside.length],
    }),
  );
  return { rare, common, 'two-words': twoWords, phrase, prefix, natural };
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
  for (const cls of ALL_QUERY_CLASSES) {
    base[cls].forEach((q, i) => queries.push({ id: `${cls}-${i + 1}`, cls, base: cls, filtered: false, q, filters: {} }));
  }
  for (const cls of ALL_QUERY_CLASSES) {
    base[cls].forEach((q, i) =>
      queries.push({ id: `${cls}+filters-${i + 1}`, cls: `${cls}+filters`, base: cls, filtered: true, q, filters: filtersFor(plan, i) }),
    );
  }
  return queries;
}
