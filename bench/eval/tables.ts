// The evaluation's Markdown tables, shared by eval.md and the console summary of `npm run eval:search`.
import { EVAL_ENGINES, NATURAL, NATURAL_FORMS, type EvalResult, type Metrics } from './types';

export const f3 = (x: number) => x.toFixed(3);
const header = (first: string) => [`| ${first} | ${EVAL_ENGINES.join(' | ')} |`, `| --- |${EVAL_ENGINES.map(() => ' ---: |').join('')}`];

/** Over all queries, and over the exact-word ones alone (every class but natural: comparable with the figures before issue 9). */
export function overallTable(result: EvalResult): string {
  const exact = result.queries.filter((q) => q.class !== NATURAL).length;
  const rows = EVAL_ENGINES.map((name) => {
    const { overall: m, exactWords: x } = result.engines[name];
    return `| ${name} | ${f3(m.ndcg)} | ${f3(m.mrr)} | ${f3(m.recall)} | ${f3(x.ndcg)} | ${f3(x.mrr)} | ${f3(x.recall)} |`;
  });
  return [
    `| engine | nDCG@10 (all ${result.queries.length}) | MRR | recall@10 | nDCG@10 (exact-word ${exact}) | MRR | recall@10 |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}

export function classTable(result: EvalResult, classes: string[], metric: keyof Metrics = 'ndcg'): string {
  const counts = new Map(classes.map((c) => [c, result.queries.filter((q) => q.class === c).length]));
  const rows = classes.map((c) => `| ${c} (${counts.get(c)}) | ${EVAL_ENGINES.map((name) => f3(result.engines[name].classes[c][metric])).join(' | ')} |`);
  return [...header('class (queries)'), ...rows].join('\n');
}

/** One class, every engine: nDCG@10, MRR, recall@10 and the queries that found nothing. */
export function engineTableFor(result: EvalResult, cls: string): string {
  const count = result.queries.filter((q) => q.class === cls).length;
  const rows = EVAL_ENGINES.map((name) => {
    const m = result.engines[name].classes[cls];
    return `| ${name} | ${f3(m.ndcg)} | ${f3(m.mrr)} | ${f3(m.recall)} | ${result.engines[name].noResult[cls]} of ${count} |`;
  });
  return ['| engine | nDCG@10 | MRR | recall@10 | no result |', '| --- | ---: | ---: | ---: | ---: |', ...rows].join('\n');
}

/** The natural class by form (question, paraphrase, unused words), nDCG@10. */
export function formTable(result: EvalResult): string {
  const rows = NATURAL_FORMS.map((f) => {
    const count = result.queries.filter((q) => q.form === f).length;
    return `| ${f} (${count}) | ${EVAL_ENGINES.map((name) => f3(result.engines[name].forms[f].ndcg)).join(' | ')} |`;
  });
  return [...header('form (queries)'), ...rows].join('\n');
}

/** Queries with no result at all, per class and engine. */
export function noResultTable(result: EvalResult, classes: string[]): string {
  const counts = new Map(classes.map((c) => [c, result.queries.filter((q) => q.class === c).length]));
  const rows = classes.map((c) => `| ${c} (${counts.get(c)}) | ${EVAL_ENGINES.map((name) => result.engines[name].noResult[c]).join(' | ')} |`);
  return [...header('class (queries)'), ...rows].join('\n');
}
