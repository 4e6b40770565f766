// Each ranking list's stored count and sample (migration 20261207000000_term_impact_counts) equal what
// a pass over the index gives, after the build and after every kind of write: a passage's text
// rewritten, split, merged, deleted or added through the write path; a speaker renamed, merged or
// deleted; a document retitled or deleted; a passage written twice, or added and then rewritten,
// before the refresh ran. And a search reads them: its total and facets come from the stored sample.
// On the benchmark's generated corpus (20,000 passages), so the commonest terms have a sample stride.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoadPassages, closeWriters, openReader, openWriter, type Reader, type Writer } from '@/lib/db';
import {
  addPassage,
  deletePassage,
  getDocumentForEditing,
  getSpeakerForEditing,
  mergePassages,
  mergeSpeakers,
  splitPassage,
  updateDocumentFields,
  updatePassage,
  updateSpeaker,
} from '@/lib/editorial';
import { SYSTEM_EDITOR } from '@/lib/editorial/system-editor';
import { sampleStride } from '@/lib/search/counting';
import { searchPassages } from '@/lib/search/search-passages';
import { ensureTermImpacts } from '@/lib/search/top-k/ensure';
import { refreshTermImpacts, rescored } from '@/lib/search/top-k/refresh';
import { listedPassagesOf } from '@/lib/search/top-k/stored-counts';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 20_000, seed: 7 });
let writer: Writer;
let reader: Reader;

beforeAll(() => {
  writer = openWriter(corpus.file);
  reader = openReader(corpus.file);
});

afterAll(() => {
  reader?.close();
  writer?.close();
  closeWriters();
});

interface StoredList {
  id: number;
  term: string;
  passages: number | null;
  every: number | null;
}

const lists = () => writer.db.prepare('SELECT id, term, passages, every FROM TermImpactList ORDER BY id').all() as StoredList[];

/** Every list whose stored count or sample differs from a pass over the index, with what each says. */
function disagreements(): string[] {
  const recount = writer.db.prepare(
    'SELECT count(*) AS n, json_group_array(rowid) FILTER (WHERE rowid % ? = 0) AS sample FROM passage_fts WHERE passage_fts MATCH ?',
  );
  const stored = writer.db
    .prepare('SELECT json_group_array(passageId) FROM (SELECT passageId FROM TermImpactSample WHERE listId = ? ORDER BY passageId)')
    .pluck();
  return lists().flatMap((list) => {
    const truth = recount.get(list.every ?? 0, `"${list.term}"`) as { n: number; sample: string };
    const sample = stored.get(list.id) as string;
    return list.passages === truth.n && sample === truth.sample ? [] : [`${list.term}: stored ${list.passages} ${sample}, index ${truth.n} ${truth.sample}`];
  });
}

const pending = () => writer.db.prepare('SELECT count(*) FROM TermImpactPending').pluck().get() as number;
const captured = () => writer.db.prepare('SELECT count(*) FROM TermImpactBefore').pluck().get() as number;
const one = <T>(query: string, ...params: unknown[]) => writer.db.prepare(query).get(...params) as T;
const version = (documentId: number) => getDocumentForEditing(documentId, { writer })!.version;

/** A published passage (by id order), with its document and anchor. */
const passageAt = (offset: number) =>
  one<{ id: number; documentId: number; anchor: number; text: string }>(
    "SELECT p.id, p.documentId, p.anchor, p.text FROM Passage p JOIN Document d ON d.id = p.documentId WHERE d.status = 'published' ORDER BY p.id LIMIT 1 OFFSET ?",
    offset,
  );

describe('stored counts and samples', () => {
  it('are built with every list: the exact count, and the sample at the stride a search of the term chooses', () => {
    const built = lists();
    expect(built.length).toBeGreaterThan(20);
    expect(built.filter((list) => list.every !== null).length).toBeGreaterThan(10);
    // A word's stride comes from its exact count; a phrase's from the build's estimate of it.
    for (const list of built.filter((l) => !l.term.includes(' '))) expect(list.every).toBe(sampleStride(list.passages!));
    expect(disagreements()).toEqual([]);
  });

  it('give the number of passages holding a listed word’s stem, typed in any of its forms, and nothing for a word without a list', async () => {
    const words = lists().filter((list) => !list.term.includes(' '));
    const stemOf = (word: string) => reader.indexStems!([word])[0];
    const vocabulary = writer.db.prepare('SELECT doc FROM passage_fts_vocab WHERE term = ?').pluck();
    for (const { term } of words.slice(0, 12)) {
      expect(await listedPassagesOf(reader, term), term).toBe(vocabulary.get(stemOf(term)));
      expect(await listedPassagesOf(reader, term.toUpperCase()), term).toBe(vocabulary.get(stemOf(term)));
    }
    // Another form of a listed stem reads the same list.
    const forms = writer.db.prepare('SELECT term FROM passage_words_fts_vocab WHERE doc >= 10').pluck().all() as string[];
    const listedStems = new Set(words.map((list) => stemOf(list.term)));
    const other = forms.find((form) => listedStems.has(stemOf(form)) && !words.some((list) => list.term === form));
    expect(other).toBeDefined();
    expect(await listedPassagesOf(reader, other!)).toBe(vocabulary.get(stemOf(other!)));
    expect(await listedPassagesOf(reader, 'zyxquorlith')).toBeNull();
  });

  it('stay exact after every kind of write through the write path', async () => {
    const [w0, w1, w2] = lists().map((list) => list.term);
    const phrase = lists().find((list) => list.term.includes(' '))!.term;
    // Text rewritten: one passage gains the commonest terms, one loses every word.
    const gaining = passageAt(100);
    await updatePassage(
      SYSTEM_EDITOR,
      { documentId: gaining.documentId, expectedVersion: version(gaining.documentId), anchor: gaining.anchor, text: `${w0} ${phrase} ${w1}.` },
      { writer },
    );
    const losing = passageAt(2000);
    await updatePassage(
      SYSTEM_EDITOR,
      { documentId: losing.documentId, expectedVersion: version(losing.documentId), anchor: losing.anchor, text: 'Quiet.' },
      { writer },
    );
    expect(pending()).toBe(0);
    expect(disagreements()).toEqual([]);

    // Split, then merged with its neighbour; one deleted, one added.
    const split = passageAt(3000);
    const at = split.text.indexOf(' ', Math.floor(split.text.length / 2));
    await splitPassage(
      SYSTEM_EDITOR,
      { documentId: split.documentId, expectedVersion: version(split.documentId), anchor: split.anchor, offset: at },
      { writer },
    );
    await mergePassages(
      SYSTEM_EDITOR,
      { documentId: split.documentId, expectedVersion: version(split.documentId), first: split.anchor + 1, second: split.anchor + 2 },
      { writer },
    );
    const gone = passageAt(4000);
    await deletePassage(SYSTEM_EDITOR, { documentId: gone.documentId, expectedVersion: version(gone.documentId), anchor: gone.anchor }, { writer });
    await addPassage(
      SYSTEM_EDITOR,
      { documentId: gone.documentId, expectedVersion: version(gone.documentId), afterAnchor: null, kind: 'paragraph', text: `${w2} ${w2} ${phrase}` },
      { writer },
    );
    expect(disagreements()).toEqual([]);

    // A speaker renamed to frequent words and a document retitled with them (every passage of each
    // is rescored, the many in the background); one speaker merged into another.
    const speakers = writer.db.prepare('SELECT id FROM Speaker ORDER BY id LIMIT 3').pluck().all() as number[];
    await updateSpeaker(
      SYSTEM_EDITOR,
      { id: speakers[0], expectedVersion: getSpeakerForEditing(speakers[0], { writer })!.version, name: `${w1} ${phrase}` },
      { writer },
    );
    const retitled = passageAt(5000).documentId;
    await updateDocumentFields(SYSTEM_EDITOR, { id: retitled, expectedVersion: version(retitled), title: `${w0} ${w0} ${w2}` }, { writer });
    await mergeSpeakers(
      SYSTEM_EDITOR,
      {
        targetId: speakers[1],
        expectedTargetVersion: getSpeakerForEditing(speakers[1], { writer })!.version,
        sourceId: speakers[0],
        expectedSourceVersion: getSpeakerForEditing(speakers[0], { writer })!.version,
      },
      { writer },
    );
    await rescored(writer.file);
    expect(pending()).toBe(0);
    expect(captured()).toBe(0);
    expect(disagreements()).toEqual([]);
  }, 120_000);

  it('stay exact when a passage is written twice, or added and then rewritten, before the refresh runs, and across deletes of a speaker and a document', () => {
    const [w0, w1] = lists().map((list) => list.term);
    const refresh = () => {
      expect(pending()).toBeGreaterThan(0);
      expect(captured()).toBe(pending());
      writer.write((db) => refreshTermImpacts(db));
      expect(pending()).toBe(0);
      expect(captured()).toBe(0);
    };
    const twice = passageAt(6000);
    // Outside the write path: the triggers capture, nothing refreshes until asked.
    writer.db.prepare('UPDATE Passage SET text = ? WHERE id = ?').run(`${w0} ${w0}`, twice.id);
    writer.db.prepare('UPDATE Passage SET text = ? WHERE id = ?').run(`${w1} only`, twice.id);
    const added = Number(
      writer.db
        .prepare(
          "INSERT INTO Passage (documentId, position, anchor, kind, text, createdAt, updatedAt) SELECT documentId, 100000, 100000, 'paragraph', 'Nothing here.', createdAt, updatedAt FROM Passage WHERE id = ?",
        )
        .run(twice.id).lastInsertRowid,
    );
    writer.db.prepare('UPDATE Passage SET text = ? WHERE id = ?').run(`${w0} and ${w1}`, added);
    // A speaker named with a listed term, given a few passages (no document names it: it can be deleted).
    const speaker = Number(
      writer.db
        .prepare("INSERT INTO Speaker (slug, name, createdAt, updatedAt) SELECT 'counted-speaker', ?, createdAt, updatedAt FROM Speaker LIMIT 1")
        .run(`${w1} ${w1}`).lastInsertRowid,
    );
    writer.db.prepare('UPDATE Passage SET speakerId = ? WHERE id IN (SELECT id FROM Passage ORDER BY id LIMIT 5 OFFSET 9000)').run(speaker);
    refresh();
    expect(disagreements()).toEqual([]);

    // Deleted: the speaker (its passages indexed with no speaker, then its speakerId cleared by the
    // cascade), and a document (its passages forgotten by the index, then deleted by the cascade).
    writer.db.prepare('DELETE FROM Speaker WHERE id = ?').run(speaker);
    writer.db.prepare('DELETE FROM Document WHERE id = ?').run(passageAt(7000).documentId);
    refresh();
    expect(disagreements()).toEqual([]);
  });

  it('stay exact across a bulk load, and across writes between two batches of the refresh', () => {
    const [w0, w1] = lists().map((list) => list.term);
    const documentId = passageAt(9500).documentId;
    const insert = writer.db.prepare(
      "INSERT INTO Passage (documentId, position, anchor, kind, text, createdAt, updatedAt) SELECT documentId, ?, ?, 'paragraph', ?, createdAt, updatedAt FROM Passage WHERE documentId = ? LIMIT 1",
    );
    bulkLoadPassages(writer.db, () => [1, 2, 3].forEach((i) => insert.run(200_000 + i, 200_000 + i, `${w0} ${w1} ${i}`, documentId)));
    expect(pending()).toBe(3);
    expect(captured()).toBe(3);
    writer.write((db) => refreshTermImpacts(db));
    expect(disagreements()).toEqual([]);

    const ids = [9600, 9700, 9800].map((offset) => passageAt(offset).id);
    const rewrite = writer.db.prepare('UPDATE Passage SET text = ? WHERE id = ?');
    ids.forEach((id) => rewrite.run(`${w0} ${w0} ${w0}`, id));
    expect(writer.write((db) => refreshTermImpacts(db, 1))).toBe(1);
    // One refreshed, two still pending: each written again.
    ids.forEach((id) => rewrite.run(`${w1} alone`, id));
    expect(captured()).toBe(pending());
    writer.write((db) => refreshTermImpacts(db));
    expect(pending()).toBe(0);
    expect(disagreements()).toEqual([]);
  });

  it.each([
    ['word', (l: StoredList) => !l.term.includes(' ')],
    ['phrase', (l: StoredList) => l.term.includes(' ')],
  ])('are what a search reads (%s): its estimate moves with the stored sample, and comes back with it', async (_, kind) => {
    const list = lists().find((l) => l.every !== null && kind(l))!;
    const search = () => searchPassages(reader, { q: `"${list.term}"`, page: 1, pageSize: 10, mode: 'lexical' });
    const before = await search();
    expect(before.approximate).toBe(true);
    // Half the stored sample gone: the estimate halves (about), because it was read from there.
    const sampled = writer.db.prepare('SELECT passageId FROM TermImpactSample WHERE listId = ? ORDER BY passageId').pluck().all(list.id) as number[];
    const dropped = sampled.filter((_, i) => i % 2 === 0);
    const drop = writer.db.prepare('DELETE FROM TermImpactSample WHERE listId = ? AND passageId = ?');
    writer.write(() => dropped.forEach((id) => drop.run(list.id, id)));
    const halved = await search();
    expect(halved.total / before.total).toBeGreaterThan(0.4);
    expect(halved.total / before.total).toBeLessThan(0.6);
    const restore = writer.db.prepare('INSERT INTO TermImpactSample (listId, passageId) VALUES (?, ?)');
    writer.write(() => dropped.forEach((id) => restore.run(list.id, id)));
    expect((await search()).total).toBe(before.total);
    expect(disagreements()).toEqual([]);
  });

  it('are forgotten when a pending passage was never captured, searches count again, and the next start builds them again', async () => {
    const list = lists().find((l) => l.every !== null && !l.term.includes(' '))!;
    const search = () => searchPassages(reader, { q: list.term, page: 1, pageSize: 10, mode: 'lexical' });
    const before = await search();
    // Pending with nothing captured: as a passage marked before the capture existed.
    const id = passageAt(8000).id;
    writer.db.prepare('INSERT INTO TermImpactPending (passageId) VALUES (?)').run(id);
    writer.write((db) => refreshTermImpacts(db));
    expect(lists().every((l) => l.passages === null && l.every === null)).toBe(true);
    expect(one<{ n: number }>('SELECT count(*) AS n FROM TermImpactSample').n).toBe(0);
    const counted = await search();
    expect(counted.hits).toEqual(before.hits);
    expect(Math.abs(counted.total - before.total) / before.total).toBeLessThan(0.1);
    // What a server's start runs: lists without their counts are built again.
    expect(await ensureTermImpacts(corpus.file)).not.toBeNull();
    expect(lists().every((l) => l.passages !== null)).toBe(true);
    expect(disagreements()).toEqual([]);
  });
});
