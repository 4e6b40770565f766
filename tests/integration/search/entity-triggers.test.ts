// The speakers-documents-topics index kept in step by triggers, whatever writes: a bio edited, an
// alias added and removed, a summary rewritten, a document deleted, a topic renamed. Each test works
// on a fresh copy of the seeded archive, checks what search lists, then that the index matches the tables.
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { searchPassages } from '@/lib/search/search-passages';
import { freshSeededDatabases } from '@/tests/support/fresh-seeded-db';
import { testEngine } from '@/tests/support/test-engine';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';

const freshDb = freshSeededDatabases();

const entities = async (db: PrismaClient, q: string) => {
  const found = (await searchPassages(db, { q, page: 1, pageSize: 10 })).entities;
  return {
    speakers: found?.speakers.map((s) => s.slug) ?? [],
    documents: found?.documents.map((d) => d.slug) ?? [],
    topics: found?.topics.map((t) => t.slug) ?? [],
    sections: found?.sections.map((t) => `${t.documentSlug}#${t.anchor} ${t.title}`) ?? [],
  };
};

/**
 * Index rows that differ from what the tables say, and rows without an entity: empty when in step.
 * The same invariants on both engines, in each one's SQL: FTS5's entity_fts is keyed by rowid and its
 * keywords are read with json_each; PostgreSQL's (migration 20261202080100_full_text) by `entry`, with
 * json_array_elements_text. A speaker's aliases may come in any order: only the name is checked there.
 */
async function drift(db: PrismaClient) {
  return testEngine() === 'postgresql' ? postgresDrift(db) : sqliteDrift(db);
}

function sqliteDrift(db: PrismaClient) {
  return db.$queryRaw<{ entry: bigint | number }[]>`
    WITH expected(entry, name, detail) AS (
      SELECT s.id * 3, s.name || COALESCE((SELECT ' ' || group_concat(alias, ' ') FROM SpeakerAlias WHERE speakerId = s.id), ''), COALESCE(s.bio, '') FROM Speaker s
      UNION ALL SELECT d.id * 3 + 1, d.title, COALESCE(d.subtitle, '') || char(10) || COALESCE(d.summary, '') || char(10) || COALESCE(d.publisher, '') FROM Document d
      UNION ALL SELECT t.id * 3 + 2, t.name, '' FROM Topic t
      UNION ALL SELECT -ds.id, ds.title, COALESCE(ds.synopsis, '') || char(10) || COALESCE((SELECT group_concat(value, ', ') FROM json_each(ds.keywords)), '') FROM DocumentSection ds)
    SELECT e.entry AS entry FROM expected e LEFT JOIN entity_fts f ON f.rowid = e.entry
      WHERE f.rowid IS NULL OR f.detail IS NOT e.detail
        OR (e.entry >= 0 AND e.entry % 3 = 0 AND (' ' || f.name || ' ') NOT LIKE '% ' || (SELECT name FROM Speaker WHERE id = e.entry / 3) || ' %')
        OR ((e.entry < 0 OR e.entry % 3 <> 0) AND f.name IS NOT e.name)
    UNION ALL
    SELECT f.rowid FROM entity_fts f WHERE f.rowid NOT IN (SELECT entry FROM expected)`;
}

/** As sqliteDrift, and also a row whose tsvector is not the one its name and detail give (a stale index). */
function postgresDrift(db: PrismaClient) {
  return db.$queryRaw<{ entry: bigint | number }[]>`
    WITH expected(entry, name, detail) AS (
      SELECT s.id::bigint * 3, s.name || COALESCE((SELECT ' ' || string_agg(alias, ' ') FROM SpeakerAlias WHERE speakerId = s.id), ''), COALESCE(s.bio, '') FROM Speaker s
      UNION ALL SELECT d.id::bigint * 3 + 1, d.title, COALESCE(d.subtitle, '') || chr(10) || COALESCE(d.summary, '') || chr(10) || COALESCE(d.publisher, '') FROM Document d
      UNION ALL SELECT t.id::bigint * 3 + 2, t.name, '' FROM Topic t
      UNION ALL SELECT -ds.id::bigint, ds.title, COALESCE(ds.synopsis, '') || chr(10) || COALESCE((SELECT string_agg(k, ', ') FROM json_array_elements_text(ds.keywords::json) k), '') FROM DocumentSection ds)
    SELECT e.entry AS entry FROM expected e LEFT JOIN entity_fts f ON f.entry = e.entry
      WHERE f.entry IS NULL OR f.detail IS DISTINCT FROM e.detail
        OR (e.entry >= 0 AND e.entry % 3 = 0 AND (' ' || f.name || ' ') NOT LIKE '% ' || (SELECT name FROM Speaker WHERE id = e.entry / 3) || ' %')
        OR ((e.entry < 0 OR e.entry % 3 <> 0) AND f.name IS DISTINCT FROM e.name)
        OR f.document IS DISTINCT FROM (setweight(to_tsvector('archive_fts', archive_fts_text(f.name)), 'A') || setweight(to_tsvector('archive_fts', archive_fts_text(f.detail)), 'B'))
    UNION ALL
    SELECT f.entry FROM entity_fts f WHERE f.entry NOT IN (SELECT entry FROM expected)`;
}

/**
 * A write and the write that takes it back: between them search lists the entity by the written
 * word, after the second it lists nothing for that word, and the index is in step with the tables.
 */
async function expectFoundOnlyBetween(
  db: PrismaClient,
  found: { q: string; kind: 'speakers' | 'topics'; slugs: string[] },
  step: { write: () => Promise<unknown>; undo: () => Promise<unknown> },
) {
  await step.write();
  expect((await entities(db, found.q))[found.kind]).toEqual(found.slugs);
  await step.undo();
  expect((await entities(db, found.q))[found.kind]).toEqual([]);
  expect(await drift(db)).toEqual([]);
}

describe('the entity index follows every write', () => {
  it('starts in step with the seeded archive', async () => {
    expect(await drift(freshDb())).toEqual([]);
  });

  it('a bio edited: found by its new words, not its old', async () => {
    const db = freshDb();
    expect((await entities(db, 'defector')).speakers).toEqual(['seongmin-lee']);
    await db.speaker.update({ where: { slug: 'seongmin-lee' }, data: { bio: 'Writes about weather balloons.' } });
    expect((await entities(db, 'defector')).speakers).toEqual([]);
    expect((await entities(db, 'balloons')).speakers).toEqual(['seongmin-lee']);
    expect(await drift(db)).toEqual([]);
  });

  it('an alias added and removed', async () => {
    const db = freshDb();
    const speaker = await db.speaker.findUniqueOrThrow({ where: { slug: 'jeff-kim' } });
    await expectFoundOnlyBetween(
      db,
      { q: 'quince', kind: 'speakers', slugs: ['jeff-kim'] },
      {
        write: () => db.speakerAlias.create({ data: { speakerId: speaker.id, alias: 'Jeffrey Quince' } }),
        undo: () => db.speakerAlias.deleteMany({ where: { alias: 'Jeffrey Quince' } }),
      },
    );
  });

  it('a summary rewritten, then the document deleted', async () => {
    const db = freshDb();
    await db.document.update({ where: { slug: INTERVIEW }, data: { summary: 'On walruses and diplomacy.' } });
    expect((await entities(db, 'escapee')).documents).toEqual([]);
    expect((await entities(db, 'walruses')).documents).toEqual([INTERVIEW]);
    await db.document.update({ where: { slug: INTERVIEW }, data: { deletedAt: new Date() } });
    expect((await entities(db, 'walruses')).documents).toEqual([]);
    await db.document.delete({ where: { slug: INTERVIEW } });
    expect(await drift(db)).toEqual([]);
  });

  it('a topic renamed, then deleted', async () => {
    const db = freshDb();
    await expectFoundOnlyBetween(
      db,
      { q: 'dandong', kind: 'topics', slugs: ['china'] },
      {
        write: () => db.topic.update({ where: { slug: 'china' }, data: { name: 'Beijing and Dandong' } }),
        undo: () => db.topic.delete({ where: { slug: 'china' } }),
      },
    );
  });

  it('a section of a table of contents added, found by its title, synopsis or keywords, renamed, and gone with its document', async () => {
    const db = freshDb();
    const document = await db.document.findUniqueOrThrow({ where: { slug: INTERVIEW } });
    const section = await db.documentSection.create({
      data: {
        documentId: document.id,
        position: 0,
        title: 'Crossing the Tumen',
        synopsis: 'Walking over the frozen river.',
        keywords: '["winter","border"]',
        startAnchor: 3,
      },
    });
    const found = [`${INTERVIEW}#3 Crossing the Tumen`];
    expect((await entities(db, 'tumen')).sections).toEqual(found);
    expect((await entities(db, 'frozen river')).sections).toEqual(found);
    expect((await entities(db, 'border')).sections).toEqual(found);
    await db.documentSection.update({ where: { id: section.id }, data: { title: 'Leaving Hoeryong' } });
    expect((await entities(db, 'tumen')).sections).toEqual([]);
    expect((await entities(db, 'hoeryong')).sections).toEqual([`${INTERVIEW}#3 Leaving Hoeryong`]);
    expect(await drift(db)).toEqual([]);
    // A draft's sections are not public.
    await db.document.update({ where: { slug: INTERVIEW }, data: { status: 'draft' } });
    expect((await entities(db, 'hoeryong')).sections).toEqual([]);
    await db.document.delete({ where: { slug: INTERVIEW } });
    expect(await drift(db)).toEqual([]);
  });
});
