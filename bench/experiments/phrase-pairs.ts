// Experiment, not a feature: would an index of adjacent pairs of common words rank a phrase of such
// words ("of the", "and of") exactly as FTS5 does, and how much faster and bigger would it be?
//
// A phrase of two common words is the slowest search there is (issue 10: `"of the"` 599 ms at
// 1,000,000 passages), because FTS5 checks the positions of both words in every passage holding
// both. Indexing each adjacent pair of frequent terms as one token ("of_the") turns the phrase into
// one term with its own, much shorter, list. It ranks exactly as the phrase only if BM25 sees the
// same figures: the same rows (every passage gets a row, even with no pair), the same count of
// matching rows (the pair token is in a row exactly when the phrase is), the same frequency in each
// column, and the same lengths. The lengths are the catch: FTS5 takes a column's length from the
// tokens written to it, so the pairs' own lengths are overwritten with passage_fts's (its docsize rows
// and its totals record). Those are FTS5's shadow tables, writable only with SQLite's defensive mode
// off; see the README's "Phrase pairs" for what a real version would have to settle.
//
// Works on a copy of the corpus file (never the cached file itself) and prints a Markdown report.
//   npx tsx --import ./scripts/server-side.mjs bench/experiments/phrase-pairs.ts --corpus FILE [--share 0.2] [--out FILE.md]
import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase, SPEAKER_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT, type SqliteDb } from '@/lib/db';
import { LONGEST_HEAD } from '@/lib/search/top-k/candidates';
import { benchOptions, withUsage } from '../lib/command-line';

const USAGE = 'Usage: npx tsx --import ./scripts/server-side.mjs bench/experiments/phrase-pairs.ts --corpus FILE [--share 0.2] [--out FILE.md]';
/** The phrases of issue 10's benchmark (stemmed as the index holds them: "was" is "wa"), and one of subject words. */
const PHRASES = ['of the', 'and of', 'to and', 'a to', 'in a', 'that in', 'is that', 'wa is', 'north korea'];
const COLUMNS = ['text', 'speaker', 'title'] as const;
const TIMED_RUNS = 5;

const { values } = withUsage(USAGE, () => parseArgs({ args: process.argv.slice(2), options: benchOptions(['corpus', 'share', 'out'], []) }));
if (!values.corpus) throw new Error(`--corpus is needed.\n${USAGE}`);
const share = Number(values.share ?? '0.2');
if (!(share > 0 && share < 1)) throw new Error(`--share needs a number between 0 and 1, not "${values.share}".\n${USAGE}`);

const folder = mkdtempSync(path.join(tmpdir(), 'phrase-pairs-'));
const file = path.join(folder, 'corpus.db');
copyFileSync(values.corpus, file);
const db = openDatabase(file);
// Off for this copy only: FTS5's shadow tables are read-only under SQLite's defensive mode.
db.unsafeMode(true);

const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
const mib = (name: string) => (db.prepare('SELECT coalesce(sum(pgsize), 0) / 1048576.0 FROM dbstat WHERE name = ?').pluck().get(name) as number) ?? 0;

/** The frequent terms (in at least `share` of the rows), and each adjacent pair of them per row and column. */
function buildPairs(target: SqliteDb) {
  const started = performance.now();
  const rows = target.prepare('SELECT count(*) FROM passage_fts_docsize').pluck().get() as number;
  const terms = target
    .prepare('SELECT term FROM passage_fts_vocab WHERE doc >= ? ORDER BY doc DESC')
    .pluck()
    .all(Math.ceil(share * rows)) as string[];
  target.exec('CREATE VIRTUAL TABLE temp.passage_instances USING fts5vocab(main, passage_fts, instance)');
  // Per row: column, offset and term packed in one number, so a plain sort puts them in reading order.
  const byRow = new Map<number, number[]>();
  const instances = target.prepare('SELECT doc, col, offset FROM temp.passage_instances WHERE term = ?');
  let read = 0;
  terms.forEach((term, t) => {
    for (const row of instances.iterate(term) as Iterable<{ doc: number; col: string; offset: number }>) {
      let list = byRow.get(row.doc);
      if (!list) byRow.set(row.doc, (list = []));
      list.push((COLUMNS.indexOf(row.col as (typeof COLUMNS)[number]) * 2 ** 20 + row.offset) * 1024 + t);
      read += 1;
    }
  });
  const readSeconds = seconds(started);
  const writing = performance.now();
  target.exec(`CREATE VIRTUAL TABLE pairs_fts USING fts5(text, speaker, title, content = '', contentless_delete = 1, tokenize = "unicode61 tokenchars '_'")`);
  const insert = target.prepare('INSERT INTO pairs_fts (rowid, text, speaker, title) VALUES (?, ?, ?, ?)');
  let tokens = 0;
  target.transaction(() => {
    for (const id of target.prepare('SELECT id FROM passage_fts_docsize').pluck().iterate() as Iterable<number>) {
      const list = (byRow.get(id) ?? []).sort((a, b) => a - b);
      const columns: string[][] = [[], [], []];
      for (let k = 1; k < list.length; k++) {
        const before = Math.floor(list[k - 1] / 1024);
        if (Math.floor(list[k] / 1024) !== before + 1) continue;
        columns[Math.floor(before / 2 ** 20)].push(`${terms[list[k - 1] % 1024]}_${terms[list[k] % 1024]}`);
      }
      tokens += columns[0].length + columns[1].length + columns[2].length;
      insert.run(id, ...columns.map((c) => c.join(' ')));
    }
  })();
  // The lengths BM25 reads, made the passage index's: each row's, and the totals (record 1). In a
  // transaction of their own, after the one that wrote the pairs: FTS5 keeps the totals of a
  // transaction that writes to it in memory and saves them at its commit, over anything written to
  // the record meanwhile (fts5StorageSync). Done within that transaction, every score came out wrong.
  target.transaction(() => {
    target.exec('UPDATE pairs_fts_docsize SET sz = (SELECT sz FROM passage_fts_docsize s WHERE s.id = pairs_fts_docsize.id)');
    target.exec('UPDATE pairs_fts_data SET block = (SELECT block FROM passage_fts_data WHERE id = 1) WHERE id = 1');
  })();
  return { rows, terms, read, tokens, readSeconds, writeSeconds: seconds(writing) };
}

function timed<T>(run: () => T): { ms: number; result: T } {
  let result = run();
  const started = performance.now();
  for (let i = 0; i < TIMED_RUNS; i++) result = run();
  return { ms: (performance.now() - started) / TIMED_RUNS, result };
}

const built = buildPairs(db);
// The head FTS5 ranks for the project (lib/db's bestMatches: the same BM25 and weights), and the
// same over the pairs; ties broken by id on both sides, so the two lists can be compared row by row.
const weights = `${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT}`;
const headOf = (table: string) =>
  db.prepare(`SELECT rowid AS id, bm25(${table}, ${weights}) AS score FROM ${table} WHERE ${table} MATCH ? ORDER BY score, id LIMIT ${LONGEST_HEAD}`);
const [passageHead, pairsHead] = [headOf('passage_fts'), headOf('pairs_fts')];
const countOf = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE ${table} MATCH ?`).pluck();
const [passageCount, pairsCount] = [countOf('passage_fts'), countOf('pairs_fts')];

const lines = [
  `# Phrase pairs: ${built.rows.toLocaleString('en')} passages (${path.basename(values.corpus)})`,
  '',
  `Frequent terms: in ${share * 100}% of the passages or more (${built.terms.length}). ${built.read.toLocaleString('en')} of their occurrences read in ${built.readSeconds} s; ${built.tokens.toLocaleString('en')} pair tokens written in ${built.writeSeconds} s. ` +
    `Pairs index ${(mib('pairs_fts_data') + mib('pairs_fts_idx')).toFixed(1)} MiB + lengths ${mib('pairs_fts_docsize').toFixed(1)} MiB, against passage_fts ${(mib('passage_fts_data') + mib('passage_fts_idx')).toFixed(1)} MiB + ${mib('passage_fts_docsize').toFixed(1)} MiB. ` +
    `Database file before: ${(statSync(values.corpus).size / 1048576).toFixed(0)} MiB. Times: mean of ${TIMED_RUNS} runs after one, ms. Generated ${new Date().toISOString()}.`,
  '',
  `| phrase | matches (FTS5) | matches (pairs) | head of ${LONGEST_HEAD}: FTS5 | head: pairs | count: FTS5 | count: pairs | same ids and scores, in order |`,
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];
for (const phrase of PHRASES) {
  const pair = `"${phrase.replace(' ', '_')}"`;
  if (!phrase.split(' ').every((term) => built.terms.includes(term))) {
    lines.push(`| "${phrase}" | – | – | – | – | – | – | not covered: a word is not frequent |`);
    continue;
  }
  const ours = timed(() => passageHead.all(`"${phrase}"`) as { id: number; score: number }[]);
  const theirs = timed(() => pairsHead.all(pair) as { id: number; score: number }[]);
  const same = ours.result.filter((row, i) => theirs.result[i]?.id === row.id && theirs.result[i]?.score === row.score).length;
  const n = timed(() => passageCount.get(`"${phrase}"`) as number);
  const m = timed(() => pairsCount.get(pair) as number);
  lines.push(
    `| "${phrase}" | ${n.result.toLocaleString('en')} | ${m.result.toLocaleString('en')} | ${ours.ms.toFixed(1)} | ${theirs.ms.toFixed(1)} | ${n.ms.toFixed(1)} | ${m.ms.toFixed(1)} | ${same} / ${ours.result.length} |`,
  );
}
db.close();
rmSync(folder, { recursive: true, force: true });
const report = lines.join('\n') + '\n';
if (values.out) writeFileSync(values.out, report);
process.stdout.write(report);
