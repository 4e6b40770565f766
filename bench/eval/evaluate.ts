// Runs every judged query through every engine on a fresh seed database and scores the ranked lists
// (nDCG@10, MRR, recall@10), per query, per class, per natural form; writes eval.json and eval.md.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReadOnlyDatabase } from '@/lib/db';
import type { SearchMode } from '@/lib/search/types';
import { FlexSearchEngine } from '../engines/flexsearch';
import { LikeEngine } from '../engines/like';
import { MiniSearchEngine, MINISEARCH_FUZZY } from '../engines/minisearch';
import { ProjectEngine } from '../engines/project';
import type { Engine } from '../engines/types';
import { judgmentsFile, keyOf, readJudgments } from './judgments';
import { evalMarkdown } from './markdown';
import { K, ndcg, recall, reciprocalRank, type Judged } from './metrics';
import { buildSeedDatabase } from './seed-database';
import { EVAL_ENGINES, NATURAL, NATURAL_FORMS, type EvalEngine, type EvalResult, type Judgment, type Metrics, type NaturalForm } from './types';

const PROJECT_MODES: Partial<Record<EvalEngine, SearchMode>> = { hybrid: 'hybrid', lexical: 'lexical', vector: 'vector' };

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
