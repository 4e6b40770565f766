// The benchmark's Markdown: engine × metric, then the project against the FTS5 floor per class.
import type { BenchResult, EngineResult } from './bench-types';
import { SUMMARY_CLASSES } from './queries';

/** What the rows' time spent on the synthetic text: generating it there, or waiting for a worker generating it meanwhile. */
const generatingOf = ({ generatingText, generatedOnWorker }: NonNullable<BenchResult['corpus']['phases']>) =>
  generatingText === undefined
    ? ''
    : generatedOnWorker
      ? ` (of which waiting for the synthetic text, generated on a worker thread meanwhile, ${generatingText.toFixed(1)} s)`
      : ` (of which generating the synthetic text ${generatingText.toFixed(1)} s)`;

/** Where the load's time went, when the corpus file recorded it: rows, search indexes, synonyms, ranking lists. */
const phasesOf = ({ phases }: BenchResult['corpus']) =>
  phases
    ? `; rows ${phases.rows.toFixed(1)} s${generatingOf(phases)}, both search indexes ${phases.searchIndexes.toFixed(1)} s, synonyms ${phases.synonyms.toFixed(1)} s, ranking lists ${phases.rankingLists.toFixed(1)} s`
    : '';

export const mib = (bytes: number | undefined) => (bytes === undefined ? '–' : `${(bytes / 2 ** 20).toFixed(bytes < 10 * 2 ** 20 ? 1 : 0)} MiB`);
export const ms = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '–' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(milliseconds < 10_000 ? 2 : 1)} s`;

function table(header: string[], rows: string[][]): string {
  return [`| ${header.join(' | ')} |`, `| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );
}

function engineRow(e: EngineResult): string[] {
  if (e.skipped) return [e.name, `skipped: ${e.skipped}`, '', '', '', '', '', '', '', '', '', '', ''];
  const b = e.build!;
  const size =
    b.indexBytesKind === 'disk'
      ? `${mib(b.indexBytes)} (DB file)`
      : b.indexBytesKind === 'server'
        ? `${mib(b.indexBytes)} (PG database)`
        : `${mib(b.indexBytes)} heap${b.sideBytes ? ` + ${mib(b.sideBytes)} texts/filters` : ''}`;
  const build =
    b.indexBytesKind === 'disk' ? `${seconds(b.buildMs)} (load)` : b.indexBytesKind === 'server' ? `${seconds(b.buildMs)} (copy)` : seconds(b.buildMs);
  const child = e.rssOf ? ' (child)' : '';
  return [
    e.name,
    build,
    size,
    ms(e.overall!.p50),
    ms(e.overall!.p95),
    ms(e.overall!.p99),
    ms(e.unfiltered!.p95),
    ms(e.filtered!.p95),
    ms(e.natural?.p50),
    ms(e.natural?.p95),
    `${mib(e.rssBytes)}${child}`,
    `${mib(e.maxRssBytes)}${child}`,
    mib(e.maxOwnRssBytes),
  ];
}

const triple = (s?: { p50: number; p95: number; p99: number }) => (s ? `${ms(s.p50)} / ${ms(s.p95)} / ${ms(s.p99)}` : '–');
const ratio = (a?: { p95: number }, b?: { p95: number }) => (a && b && b.p95 > 0 ? `${(a.p95 / b.p95).toFixed(1)}×` : '–');

/** The project's search on SQLite (project) and on PostgreSQL (project-postgresql) side by side: latency per class, load, size, memory. */
export function postgresTable(result: BenchResult): string | null {
  const get = (name: string) => result.engines.find((e) => e.name === name && !e.skipped);
  const lite = get('project');
  const pg = get('project-postgresql');
  if (!lite || !pg) return null;
  const c = result.corpus;
  const rows = [
    ...SUMMARY_CLASSES.map((cls) => [
      `${cls}: p50 / p95 / p99 ms`,
      triple(lite.classes?.[cls]),
      triple(pg.classes?.[cls]),
      ratio(pg.classes?.[cls], lite.classes?.[cls]),
    ]),
    ['**all** (exact-word): p50 / p95 / p99 ms', triple(lite.overall), triple(pg.overall), ratio(pg.overall, lite.overall)],
    ['**natural** (with and without filters): p50 / p95 / p99 ms', triple(lite.natural), triple(pg.natural), ratio(pg.natural, lite.natural)],
  ];
  const relations = pg.build!.relationBytes ?? {};
  const server = pg.server;
  rows.push(
    [
      'load',
      `${seconds(c.loadSeconds * 1000)} (generate + write through the migrations, indexes rebuilt once)`,
      `${seconds(pg.build!.buildMs)} (copy from the SQLite file, full-text indexes built once at the end, fsync off)`,
      '',
    ],
    ['database size', `${mib(c.fileBytes)} (file)`, `${mib(pg.build!.indexBytes)} (pg_database_size)`, ''],
    [
      'passage full-text index',
      `${mib(c.sizes['=passage_fts (all shadow tables)'])} (passage_fts shadow tables)`,
      `${mib(relations['passage_fts'])} (pg_total_relation_size passage_fts)`,
      '',
    ],
    ['word list (prefixes, corrections)', mib(c.sizes['=passage_words_fts (all shadow tables)']), mib(relations['passage_words_fts']), ''],
    ['Passage table', mib(c.sizes['Passage']), mib(relations['Passage']), ''],
    [
      'search process RSS after / peak (own memory at peak)',
      `${mib(lite.rssBytes)} / ${mib(lite.maxRssBytes)} (${mib(lite.maxOwnRssBytes)}) (the bench process)`,
      `${mib(pg.rssBytes)} / ${mib(pg.maxRssBytes)} (child process)`,
      '',
    ],
    [
      'database server memory',
      'in the search process',
      server ? `RSS ${mib(server.rssBytes)}, PSS ${mib(server.pssBytes)} (${server.processes} postgres processes)` : '– (not readable)',
      '',
    ],
  );
  return table(['', 'SQLite (project)', 'PostgreSQL (project-postgresql)', 'PG / SQLite (p95)'], rows);
}

export function engineTable(result: BenchResult): string {
  return table(
    [
      'engine',
      'build',
      'index size',
      'p50 ms',
      'p95 ms',
      'p99 ms',
      'p95 unfiltered',
      'p95 filtered',
      'p50 natural',
      'p95 natural',
      'RSS after',
      'peak RSS',
      'peak own RSS',
    ],
    result.engines.map(engineRow),
  );
}

export function classTable(result: BenchResult): string {
  const get = (name: string) => result.engines.find((e) => e.name === name && !e.skipped);
  const project = get('project');
  const rank = get('project-rank');
  const floor = get('fts5-floor');
  const rows = SUMMARY_CLASSES.map((cls) => {
    const p = project?.classes?.[cls];
    const f = floor?.classes?.[cls];
    const ratio = p && f && f.p95 > 0 ? `${(p.p95 / f.p95).toFixed(1)}×` : '–';
    return [cls, ms(p?.p50), ms(p?.p95), ms(p?.p99), ms(rank?.classes?.[cls]?.p95), ms(f?.p95), ratio];
  });
  const all = (e?: EngineResult) => e?.overall;
  rows.push([
    '**all** (exact-word)',
    ms(all(project)?.p50),
    ms(all(project)?.p95),
    ms(all(project)?.p99),
    ms(all(rank)?.p95),
    ms(all(floor)?.p95),
    project && floor ? `${(project.overall!.p95 / floor.overall!.p95).toFixed(1)}×` : '–',
  ]);
  return table(['class', 'project p50', 'project p95', 'project p99', 'project-rank p95', 'fts5-floor p95', 'project / floor (p95)'], rows);
}

/** The hybrid search (project) against its lexical side alone (project-lexical), per class: what the vector step costs. */
export function hybridTable(result: BenchResult): string | null {
  const get = (name: string) => result.engines.find((e) => e.name === name && !e.skipped);
  const hybrid = get('project');
  const lexical = get('project-lexical');
  if (!hybrid || !lexical) return null;
  const row = (label: string, h?: { p50: number; p95: number }, l?: { p50: number; p95: number }) => [
    label,
    ms(h?.p50),
    ms(l?.p50),
    h && l ? ms(h.p50 - l.p50) : '–',
    ms(h?.p95),
    ms(l?.p95),
    h && l ? ms(h.p95 - l.p95) : '–',
  ];
  return table(
    ['class', 'hybrid p50', 'lexical p50', 'hybrid − lexical p50', 'hybrid p95', 'lexical p95', 'hybrid − lexical p95'],
    [
      ...SUMMARY_CLASSES.map((cls) => row(cls, hybrid.classes?.[cls], lexical.classes?.[cls])),
      row('**all** (exact-word)', hybrid.overall, lexical.overall),
      row('**natural** (with and without filters)', hybrid.natural, lexical.natural),
    ],
  );
}

export function markdownReport(result: BenchResult): string {
  const c = result.corpus;
  const s = c.stats;
  const sizes = c.sizes;
  const lines = [
    `# Search benchmark: ${result.meta.n.toLocaleString('en')} passages`,
    '',
    `Seed ${result.meta.seed}, ${result.queries.count} queries (${result.queries.classes.length} classes), ${result.meta.runs} timed runs each after one warm-up, page size ${result.meta.pageSize}. ` +
      `${result.meta.cpus} × ${result.meta.cpuModel}, Node ${result.meta.node}, SQLite ${c.sqliteVersion}. Generated ${result.meta.generatedAt}. Times in milliseconds per query.`,
    '',
    '## Corpus',
    '',
    `${s.documents.toLocaleString('en')} documents (${s.publishedDocuments.toLocaleString('en')} published), ${s.passages.toLocaleString('en')} passages ` +
      `(${s.publishedPassages.toLocaleString('en')} published), ${s.meanWords.toFixed(1)} words a passage on average. ` +
      `Load through the migrations (rows, both passage indexes rebuilt in one pass, then the ranking lists of frequent words): ${c.loadSeconds.toFixed(1)} s (${Math.round(c.passagesPerSecond).toLocaleString('en')} passages/s${phasesOf(c)})${c.reused ? ', cached from an earlier run' : ''}. ` +
      `Database file ${mib(c.fileBytes)}: passage_fts ${mib(sizes['=passage_fts (all shadow tables)'])} (index proper ${mib(sizes['=passage_fts index only (data+idx)'])}; external content: the text is stored once, in Passage), ` +
      `passage_words_fts ${mib(sizes['=passage_words_fts (all shadow tables)'])}, Passage table ${mib(sizes['Passage'])}.`,
    '',
    '## Engines',
    '',
    engineTable(result),
    '',
    '## Project against the FTS5 floor, per query class',
    '',
    classTable(result),
    '',
    '"all", p50/p95/p99 and the unfiltered/filtered columns are over the five exact-word classes, as before issue 9; the natural class (questions and paraphrases with stop words and words the corpus lacks) has its own rows and columns.',
    '',
  ];
  const postgres = postgresTable(result);
  if (postgres) {
    const notes = result.engines.find((e) => e.name === 'project-postgresql')?.build?.notes ?? [];
    lines.push(
      '## The project on SQLite and on PostgreSQL',
      '',
      postgres,
      '',
      `Both are searchPassages in hybrid mode on the same corpus and queries (the benchmark corpus has no meaning vectors, and PostgreSQL has no vector search yet: both answer from words). ${notes.join('; ')}. ` +
        'PostgreSQL RSS sums shared buffers once per process that touched them; PSS shares them out and sums honestly.',
      '',
    );
  }
  const hybrid = hybridTable(result);
  if (hybrid) lines.push('## Hybrid against lexical alone: what the meaning-based step costs', '', hybrid, '');
  if (result.consistency.length > 0) {
    // Comparable with the floor: every word matched as typed (no correction, no relaxed or meaning-based step).
    const comparableRecords = result.consistency.filter((r) => !r.didYouMean && (r.matchedBy ?? 'all') === 'all');
    const exactRecords = comparableRecords.filter((r) => !r.approximate);
    const agreeing = exactRecords.filter((r) => r.projectTotal === r.floorPublishedMatches).length;
    const comparable = exactRecords.length;
    const errors = comparableRecords
      .filter((r) => r.approximate)
      .map((r) => Math.abs(r.projectTotal - r.floorPublishedMatches) / Math.max(1, r.floorPublishedMatches));
    const estimated =
      errors.length === 0
        ? ''
        : ` Estimated totals (over 1,000 matches): ${errors.length}, off from the floor's exact count by ${((errors.reduce((a, e) => a + e, 0) / errors.length) * 100).toFixed(1)}% on average, ${(Math.max(...errors) * 100).toFixed(1)}% at most.`;
    const overlap = comparableRecords.reduce((a, r) => a + r.overlap, 0) / Math.max(1, comparableRecords.length);
    lines.push(
      '## Consistency',
      '',
      `Unfiltered queries where the project's total equals the floor's count of matching published passages: ${agreeing} of ${comparable} ` +
        `(exact totals; queries answered through "did you mean", or on only some of their words or by meaning, left out).${estimated} Mean overlap of the two top-10 lists (floor restricted to published passages): ${(overlap * 100).toFixed(0)}%; ` +
        'the lists differ by design, the project weighting text 1, speaker 0.5, title 0.2 and the floor ranking the three columns alike.',
      '',
    );
  }
  const slow = result.engines
    .find((e) => e.name === 'project' && e.queries)
    ?.queries!.slice()
    .sort((a, b) => b.medianMs - a.medianMs)
    .slice(0, 8);
  if (slow) {
    lines.push(
      '## Slowest project queries (median)',
      '',
      table(
        ['query', 'filters', 'median ms', 'total', 'note'],
        slow.map((q) => [
          `\`${q.q}\``,
          JSON.stringify(q.filters).replace(/"/g, ''),
          ms(q.medianMs),
          String(q.total ?? ''),
          q.didYouMean ? `did you mean: ${q.didYouMean}` : '',
        ]),
      ),
      '',
    );
  }
  return lines.join('\n');
}
