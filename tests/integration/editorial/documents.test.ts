// Document operations of the editorial layer: create, edit every field, publish and unpublish,
// soft delete and restore, with optimistic locking, revisions and audit rows. The public read layer
// (Prisma, lib/data) runs on the same file, so what an editor does shows (or stops showing) publicly.
import { afterAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { getPublishedDocument, listDocuments } from '@/lib/data/documents';
import { prisma } from '@/lib/db/client';
import {
  closeWriters,
  ConflictError,
  createDocument,
  EditorialError,
  getDocumentForEditing,
  listRevisions,
  openWriter,
  publishDocument,
  restoreDeletedDocument,
  softDeleteDocument,
  unpublishDocument,
  updateDocumentFields,
  updatePassage,
  ValidationError,
  withWriter,
} from '@/lib/editorial';
import { documentFiltersSchema } from '@/lib/validation/document-filters';
import { indexMatches } from '@/tests/support/full-text-probe';
import { copyTemplateTarget } from '@/tests/support/per-file-database';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const root: Editor = { id: 'u-root', name: 'Ruth Admin', email: 'ruth@example.org', role: 'admin' };
const INTERVIEW_SLUG = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY_SLUG = 'how-to-really-bring-change-to-north-korea';

// The shared writer of DATABASE_URL: the same file Prisma reads.
const db = withWriter().db;
const row = (id: number) => db.prepare('SELECT * FROM Document WHERE id = ?').get(id) as Record<string, unknown>;
const audit = (id: number) =>
  db.prepare("SELECT action, actorId, actorEmail, summary FROM AuditEvent WHERE entityType = 'document' AND entityId = ? ORDER BY id").all(String(id)) as {
    action: string;
    actorId: string;
    actorEmail: string;
    summary: string;
  }[];
const publicSlugs = async () => (await listDocuments(documentFiltersSchema.parse({}))).items.map((d) => d.slug).sort();

afterAll(async () => {
  closeWriters();
  await prisma.$disconnect();
});

describe('createDocument', () => {
  it('creates a draft at version 1 with its passages, anchors 1…n, a first revision and an audit row', async () => {
    const created = await createDocument(ada, {
      slug: 'a-speech-on-markets',
      kind: 'speech',
      title: '  A Speech on Markets ',
      date: '2017',
      publisher: '',
      participants: [{ speakerId: '2', role: 'author' }],
      passages: [
        { kind: 'question', speakerId: 1, text: 'Why markets?', topicIds: [6] },
        { kind: 'answer', speakerId: 2, text: 'Because traders learned\r\nwhat rights are.', questionIndex: 0 },
      ],
    });
    expect(created).toMatchObject({ entityType: 'document', slug: 'a-speech-on-markets', version: 1, changed: true, paths: [] });
    expect(row(created.id)).toMatchObject({
      slug: 'a-speech-on-markets',
      kind: 'speech',
      title: 'A Speech on Markets',
      publisher: null,
      publishedOn: '2017-01-01',
      publishedUntil: '2017-12-31',
      datePrecision: 'year',
      language: 'en',
      status: 'draft',
      version: 1,
      deletedAt: null,
    });
    const doc = getDocumentForEditing(created.id)!;
    expect(doc.participants).toEqual([{ speakerId: 2, speakerSlug: 'seongmin-lee', speakerName: 'Seongmin Lee', role: 'author' }]);
    expect(doc.passages).toEqual([
      {
        anchor: 1,
        kind: 'question',
        speakerId: 1,
        speakerSlug: 'jeff-kim',
        speakerName: 'Jeff Kim',
        text: 'Why markets?',
        questionAnchor: null,
        topics: ['smuggling-and-markets'],
        startMs: null,
        endMs: null,
      },
      {
        anchor: 2,
        kind: 'answer',
        speakerId: 2,
        speakerSlug: 'seongmin-lee',
        speakerName: 'Seongmin Lee',
        text: 'Because traders learned\nwhat rights are.',
        questionAnchor: 1,
        topics: [],
        startMs: null,
        endMs: null,
      },
    ]);
    expect(listRevisions('document', created.id).map((r) => [r.version, r.editorId, r.editorName, r.message])).toEqual([[1, 'u-ada', 'Ada Editor', 'Created']]);
    expect(audit(created.id)).toEqual([
      {
        action: 'create',
        actorId: 'u-ada',
        actorEmail: 'ada@example.org',
        summary: 'Created the draft “A Speech on Markets” (a-speech-on-markets) with 2 passages',
      },
    ]);
    // A draft is nowhere public.
    expect(await getPublishedDocument('a-speech-on-markets')).toBeNull();
  });

  it('refuses a taken slug, an unknown speaker and bad fields, with field errors, creating nothing', async () => {
    const count = () => (db.prepare('SELECT COUNT(*) AS n FROM Document').get() as { n: number }).n;
    const before = count();
    // A valid new document with one thing wrong, or (bad) every field wrong at once.
    const valid = { slug: 'ghost', kind: 'essay', title: 'Ghost', date: '2020' } as const;
    const refusal = (input: unknown) => createDocument(ada, input).catch((e) => e);
    const taken = await refusal({ ...valid, slug: ESSAY_SLUG });
    expect(taken).toBeInstanceOf(ValidationError);
    expect(taken.fieldErrors).toEqual({ slug: ['is taken by another document'] });
    const bad = await refusal({
      slug: 'Bad Slug',
      kind: 'poem' as never,
      title: 'x'.repeat(301),
      date: '2020-02-30',
      sourceUrl: 'ftp://x.org',
    });
    expect(bad.fieldErrors).toEqual({
      slug: ['must be lowercase letters, digits and single hyphens, like "human-rights"'],
      kind: ['must be one of interview, essay, speech, testimony'],
      title: ['must be at most 300 characters'],
      date: ['must be a real date written YYYY, YYYY-MM or YYYY-MM-DD'],
      sourceUrl: ['must be a full web address starting with http:// or https://'],
    });
    const speaker = await refusal({ ...valid, participants: [{ speakerId: 77, role: 'author' }] });
    expect(speaker.fieldErrors).toEqual({ participants: ['speaker 77 does not exist'] });
    expect(count()).toBe(before);
  });
});

describe('updateDocumentFields', () => {
  it('changes every field given, leaves the others, bumps the version and re-titles the search index', async () => {
    const writer = openWriter(copyTemplateTarget('seededTemplate'));
    try {
      const options = { writer };
      // The essay's passages, each indexed under its document's title: the old one's words, none of the new one's.
      const essayPassages = (writer.db.prepare('SELECT id FROM Passage WHERE documentId = 2 ORDER BY id').all() as { id: number }[]).map((r) => r.id);
      const indexedUnder = (query: string) => essayPassages.filter((id) => indexMatches(writer.db, id, query));
      expect(essayPassages.length).toBeGreaterThan(1);
      expect([indexedUnder('"how to really bring change to north korea my home country"'), indexedUnder('quietly')]).toEqual([essayPassages, []]);
      const result = await updateDocumentFields(
        ada,
        {
          id: 2,
          expectedVersion: 1,
          title: 'Bringing Change Quietly',
          subtitle: 'An essay',
          summary: 'What outside information does.\n\nAnd what it cannot.',
          publisher: 'The Archive',
          sourceUrl: 'https://example.org/essay',
          date: '2019-03',
          language: 'ko',
          caption: 'Photo: the author',
          kind: 'testimony',
          slug: 'bringing-change',
          participants: [
            { speakerId: 2, role: 'author' },
            { speakerId: 1, role: 'translator' },
          ],
          message: 'Corrected the metadata',
        },
        options,
      );
      expect(result).toMatchObject({ version: 2, changed: true });
      expect(result.paths).toEqual(
        expect.arrayContaining([`/documents/${ESSAY_SLUG}`, '/documents/bringing-change', '/documents/bringing-change/passages/12', '/speakers/jeff-kim']),
      );
      const updated = writer.db.prepare('SELECT * FROM Document WHERE id = 2').get();
      expect(updated).toMatchObject({
        slug: 'bringing-change',
        kind: 'testimony',
        title: 'Bringing Change Quietly',
        subtitle: 'An essay',
        summary: 'What outside information does.\n\nAnd what it cannot.',
        publisher: 'The Archive',
        sourceUrl: 'https://example.org/essay',
        publishedOn: '2019-03-01',
        publishedUntil: '2019-03-31',
        datePrecision: 'month',
        language: 'ko',
        caption: 'Photo: the author',
        status: 'published',
        version: 2,
      });
      expect(getDocumentForEditing(2, options)!.participants.map((p) => [p.speakerSlug, p.role])).toEqual([
        ['seongmin-lee', 'author'],
        ['jeff-kim', 'translator'],
      ]);
      // Every passage of the essay is indexed under the new title, none under the old one.
      expect([indexedUnder('"bringing change quietly"'), indexedUnder('"really bring change"')]).toEqual([essayPassages, []]);
      expect(listRevisions('document', 2, options)[0]).toMatchObject({ version: 2, message: 'Corrected the metadata', editorName: 'Ada Editor' });

      // Only what is given changes; an empty optional field clears it.
      await updateDocumentFields(ada, { id: 2, expectedVersion: 2, subtitle: '', date: '2019-03-05' }, options);
      expect(writer.db.prepare('SELECT title, subtitle, publishedOn, publishedUntil, datePrecision, version FROM Document WHERE id = 2').get()).toEqual({
        title: 'Bringing Change Quietly',
        subtitle: null,
        publishedOn: '2019-03-05',
        publishedUntil: '2019-03-05',
        datePrecision: 'day',
        version: 3,
      });
    } finally {
      writer.close();
    }
  });

  it('refuses the slug of another document and a stale version, changing nothing', async () => {
    const writer = openWriter(copyTemplateTarget('seededTemplate'));
    try {
      const options = { writer };
      const taken = await updateDocumentFields(ada, { id: 2, expectedVersion: 1, slug: INTERVIEW_SLUG, title: 'New title' }, options).catch((e) => e);
      expect(taken).toBeInstanceOf(ValidationError);
      expect(taken.fieldErrors).toEqual({ slug: ['is taken by another document'] });
      expect(writer.db.prepare('SELECT slug, title, version FROM Document WHERE id = 2').get()).toEqual({
        slug: ESSAY_SLUG,
        title: 'How to Really Bring Change to North Korea, My Home Country',
        version: 1,
      });

      await updateDocumentFields(ada, { id: 2, expectedVersion: 1, title: 'Ada’s title' }, options);
      const conflict = await updateDocumentFields(root, { id: 2, expectedVersion: 1, title: 'Ruth’s title', summary: 'Ruth’s summary' }, options).catch(
        (e) => e,
      );
      expect(conflict).toBeInstanceOf(ConflictError);
      expect(conflict).toMatchObject({ entityType: 'document', entityId: 2, currentVersion: 2, expectedVersion: 1 });
      expect(conflict.current).toMatchObject({ title: 'Ada’s title', version: 2, summary: null });
      expect(conflict.current.passages).toHaveLength(12);
      expect(conflict.attempted).toMatchObject({ title: 'Ruth’s title', summary: 'Ruth’s summary' });
      expect(conflict.message).toContain('version 2');
      expect(writer.db.prepare('SELECT title, summary, version FROM Document WHERE id = 2').get()).toEqual({ title: 'Ada’s title', summary: null, version: 2 });
      expect((writer.db.prepare("SELECT COUNT(*) AS n FROM Revision WHERE entityType = 'document' AND entityId = 2").get() as { n: number }).n).toBe(2);
    } finally {
      writer.close();
    }
  });
});

describe('publish, unpublish, soft delete and restore', () => {
  it('publishes a draft (needs a passage), unpublishes it, each a version with an audit row', async () => {
    const empty = await createDocument(ada, { slug: 'empty-draft', kind: 'essay', title: 'Empty Draft', date: '2021-06' });
    const refused = await publishDocument(ada, { id: empty.id, expectedVersion: 1 }).catch((e) => e);
    expect(refused).toBeInstanceOf(EditorialError);
    expect(refused.message).toBe('“Empty Draft” has no passages yet; add one before publishing.');

    const draft = await createDocument(ada, {
      slug: 'a-testimony',
      kind: 'testimony',
      title: 'A Testimony',
      date: '2021-06',
      participants: [{ speakerId: 2, role: 'interviewee' }],
      passages: [{ kind: 'paragraph', speakerId: 2, text: 'I remember the border.' }],
    });
    const published = await publishDocument(ada, { id: draft.id, expectedVersion: 1 });
    expect(published).toMatchObject({ version: 2, changed: true });
    expect(published.paths).toEqual(
      expect.arrayContaining([
        '/',
        '/documents',
        '/documents/a-testimony',
        '/documents/a-testimony/passages/1',
        '/search',
        '/speakers/seongmin-lee',
        '/timeline',
      ]),
    );
    const reader = await getPublishedDocument('a-testimony');
    expect(reader?.passages.map((p) => p.text)).toEqual(['I remember the border.']);
    expect(Number.isNaN(Date.parse(reader!.updatedAt))).toBe(false);
    expect(await publicSlugs()).toEqual(['a-testimony', ESSAY_SLUG, INTERVIEW_SLUG].sort());

    const again = await publishDocument(ada, { id: draft.id, expectedVersion: 2 });
    expect(again).toMatchObject({ version: 2, changed: false });

    await unpublishDocument(ada, { id: draft.id, expectedVersion: 2 });
    expect(await getPublishedDocument('a-testimony')).toBeNull();
    expect(row(draft.id)).toMatchObject({ status: 'draft', version: 3 });
    expect(audit(draft.id).map((a) => [a.action, a.summary])).toEqual([
      ['create', 'Created the draft “A Testimony” (a-testimony) with 1 passages'],
      ['publish', 'Published “A Testimony” (a-testimony)'],
      ['unpublish', 'Unpublished “A Testimony” (a-testimony)'],
    ]);
  });

  it('a soft-deleted document leaves every public view, cannot be edited, and an admin restores it', async () => {
    const deleted = await softDeleteDocument(ada, { id: 1, expectedVersion: 1, message: 'Duplicate' });
    expect(deleted).toMatchObject({ version: 2, changed: true });
    expect(deleted.paths).toEqual(expect.arrayContaining([`/documents/${INTERVIEW_SLUG}`, `/documents/${INTERVIEW_SLUG}/passages/6`, '/speakers/jeff-kim']));
    expect(typeof row(1).deletedAt).toBe('string');
    expect(await getPublishedDocument(INTERVIEW_SLUG)).toBeNull();
    expect(await publicSlugs()).not.toContain(INTERVIEW_SLUG);

    const edit = await updatePassage(ada, { documentId: 1, expectedVersion: 2, anchor: 1, text: 'Edited while deleted' }).catch((e) => e);
    expect(edit).toBeInstanceOf(EditorialError);
    expect(edit.message).toBe(
      '“Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea” is deleted. An admin can restore it before it is edited.',
    );

    const restored = await restoreDeletedDocument(root, { id: 1, expectedVersion: 2 });
    expect(restored).toMatchObject({ version: 3, changed: true });
    expect(row(1)).toMatchObject({ deletedAt: null, status: 'published', version: 3 });
    expect((await getPublishedDocument(INTERVIEW_SLUG))?.passages).toHaveLength(6);
    expect(audit(1).map((a) => [a.action, a.actorId])).toEqual([
      ['create', 'system'],
      ['delete', 'u-ada'],
      ['restore', 'u-root'],
    ]);
    expect(listRevisions('document', 1).map((r) => [r.version, r.editorName, r.message])).toEqual([
      [3, 'Ruth Admin', 'Restored the deleted document'],
      [2, 'Ada Editor', 'Duplicate'],
      [1, 'Archive system', 'Seeded'],
    ]);
    const notDeleted = await restoreDeletedDocument(root, { id: 1, expectedVersion: 3 }).catch((e) => e);
    expect(notDeleted.message).toBe('“Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea” is not deleted.');
  });
});
