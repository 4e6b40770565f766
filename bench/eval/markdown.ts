// eval.md: the tables, each class for every engine, and nDCG@10 query by query.
import { classTable, engineTableFor, f3, formTable, noResultTable, overallTable } from './tables';
import { EVAL_ENGINES, type EvalResult } from './types';

export function evalMarkdown(result: EvalResult, classes: string[]): string {
  const perQuery = result.queries.map(
    (q) =>
      `| ${q.id} | \`${q.q}\`${q.filters ? ` ${JSON.stringify(q.filters).replace(/"/g, '')}` : ''} | ${EVAL_ENGINES.map((name) => {
        const r = q.results[name];
        const notes = [r.ranked.length === 0 ? 'none' : '', r.didYouMean ? `→ ${r.didYouMean}` : '', r.matchedBy && r.matchedBy !== 'all' ? r.matchedBy : '']
          .filter(Boolean)
          .join(', ');
        return `${f3(r.ndcg)}${notes ? ` (${notes})` : ''}`;
      }).join(' | ')} |`,
  );
  return [
    '# Search relevance on the seed archive',
    '',
    `${result.meta.queries} judged queries (${result.meta.judgments}), cut-off ${result.meta.k}. Generated ${result.meta.generatedAt}.`,
    '',
    ...result.meta.notes.map((n) => `- ${n}`),
    '',
    '## Mean over all queries',
    '',
    overallTable(result),
    '',
    '## nDCG@10 per query class',
    '',
    classTable(result, classes, 'ndcg'),
    '',
    '## recall@10 per query class',
    '',
    classTable(result, classes, 'recall'),
    '',
    '## MRR per query class',
    '',
    classTable(result, classes, 'mrr'),
    '',
    '## Queries with no result per query class',
    '',
    noResultTable(result, classes),
    '',
    '## Each class, every engine',
    '',
    ...classes.flatMap((c) => [`### ${c}`, '', engineTableFor(result, c), '']),
    '## The natural class by form (nDCG@10)',
    '',
    formTable(result),
    '',
    '## nDCG@10 per query',
    '',
    '(none) no result; (→ x) searched the correction x; (some) / (meaning) how the project says it found the hits, when not every word matched.',
    '',
    `| id | query | ${EVAL_ENGINES.join(' | ')} |`,
    `| --- | --- |${EVAL_ENGINES.map(() => ' ---: |').join('')}`,
    ...perQuery,
    '',
  ].join('\n');
}
