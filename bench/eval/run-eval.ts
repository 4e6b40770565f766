// `npm run eval:search`: relevance of each engine on the seed archive, against bench/eval/judgments.json.
// Builds a fresh seeded database in a temporary folder (migrations + seedArchive, the real importer),
// runs every judged query through the project's search in its three modes (hybrid, what readers get;
// lexical alone; vector alone), like, minisearch and flexsearch with the same filters, and reports
// nDCG@10, MRR and recall@10, overall and per query class, and how many queries found nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createPrismaClient, migrateDatabase, openDatabase, openReadOnlyDatabase } from '@/lib/db';
import { seedArchive } from '@/seed/seed-archive';
import { FlexSearchEngine } from '../engines/flexsearch';
import { LikeEngine } from '../engines/like';
import { MiniSearchEngine, MINISEARCH_FUZZY } from '../engines/minisearch';
import { ProjectEngine } from '../engines/project';
import type { Engine, SearchFilters } from '../engines/types';
import type { MatchedBy, SearchMode } from '@/lib/search/types';
import { K, ndcg, recall, reciprocalRank, type Judged } from './metrics';

/**
 * 'hybrid' is searchPassages in its default mode, what readers get: the column called 'project' before
 * issue 9, and comparable with it. 'lexical' and 'vector' are its two sides alone.
 */
export const EVAL_ENGINES = ['hybrid', 'lexical', 'vector', 'like', 'minisearch', 'flexsearch'] as const;
export type EvalEngine = (typeof EVAL_ENGINES)[number];
const PROJECT_MODES: Partial<Record<EvalEngine, SearchMode>> = { hybrid: 'hybrid', lexical: 'lexical', vector: 'vector' };

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

export const judgmentsFile = path.resolve(import.meta.dirname, 'judgments.json');
const keyOf = (slug: string, anchor: number) => `${slug}#${anchor}`;

export function readJudgments(file = judgmentsFile): Judgment[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { queries: Judgment[] };
  const ids = new Set<string>();
  for (const j of raw.queries) {
    if (ids.has(j.id)) throw new Error(`judgments.json: two queries have the id "${j.id}"`);
    ids.add(j.id);
    if (!j.q || !j.class || !j.why || j.relevant.length === 0) throw new Error(`judgments.json: ${j.id} needs q, class, why and at least one relevant passage`);
    const keys = j.relevant.map((r) => keyOf(r.document, r.anchor));
    if (new Set(keys).size !== keys.length) throw new Error(`judgments.json: ${j.id} judges a passage twice`);
    if (j.relevant.some((r) => ![1, 2, 3].includes(r.grade))) throw new Error(`judgments.json: ${j.id} has a grade outside 1..3`);
    if ((j.class === NATURAL) !== (j.form !== undefined) || (j.form !== undefined && !NATURAL_FORMS.includes(j.form)))
      throw new Error(`judgments.json: ${j.id}: a natural query needs a form (${NATURAL_FORMS.join(', ')}), and only a natural query has one`);
  }
  return raw.queries;
}

/** A fresh database with the seed archive, through the project's migrations and importer. */
export async function buildSeedDatabase(dir: string): Promise<string> {
  const file = path.join(dir, 'seed.db');
  migrateDatabase(file);
  const prisma = createPrismaClient(`file:${file}`);
  try {
    await seedArchive(prisma);
  } finally {
    await prisma.$disconnect();
  }
  const db = openDatabase(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return file;
}

const mean = (values: number[]) => (values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length);
const average = (items: Metrics[]): Metrics => ({
  ndcg: mean(items.map((m) => m.ndcg)),
  mrr: mean(items.map((m) => m.mrr)),
  recall: mean(items.map((m) => m.recall)),
});

export async function runEvaluation(options: { outDir: string; judgments?: string; progress?: boolean }): Promise<EvalResult> {
  const judgments = readJudgments(options.judgments);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'search-eval-'));
  try {
    const file = await buildSeedDatabase(dir);
    const db = openReadOnlyDatabase(file);
    const passages = db.prepare('SELECT p.id AS id, d.slug AS slug, p.anchor AS anchor FROM Passage p JOIN Document d ON d.id = p.documentId').all() as {
      id: number;
      slug: string;
      anchor: number;
    }[];
    db.close();
    const keyById = new Map(passages.map((p) => [p.id, keyOf(p.slug, p.anchor)]));
    const known = new Set(keyById.values());
    for (const j of judgments) {
      const unknown = j.relevant.map((r) => keyOf(r.document, r.anchor)).filter((k) => !known.has(k));
      if (unknown.length > 0) throw new Error(`judgments.json: ${j.id} judges passages the seed does not have: ${unknown.join(', ')}`);
    }
    const maxId = Math.max(...passages.map((p) => p.id));

    const make = (name: EvalEngine): Engine =>
      PROJECT_MODES[name]
        ? new ProjectEngine(file, 0, PROJECT_MODES[name])
        : name === 'like'
          ? new LikeEngine(file, 0)
          : name === 'minisearch'
            ? new MiniSearchEngine(file, maxId)
            : new FlexSearchEngine(file, maxId);

    const perQuery = new Map<string, EvalResult['queries'][number]['results']>(judgments.map((j) => [j.id, {} as EvalResult['queries'][number]['results']]));
    for (const name of EVAL_ENGINES) {
      const engine = make(name);
      await engine.build();
      try {
        for (const j of judgments) {
          const hits = await engine.search({ q: j.q, filters: j.filters ?? {} }, K);
          const ranked = hits.ids.map((id) => keyById.get(id)!);
          const judged: Judged = { grades: new Map(j.relevant.map((r) => [keyOf(r.document, r.anchor), r.grade])) };
          perQuery.get(j.id)![name] = {
            ranked,
            ...(hits.didYouMean ? { didYouMean: hits.didYouMean } : {}),
            ...(hits.matchedBy ? { matchedBy: hits.matchedBy } : {}),
            ndcg: ndcg(ranked, judged),
            mrr: reciprocalRank(ranked, judged),
            recall: recall(ranked, judged),
          };
        }
      } finally {
        await engine.close();
      }
      if (options.progress) process.stderr.write(`  ${name}: ${judgments.length} queries\n`);
    }

    const classes = [...new Set(judgments.map((j) => j.class))];
    const engines = {} as EvalResult['engines'];
    for (const name of EVAL_ENGINES) {
      const of = (list: Judgment[]) => average(list.map((j) => perQuery.get(j.id)![name]));
      const inClass = (c: string) => judgments.filter((j) => j.class === c);
      engines[name] = {
        overall: of(judgments),
        exactWords: of(judgments.filter((j) => j.class !== NATURAL)),
        classes: Object.fromEntries(classes.map((c) => [c, of(inClass(c))])),
        forms: Object.fromEntries(NATURAL_FORMS.map((f) => [f, of(judgments.filter((j) => j.form === f))])) as Record<NaturalForm, Metrics>,
        noResult: Object.fromEntries(classes.map((c) => [c, inClass(c).filter((j) => perQuery.get(j.id)![name].ranked.length === 0).length])),
      };
    }
    mkdirSync(options.outDir, { recursive: true });
    const files = { json: path.join(options.outDir, 'eval.json'), markdown: path.join(options.outDir, 'eval.md') };
    const result: EvalResult = {
      meta: {
        generatedAt: new Date().toISOString(),
        judgments: path.relative(process.cwd(), options.judgments ?? judgmentsFile),
        queries: judgments.length,
        k: K,
        engines: EVAL_ENGINES,
        notes: [
          "hybrid, lexical, vector: searchPassages as the API calls it, with mode 'hybrid' (the default, what readers get; the column called 'project' before issue 9), 'lexical' or 'vector' (synonyms, porter stemming, typo correction when nothing is found, and whatever each mode adds).",
          'like: LIKE %word% per word on Passage.text (a quoted phrase as one pattern), first 10 by id; no ranking, no stemming beyond substring matching.',
          `minisearch: fields text/speaker/title boosted 1/0.5/0.2, fuzzy ${MINISEARCH_FUZZY} on non-prefix terms (its own typo tolerance), prefix for prefix* terms; phrases checked in the text.`,
          'flexsearch: Document index, tokenize "forward", default encoder (which collapses repeated letters); field order as boost; phrases and dates checked afterwards.',
          'No engine but the project has synonyms. All engines get the same filters.',
          'recall@10 is relevant passages found in the top 10 over min(relevant, 10).',
        ],
      },
      engines,
      queries: judgments.map((j) => ({
        id: j.id,
        class: j.class,
        ...(j.form ? { form: j.form } : {}),
        q: j.q,
        ...(j.filters ? { filters: j.filters } : {}),
        results: perQuery.get(j.id)!,
      })),
      files,
    };
    writeFileSync(files.json, JSON.stringify(result, null, 2));
    writeFileSync(files.markdown, evalMarkdown(result, classes));
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const f3 = (x: number) => x.toFixed(3);
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

function evalMarkdown(result: EvalResult, classes: string[]): string {
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

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
