// `npm run eval:search`: relevance of each engine on the seed archive, against bench/eval/judgments.json.
// Builds a fresh seeded database in a temporary folder (migrations + seedArchive, the real importer),
// runs every judged query through the project's search in its three modes (hybrid, what readers get;
// lexical alone; vector alone), like, minisearch and flexsearch with the same filters, and reports
// nDCG@10, MRR and recall@10, overall and per query class, and how many queries found nothing.
import path from 'node:path';
import { runEvaluation } from './evaluate';
import { classTable, engineTableFor, formTable, overallTable } from './tables';
import { EVAL_ENGINES, NATURAL } from './types';

async function main() {
  const outDir = path.resolve(import.meta.dirname, '../results');
  const result = await runEvaluation({ outDir, progress: true });
  const classes = [...new Set(result.queries.map((q) => q.class))];
  console.log(`\nSearch relevance, ${result.meta.queries} queries on the seed archive\n`);
  console.log(overallTable(result));
  for (const metric of ['ndcg', 'mrr', 'recall'] as const) {
    console.log(`\n${{ ndcg: 'nDCG@10', mrr: 'MRR', recall: 'recall@10' }[metric]} per query class\n`);
    console.log(classTable(result, classes, metric));
  }
  if (classes.includes(NATURAL)) {
    console.log(`\nThe natural class (${result.queries.filter((q) => q.class === NATURAL).length} queries), every engine\n`);
    console.log(engineTableFor(result, NATURAL));
    console.log('\nThe natural class by form (nDCG@10)\n');
    console.log(formTable(result));
    console.log(`\nNatural queries with no result: ${EVAL_ENGINES.map((name) => `${name} ${result.engines[name].noResult[NATURAL]}`).join(', ')}`);
  }
  console.log(`\nWrote ${path.relative(process.cwd(), result.files.json)} and ${path.relative(process.cwd(), result.files.markdown)}`);
}

await main();
