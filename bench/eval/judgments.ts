// The judged queries (bench/eval/judgments.json): read and checked before any engine runs, so a
// malformed judgment stops the evaluation with its id rather than skewing a figure.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NATURAL, NATURAL_FORMS, type Judgment } from './types';

export const judgmentsFile = path.resolve(import.meta.dirname, 'judgments.json');
export const keyOf = (slug: string, anchor: number) => `${slug}#${anchor}`;

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
