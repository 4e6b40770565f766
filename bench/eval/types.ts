// The evaluation's vocabulary: the engines it compares, the judged queries' classes and forms, and the
// shape of its result (what eval.json holds and the tables read).
import type { SearchFilters } from '../engines/types';
import type { MatchedBy } from '@/lib/search/types';

/**
 * 'hybrid' is searchPassages in its default mode, what readers get: the column called 'project' before
 * issue 9, and comparable with it. 'lexical' and 'vector' are its two sides alone.
 */
export const EVAL_ENGINES = ['hybrid', 'lexical', 'vector', 'like', 'minisearch', 'flexsearch'] as const;
export type EvalEngine = (typeof EVAL_ENGINES)[number];

/** The natural class (issue 9): what a reader types, in three forms. */
export const NATURAL = 'natural';
export const NATURAL_FORMS = ['question', 'paraphrase', 'unused-words'] as const;
export type NaturalForm = (typeof NATURAL_FORMS)[number];

export interface Judgment {
  id: string;
  class: string;
  q: string;
  /** Natural queries only: a question, a paraphrase, or words the text does not use. */
  form?: NaturalForm;
  filters?: SearchFilters;
  why: string;
  relevant: { document: string; anchor: number; grade: 1 | 2 | 3 }[];
}

export interface Metrics {
  ndcg: number;
  mrr: number;
  recall: number;
}

export interface EvalResult {
  meta: { generatedAt: string; judgments: string; queries: number; k: number; engines: readonly EvalEngine[]; notes: string[] };
  engines: Record<
    EvalEngine,
    {
      overall: Metrics;
      /** Every class but natural: the queries the figures before issue 9 were over. */
      exactWords: Metrics;
      classes: Record<string, Metrics>;
      /** The natural class by form. */
      forms: Record<NaturalForm, Metrics>;
      /** Queries that got no result at all, per class. */
      noResult: Record<string, number>;
    }
  >;
  queries: {
    id: string;
    class: string;
    form?: NaturalForm;
    q: string;
    filters?: SearchFilters;
    results: Record<EvalEngine, { ranked: string[]; didYouMean?: string; matchedBy?: MatchedBy } & Metrics>;
  }[];
  files: { json: string; markdown: string };
}
