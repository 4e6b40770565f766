// What the facets of a search count, kept in memory per passage: its speaker, kind, document (for the
// year, the date filters, whether it is public, which document it is) and topics, with the speakers'
// and topics' slugs and names. With them a search's count reads only its matches' ids, from the
// full-text index alone, and counts the total and facets in a loop over them (memory-facets.ts),
// instead of a statement that looks up each match's passage, document and topics and groups them
// (facets.ts; 1.3 of a never-asked search's 3.2 ms of SQL at 100,000 passages) and a probe that reads
// each match's passage and document (0.4 ms).
//
// Never stale, like the kept names (names.ts): the columns are kept with the reader's change stamp
// (SQLite's data_version) and used only while it is the same; they are read again from the second
// search after a change (one search after each change alone, as while an import commits passage by
// passage, is counted by the statement), and at once when a search thread starts. They are read in
// slices of 10,000 rows, one slice in each search that asks meanwhile or on an idle turn of the event
// loop (the documents and names first, at once), and kept only if the stamp did not move while they
// were read: then every slice saw the same archive. At 1,000,000 passages: 0.95 s in all, ~3 ms a
// slice, 28 MiB kept. Any commit to the file moves the stamp (an editor's save, the embedder, a
// sign-in), and a read begun since is dropped at its next slice. Where the connection has no stamp
// (PostgreSQL) nothing is kept.
import 'server-only';
import { num, type QueryDb } from '@/lib/db';
import { isPublicDocument } from './public-documents';
import { changeStampOf } from './result-cache';

/** Rows read in one slice: a few milliseconds of the search thread at a time. */
const SLICE_ROWS = 10_000;

export interface FacetColumns {
  /** The change stamp the columns were read under. */
  stamp: number;
  /** By passage id: 0 for an id that is no passage, else 1 + the kind's index in `kinds`. */
  kindOf: Uint8Array;
  kinds: string[];
  /** By passage id: the speaker's id, 0 for none (ids start at 1). */
  speakerOf: Int32Array;
  /** By passage id: the index of its document in `documents`. */
  documentOf: Int32Array;
  documents: {
    publishedOn: string;
    publishedUntil: string;
    slug: string;
    /** Published and not deleted (isPublicDocument). */
    isPublic: boolean;
    /** Index in `years`. */
    year: number;
  }[];
  /** The years documents start in (publishedOn's first four characters), each once. */
  years: number[];
  /** By passage id: its topics are topicIds[topicStart[id]] up to topicIds[topicStart[id + 1]]. */
  topicStart: Int32Array;
  topicIds: Int32Array;
  speakers: Names;
  topics: Names;
}

/** A table's names: by id, by slug, and in the database's order of names (SQLite's BINARY collation, which facets break ties by). */
export interface Names {
  /** By id: the name's place in `inOrder`. */
  orderOf: Map<number, number>;
  idOf: Map<string, number>;
  inOrder: { slug: string; name: string }[];
}

interface Kept {
  stamp: number;
  /** Asked for once under this stamp: a second ask starts the read. */
  asked: boolean;
  columns: FacetColumns | null;
  reading: Promise<FacetColumns | null> | null;
  /** Lets the read's next slice go (it waits between two slices for a search, or an idle turn of the event loop). */
  wake: (() => void) | null;
}

const kept = new WeakMap<QueryDb, Kept>();

/**
 * The columns, if they are kept for the archive as it is now; else null, and from the second ask
 * under one stamp the read starts (its promise: `readingFacetColumns`).
 */
export function facetColumnsFor(db: QueryDb): FacetColumns | null {
  const known = keptUnder(db);
  if (!known) return null;
  if (known.columns) return known.columns;
  if (!known.asked) {
    known.asked = true;
    return null;
  }
  if (known.reading) {
    known.wake?.();
  } else {
    const entry = known;
    entry.reading = readColumns(db, entry).then(
      (columns) => (entry.columns = columns),
      // A failed read is said and not kept: it is tried again from the second search after.
      (error: Error) => {
        // A connection closed under the read (its stamp gone with it) leaves nothing to say.
        if (changeStampOf(db) !== null) {
          console.error(`Reading the search's facet columns failed (searches count by statement meanwhile): ${error.message}`);
        }
        entry.reading = null;
        entry.asked = false;
        return null;
      },
    );
  }
  return null;
}

/** What is kept for the archive as it is now (a fresh entry if it changed); null where the connection has no stamp. */
function keptUnder(db: QueryDb): Kept | null {
  const stamp = changeStampOf(db);
  if (stamp === null) return null;
  let known = kept.get(db);
  if (!known || known.stamp !== stamp) {
    // A read under the old stamp goes on to its next slice, sees the change and ends.
    known?.wake?.();
    known = { stamp, asked: false, columns: null, reading: null, wake: null };
    kept.set(db, known);
  }
  return known;
}

/**
 * Starts reading the columns at once, not from the second search: for a connection opened to search,
 * before anyone searches (a search thread at its start; the benchmark before it measures). Its
 * promise, or null where the connection has no stamp.
 */
export function startReadingFacetColumns(db: QueryDb): Promise<FacetColumns | null> | null {
  const known = keptUnder(db);
  if (!known) return null;
  known.asked = true;
  facetColumnsFor(db);
  return known.columns ? Promise.resolve(known.columns) : known.reading;
}

/** The columns if they are kept for the archive as it is now, without counting as an ask (facetColumnsFor counts one a search). */
export function keptFacetColumns(db: QueryDb): FacetColumns | null {
  const known = kept.get(db);
  return known?.columns && known.stamp === changeStampOf(db) ? known.columns : null;
}

/** Whether the columns were read under the archive as it is now: what was read since they were checked is theirs too. */
export const stillCurrent = (db: QueryDb, columns: FacetColumns): boolean => changeStampOf(db) === columns.stamp;

/** The read under way for this connection, if any (tests wait for it). */
export const readingFacetColumns = (db: QueryDb): Promise<FacetColumns | null> | null => kept.get(db)?.reading ?? null;

/**
 * Waits for the next search (its ask lets one slice go) or the event loop's next idle turn, whichever
 * comes first. Not for the event loop alone: a search thread under load turns it only every thousand
 * searches or so (a MessagePort hands on up to 1,000 messages before it yields), and a read waiting
 * for it took minutes.
 */
const giveWay = (entry: Kept) =>
  new Promise<void>((resolve) => {
    entry.wake = resolve;
    setImmediate(resolve);
  });

/** Every passage's facet columns, read in slices; null if the archive changed meanwhile. */
async function readColumns(db: QueryDb, entry: Kept): Promise<FacetColumns | null> {
  const { stamp } = entry;
  const [bounds] = await db.$queryRaw<{ top: number | bigint | null }[]>`SELECT max(id) AS top FROM Passage`;
  const size = num(bounds.top) + 1;
  const kindOf = new Uint8Array(size);
  const speakerOf = new Int32Array(size);
  const documentOf = new Int32Array(size);
  const kinds: string[] = [];
  const kindIndex = new Map<string, number>();
  const documents: FacetColumns['documents'] = [];
  const yearIndex = new Map<number, number>();
  const documentIndex = new Map<number, number>();

  const documentRows = await db.$queryRaw<{ id: number | bigint; publishedOn: string; publishedUntil: string; slug: string; isPublic: number | bigint }[]>`
    SELECT d.id AS id, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil, d.slug AS slug, ${isPublicDocument} AS isPublic FROM Document d`;
  for (const row of documentRows) {
    documentIndex.set(num(row.id), documents.length);
    const year = Number(row.publishedOn.slice(0, 4));
    if (!yearIndex.has(year)) yearIndex.set(year, yearIndex.size);
    documents.push({
      publishedOn: row.publishedOn,
      publishedUntil: row.publishedUntil,
      slug: row.slug,
      isPublic: num(row.isPublic) === 1,
      year: yearIndex.get(year)!,
    });
  }
  const speakers = await namesOf(db, 'Speaker');
  const topics = await namesOf(db, 'Topic');

  // Each slice comes as one row of JSON arrays: a row object per passage cost three times as much.
  for (let after = 0; ;) {
    await giveWay(entry);
    if (changeStampOf(db) !== stamp) return null;
    const [slice] = await db.$queryRaw<{ ids: string; documentIds: string; speakerIds: string; kinds: string }[]>`
      SELECT json_group_array(id) AS ids, json_group_array(documentId) AS documentIds,
             json_group_array(ifnull(speakerId, 0)) AS speakerIds, json_group_array(kind) AS kinds
      FROM (SELECT id, documentId, speakerId, CAST(kind AS TEXT) AS kind FROM Passage WHERE id > ${after} ORDER BY id LIMIT ${SLICE_ROWS})`;
    const ids: number[] = JSON.parse(slice.ids);
    const documentIds: number[] = JSON.parse(slice.documentIds);
    const speakerIds: number[] = JSON.parse(slice.speakerIds);
    const kindNames: string[] = JSON.parse(slice.kinds);
    for (let at = 0; at < ids.length; at++) {
      const id = ids[at];
      if (id >= size) return null;
      let kind = kindIndex.get(kindNames[at]);
      if (kind === undefined) {
        // A kind's number must fit kindOf's byte (there are a handful).
        if (kinds.length === 255) return null;
        kind = kinds.push(kindNames[at]);
        kindIndex.set(kindNames[at], kind);
      }
      kindOf[id] = kind;
      speakerOf[id] = speakerIds[at];
      const document = documentIndex.get(documentIds[at]);
      if (document === undefined) return null;
      documentOf[id] = document;
    }
    if (ids.length < SLICE_ROWS) break;
    after = ids[ids.length - 1];
  }

  // Topic links in the primary key's order (passage, topic), so each passage's are together.
  const topicStart = new Int32Array(size + 1);
  let topicIds = new Int32Array(1024);
  let links = 0;
  let lastPassage = 0;
  for (let afterPassage = 0, afterTopic = 0; ;) {
    await giveWay(entry);
    if (changeStampOf(db) !== stamp) return null;
    const [slice] = await db.$queryRaw<{ passageIds: string; topicIds: string }[]>`
      SELECT json_group_array(passageId) AS passageIds, json_group_array(topicId) AS topicIds FROM (
        SELECT passageId, topicId FROM PassageTopic WHERE (passageId, topicId) > (${afterPassage}, ${afterTopic})
        ORDER BY passageId, topicId LIMIT ${SLICE_ROWS})`;
    const passageIds: number[] = JSON.parse(slice.passageIds);
    const linkedTopics: number[] = JSON.parse(slice.topicIds);
    for (let at = 0; at < passageIds.length; at++) {
      const passage = passageIds[at];
      if (passage >= size) return null;
      // Passages without topics between the last one with topics and this one start (and end) here.
      for (let id = lastPassage + 1; id <= passage; id++) topicStart[id] = links;
      lastPassage = passage;
      if (links === topicIds.length) {
        const grown = new Int32Array(topicIds.length * 2);
        grown.set(topicIds);
        topicIds = grown;
      }
      topicIds[links++] = linkedTopics[at];
    }
    if (passageIds.length < SLICE_ROWS) break;
    afterPassage = passageIds[passageIds.length - 1];
    afterTopic = linkedTopics[linkedTopics.length - 1];
  }
  for (let id = lastPassage + 1; id <= size; id++) topicStart[id] = links;

  if (changeStampOf(db) !== stamp) return null;
  return {
    stamp,
    years: [...yearIndex.keys()],
    kindOf,
    kinds,
    speakerOf,
    documentOf,
    documents,
    topicStart,
    topicIds: topicIds.slice(0, links),
    speakers,
    topics,
  };
}

/** A table's names (Speaker, Topic). */
async function namesOf(db: QueryDb, table: 'Speaker' | 'Topic'): Promise<Names> {
  const rows =
    table === 'Speaker'
      ? await db.$queryRaw<{ id: number | bigint; slug: string; name: string }[]>`SELECT id, slug, name FROM Speaker ORDER BY name, id`
      : await db.$queryRaw<{ id: number | bigint; slug: string; name: string }[]>`SELECT id, slug, name FROM Topic ORDER BY name, id`;
  const names: Names = { orderOf: new Map(), idOf: new Map(), inOrder: [] };
  rows.forEach((row, order) => {
    names.orderOf.set(num(row.id), order);
    names.idOf.set(row.slug, num(row.id));
    names.inOrder.push({ slug: row.slug, name: row.name });
  });
  return names;
}
