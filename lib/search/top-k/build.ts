// Builds the impact-ordered lists from scratch: for every word in at least MIN_SHARE of the passages
// (and MIN_PASSAGES of them), every phrase of two words in as many (`"of the"`: FTS5 reads both
// words' positions in every passage that has them to rank it), and every phrase of two words each in
// PHRASE_LIST_WORD_SHARE of the passages in COMMON_WORDS_PHRASE_SHARE of them, its LIST_SIZE best
// passages for that word or phrase alone (LONG_LIST_FACTOR times as many for the commonest words),
// with the score below which no other passage lies (the list's floor). Replaces any earlier lists in
// one transaction.
import 'server-only';
import {
  CANDIDATE_FORMS_SQL,
  candidateFormsFloor,
  nowIso,
  readListsWithWorker,
  queryOnWorker,
  type ListRead,
  type ListToRead,
  type SqliteDb,
  type Writer,
} from '@/lib/db';
import { lengthOf, termImpactWriting as w } from '@/lib/db';
import { sampleStride } from '../counting';
import { idfOf, termPart, weightFromPart, weightOf } from './bm25';

export const LIST_SIZE = 1000;
/**
 * A word in this share of the passages or more gets a list LONG_LIST_FACTOR times as long. A filtered
 * search walks a list until the page is full of passages the filters keep, and a filter keeps few of
 * the best passages of the commonest words: a speaker with 1.1% of `the`'s matches had none among its
 * first 100 entries, and a topic's paragraphs 9 of `be`'s 1,000 (at 1,000,000 passages; 2.7% of its
 * matches, but the best are short answers). Those searches ranked every match the old way instead:
 * 166-251 and 169-173 ms, 85-124 and 49-67 ms from the longer lists. 37 words at 1,000,000 passages;
 * their 3,000 entries more take 8 MiB.
 */
export const LONG_LIST_SHARE = 0.2;
export const LONG_LIST_FACTOR = 4;
/** A word in fewer passages ranks fast enough by FTS5 alone (and a list would hold most of them). */
export const MIN_SHARE = 0.05;
export const MIN_PASSAGES = 2000;
/**
 * A phrase of two words each in this share of the passages or more is slow to rank however few
 * passages hold it: FTS5 reads both words' positions in every passage that has both (at 1,000,000
 * passages `"was is"`, in 1.1% of them, took 121 ms, `"a to"`, in 3.9%, 200 ms: bench:search medians).
 * It gets a list once in COMMON_WORDS_PHRASE_SHARE of the passages, and in about as many as a list
 * holds or more (lib/db/sqlite/term-impacts.ts, frequentPhrases). At 1,000,000 passages 109 lists
 * more (157 phrases in all), 7 MiB, and those phrases ranked from a list in 7-10 ms; at 100,000
 * passages 113 more, 3.6 s more to build.
 */
export const PHRASE_LIST_WORD_SHARE = 0.5;
export const COMMON_WORDS_PHRASE_SHARE = 0.01;
/** Floors are raised by this share, so a score computed here and FTS5's own may differ in the last bit. */
export const FLOOR_MARGIN = 1e-9;

export interface BuildOptions {
  /** How many entries a list keeps (default LIST_SIZE; the commonest words' lists LONG_LIST_FACTOR times as many): recorded as the build's. */
  listSize?: number;
  /** The fewest passages a word needs to get a list (default: MIN_SHARE of them, at least MIN_PASSAGES). */
  minPassages?: number;
  onProgress?: (done: number, total: number) => void;
  /** Lists already read (buildTermImpactsOnTwoThreads); a word without one is read here. */
  reads?: ReadonlyMap<string, ListRead>;
  /**
   * The lists already chosen (buildTermImpactsOnTwoThreads, when nothing was written since): choosing
   * reads both indexes' whole vocabularies and a sample of the passages' text (~8 s at 1,000,000
   * passages on one thread).
   */
  lists?: ListToRead[];
}

export interface BuildReport {
  lists: number;
  entries: number;
  seconds: number;
  /** buildTermImpactsOnTwoThreads: how many words' lists the worker thread read and the build used. */
  readOnWorker?: number;
}

/** Reads a per-column count back from bm25() restricted to that column (weight 1, the others 0). */
function countFrom(bm25: number, idf: number, length: number, averageLength: number): number | null {
  const part = -bm25 / idf;
  if (part === 0) return 0;
  const count = weightFromPart(part, length, averageLength);
  const rounded = Math.round(count);
  return Math.abs(count - rounded) > 1e-6 ? null : rounded;
}

/** What choosing the lists starts from: the index's totals, the list size, the fewest passages a word needs. */
function planBasics(db: SqliteDb, options: BuildOptions) {
  const totals = w.totals(db);
  const listSize = options.listSize ?? LIST_SIZE;
  const minPassages = options.minPassages ?? Math.max(MIN_PASSAGES, Math.ceil(MIN_SHARE * totals.rows));
  return { totals, listSize, minPassages };
}
type PlanBasics = ReturnType<typeof planBasics>;

/**
 * The words that get a list (from the frequent stems and the words that may be their forms:
 * frequentWords), each with how many entries it keeps (`limit`) and the stride of the count's sample
 * stored with it: the one a search of the word would choose (counting.ts), from its exact number of passages.
 */
function wordLists(db: SqliteDb, { totals, listSize }: PlanBasics, stems: { term: string; doc: number }[], forms: string[]): ListToRead[] {
  const sizeFor = (passages: number) => (passages >= LONG_LIST_SHARE * totals.rows ? LONG_LIST_FACTOR * listSize : listSize);
  return w.frequentWords(db, stems, forms).map(({ term, passages }) => ({ term, limit: sizeFor(passages), every: sampleStride(passages) }));
}

/**
 * The phrases that get a list, as wordLists. A phrase's passages are only estimated when it is chosen
 * (from a sample): its list keeps the plain size, and its sample's stride is chosen from the estimate.
 */
function phraseLists(db: SqliteDb, { totals, listSize, minPassages }: PlanBasics): ListToRead[] {
  return w
    .frequentPhrases(db, minPassages, {
      wordShare: PHRASE_LIST_WORD_SHARE,
      minPassages: Math.max(listSize, Math.ceil(COMMON_WORDS_PHRASE_SHARE * totals.rows)),
    })
    .map(({ term, passages }) => ({ term, limit: listSize, every: sampleStride(passages) }));
}

/** The words and phrases that get a list, words first, each with how many entries it keeps, and the figures the build scores them with. */
function listPlan(db: SqliteDb, options: BuildOptions) {
  const basics = planBasics(db, options);
  const chosen = () => {
    const forms = db.prepare(CANDIDATE_FORMS_SQL).pluck().all(candidateFormsFloor(basics.minPassages)) as string[];
    return [...wordLists(db, basics, w.frequentStems(db, basics.minPassages), forms), ...phraseLists(db, basics)];
  };
  const lists: ListToRead[] = basics.totals.rows > 0 ? (options.lists ?? chosen()) : [];
  return { ...basics, lists };
}

export function buildTermImpacts(db: SqliteDb, options: BuildOptions = {}): BuildReport {
  const started = performance.now();
  return db.transaction(() => {
    db.exec(
      'DELETE FROM TermImpact; DELETE FROM TermImpactSample; DELETE FROM TermImpactList; DELETE FROM TermImpactBuild; DELETE FROM TermImpactPending; DELETE FROM TermImpactBefore;',
    );
    const { totals, listSize, minPassages, lists: planned } = listPlan(db, options);
    const averageLength = totals.averageLength > 0 ? totals.averageLength : 1;
    const insertList = db.prepare('INSERT INTO TermImpactList (id, term, floor, passages, every) VALUES (?, ?, ?, ?, ?)');
    const insertSampled = db.prepare('INSERT INTO TermImpactSample (listId, passageId) VALUES (?, ?)');
    const insertEntry = db.prepare('INSERT INTO TermImpact (listId, score, passageId, weight, length) VALUES (?, ?, ?, ?, ?)');
    let entries = 0;
    let lists = 0;
    planned.forEach(({ term: word, limit, every }, i) => {
      const { matches, sample, counted, best, sizes } = options.reads?.get(word) ?? w.readList(db, word, limit + 1, every);
      // A word's per-column scores are read back into counts with its idf; a phrase's counts are read as they are.
      const idf = counted ? null : idfOf(totals.rows, matches);
      const lengths = new Map(sizes.map((r) => [r.id, lengthOf(r.sz)]));
      const scored = best.map((row) => {
        const length = lengths.get(row.id)!;
        const read = [row.c0, row.c1, row.c2];
        const counts = idf === null ? read : read.map((bm25) => countFrom(bm25, idf, length, totals.averageLength));
        if (counts.some((c) => c === null)) return null;
        const weight = weightOf(counts as [number, number, number]);
        return { id: row.id, weight, length, score: termPart(weight, length, averageLength) };
      });
      // A count that does not read back whole would make a wrong list: the word gets none (it ranks the old way).
      if (scored.some((e) => e === null)) return options.onProgress?.(i + 1, planned.length);
      const entriesOf = scored as NonNullable<(typeof scored)[number]>[];
      entriesOf.sort((a, b) => b.score - a.score || a.id - b.id);
      const kept = entriesOf.slice(0, limit);
      const floor = entriesOf.length > limit ? entriesOf[limit].score * (1 + FLOOR_MARGIN) : 0;
      insertList.run(i + 1, word, floor, matches, every);
      for (const id of sample) insertSampled.run(i + 1, id);
      lists += 1;
      for (const e of kept) insertEntry.run(i + 1, e.score, e.id, e.weight, e.length);
      entries += kept.length;
      options.onProgress?.(i + 1, planned.length);
    });
    db.prepare('INSERT INTO TermImpactBuild (id, averageLength, listSize, minPassages, builtAt) VALUES (1, ?, ?, ?, ?)').run(
      averageLength,
      listSize,
      minPassages,
      nowIso(),
    );
    return { lists, entries, seconds: (performance.now() - started) / 1000 };
  })();
}

/**
 * buildTermImpacts on two cores: a worker thread and this one take turns reading the words' lists
 * (each takes the next word not yet read), then the lists are written in one transaction as above.
 * Choosing them reads both indexes' whole vocabularies and a sample of the passages' text (at
 * 1,000,000 passages ~8 s on one thread, before either read a list): the words' forms are read on a
 * worker thread while this one reads the stems, and the phrases are chosen here while the worker
 * reads the words' lists. The reads happen before the write transaction; if another connection
 * commits meanwhile (the archive's data_version moves), they are thrown away and the transaction reads
 * everything itself, so the lists always match what they are written with.
 */
export async function buildTermImpactsOnTwoThreads(writer: Writer, options: BuildOptions = {}): Promise<BuildReport> {
  const started = performance.now();
  const dataVersion = () => writer.db.pragma('data_version', { simple: true }) as number;
  const before = dataVersion();
  const basics = planBasics(writer.db, options);
  const reads = new Map<string, ListRead>();
  let words: ListToRead[] = [];
  let phrases: ListToRead[] = [];
  let listsReadOnWorker = 0;
  let done = 0;
  const progress = () => options.onProgress?.(++done, words.length + phrases.length);
  if (options.lists) {
    words = options.lists;
    listsReadOnWorker += await readOnTwoThreads(writer, words, reads, progress);
  } else if (basics.totals.rows > 0) {
    const forms = queryOnWorker<{ term: string }>(writer.file, CANDIDATE_FORMS_SQL, [candidateFormsFloor(basics.minPassages)]);
    // Seen even if the stems' read fails first, so that its failure is not left unhandled.
    forms.catch(() => undefined);
    const stems = w.frequentStems(writer.db, basics.minPassages);
    words = wordLists(
      writer.db,
      basics,
      stems,
      (await forms).map((row) => row.term),
    );
    listsReadOnWorker += await readOnTwoThreads(writer, words, reads, progress, () => (phrases = phraseLists(writer.db, basics)));
    listsReadOnWorker += await readOnTwoThreads(writer, phrases, reads, progress);
  }
  const lists = [...words, ...phrases];
  let unchanged = false;
  const report = writer.write((db) => {
    unchanged = dataVersion() === before;
    return buildTermImpacts(db, { ...options, onProgress: undefined, ...(unchanged ? { reads, lists } : {}) });
  });
  return { ...report, seconds: (performance.now() - started) / 1000, readOnWorker: unchanged ? listsReadOnWorker : 0 };
}

/**
 * Reads `lists` into `reads` on this thread and a worker thread, each taking the next list not yet
 * taken (each reads one row more than the list keeps, whose score is the floor). `meanwhile` runs
 * here first, while the worker has started on them. Returns how many the worker read.
 */
async function readOnTwoThreads(
  writer: Writer,
  lists: ListToRead[],
  reads: Map<string, ListRead>,
  progress: () => void,
  meanwhile?: () => void,
): Promise<number> {
  if (lists.length === 0) {
    meanwhile?.();
    return 0;
  }
  const toRead = lists.map((list) => ({ ...list, limit: list.limit + 1 }));
  const shared = readListsWithWorker(writer.file, toRead, progress);
  try {
    meanwhile?.();
    for (let i = shared.take(); i !== null; i = shared.take()) {
      reads.set(toRead[i]!.term, w.readList(writer.db, toRead[i]!.term, toRead[i]!.limit, toRead[i]!.every));
      progress();
    }
  } catch (error) {
    // Leave the worker nothing more to take, and let it stop before failing.
    while (shared.take() !== null);
    await shared.worker.catch(() => undefined);
    throw error;
  }
  const onWorker = await shared.worker;
  for (const [word, read] of onWorker) reads.set(word, read);
  return onWorker.size;
}
