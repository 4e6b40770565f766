// A worker thread of the ranking-list build (lib/search/top-k/build.ts): reads words' lists on a
// read-only connection of its own, taking turns with the build's thread, so a build uses two cores;
// or, given `query`, runs that one read and posts its rows (queryOnWorker). Plain JavaScript: it needs
// none of the parent's loaders. The SQL text comes from term-impacts.ts (LIST_READ_SQL,
// CANDIDATE_FORMS_SQL), so the two threads read the same way.
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

// `next`: the index of the next word to read, shared with the build's thread (Atomics): whichever
// thread is free takes the next word, so neither waits for the other at the end.
const { file, lists, sql, next, query } = workerData;
const db = new Database(file, { readonly: true, fileMustExist: true });
try {
  if (query) parentPort.postMessage({ rows: db.prepare(query.sql).all(...query.params) });
  else readLists();
} finally {
  db.close();
}

function readLists() {
  const countAndSample = db.prepare(sql.countAndSample);
  const bestIds = db.prepare(sql.bestIds).pluck();
  const phraseBestCountAndSample = db.prepare(sql.phraseBestCountAndSample);
  const columnScores = db.prepare(sql.columnScores);
  const counts = db.prepare(sql.counts);
  const sizes = db.prepare(sql.sizes);
  for (let i = Atomics.add(next, 0, 1); i < lists.length; i = Atomics.add(next, 0, 1)) {
    const { term: word, limit, every } = lists[i];
    const phrase = `"${word}"`;
    // As term-impacts.ts readList: a phrase of several words (isListedPhrase) is read in one pass and
    // has its counts read, a word its scores.
    const counted = word.includes(' ');
    const { ids, n, sample } = counted
      ? phraseBestCountAndSample.get(phrase, limit, every ?? 0)
      : { ids: JSON.stringify(bestIds.all(phrase, limit)), ...countAndSample.get(every ?? 0, phrase) };
    const best = (counted ? counts : columnScores).all(phrase, ids);
    parentPort.postMessage({ word, read: { matches: n, sample: JSON.parse(sample), counted, best, sizes: sizes.all(ids) } });
  }
}
