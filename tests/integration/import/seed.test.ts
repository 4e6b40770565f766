// The seeded archive: the two seed texts through the real importer, checked passage by passage
// against what the texts say, then the seed's idempotence and refusal of bad metadata, and the
// integrity rules the database itself enforces.
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createPrismaClient } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { defaultSeedDir, seedArchive } from '@/seed/seed-archive';
import { copyTemplateUrl } from '@/tests/support/per-file-database';
import { INTERVIEW_TURNS } from '@/tests/support/seed-expectations';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const SEED_FILES = ['000_cb40de5809399bf6.txt', '003_0414c9627de2d993.txt'];

const passagesOf = (slug: string) =>
  prisma.passage.findMany({
    where: { document: { slug } },
    orderBy: { position: 'asc' },
    select: {
      id: true,
      position: true,
      anchor: true,
      kind: true,
      text: true,
      questionId: true,
      speaker: { select: { name: true } },
      topics: { select: { topic: { select: { slug: true } } } },
    },
  });

async function counts(client: PrismaClient) {
  const [documents, passages, speakers, aliases, topics, participants, tags] = await Promise.all([
    client.document.count(),
    client.passage.count(),
    client.speaker.count(),
    client.speakerAlias.count(),
    client.topic.count(),
    client.participant.count(),
    client.passageTopic.count(),
  ]);
  return { documents, passages, speakers, aliases, topics, participants, tags };
}

/** A scratch seed directory: the real texts and metadata.json, changed by `edit`. */
function seedDirWith(edit: (metadata: { documents: { passageTopics: { startsWith: string }[] }[] }) => void): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-seed-'));
  for (const file of SEED_FILES) copyFileSync(path.join(defaultSeedDir, file), path.join(dir, file));
  const metadata = JSON.parse(readFileSync(path.join(defaultSeedDir, 'metadata.json'), 'utf8'));
  edit(metadata);
  writeFileSync(path.join(dir, 'metadata.json'), JSON.stringify(metadata, null, 2));
  return dir;
}

const openClients: PrismaClient[] = [];
function freshClient(which: 'migratedTemplate' | 'seededTemplate'): PrismaClient {
  const client = createPrismaClient(copyTemplateUrl(which));
  openClients.push(client);
  return client;
}

afterAll(async () => {
  await Promise.all(openClients.map((c) => c.$disconnect()));
  await prisma.$disconnect();
});

describe('the seeded archive', () => {
  it('holds exactly the two seed documents, both published', async () => {
    const documents = await prisma.document.findMany({ orderBy: { slug: 'asc' }, select: { slug: true, kind: true, status: true } });
    expect(documents).toEqual([
      { slug: ESSAY, kind: 'essay', status: 'published' },
      { slug: INTERVIEW, kind: 'interview', status: 'published' },
    ]);
  });

  it('dates the interview to the day and the essay to the month', async () => {
    const dates = await prisma.document.findMany({
      orderBy: { publishedOn: 'desc' },
      select: { slug: true, publishedOn: true, publishedUntil: true, datePrecision: true, publisher: true, language: true },
    });
    expect(dates).toEqual([
      { slug: INTERVIEW, publishedOn: '2018-08-28', publishedUntil: '2018-08-28', datePrecision: 'day', publisher: 'George W. Bush Institute', language: 'en' },
      { slug: ESSAY, publishedOn: '2016-12-01', publishedUntil: '2016-12-31', datePrecision: 'month', publisher: 'The Diplomat', language: 'en' },
    ]);
  });

  it('stores the photo captions of both texts', async () => {
    const interview = await prisma.document.findUniqueOrThrow({ where: { slug: INTERVIEW }, select: { caption: true } });
    const essay = await prisma.document.findUniqueOrThrow({ where: { slug: ESSAY }, select: { caption: true } });
    expect(interview.caption).toBe('Seongmin Lee with President and Mrs. Bush at Spirit of Liberty in New York City, October 2017.');
    expect(essay.caption).toMatch(/^North Korean leader Kim Jong-un is hugged by children/);
    expect(essay.caption).toContain('(KCNA)');
  });

  it('reads the interview as three questions by Jeff Kim, each answered by Seongmin Lee', async () => {
    const passages = await passagesOf(INTERVIEW);
    expect(passages.map((p) => [p.kind, p.speaker?.name])).toEqual(INTERVIEW_TURNS);
    passages.forEach((passage, i) => {
      if (passage.kind === 'answer') expect(passage.questionId).toBe(passages[i - 1].id);
      else expect(passage.questionId).toBeNull();
    });
    expect(passages.map((p) => p.text.slice(0, 40))).toEqual([
      'Not long ago, we had the Trump-Kim summi',
      'I think there are a lot of questions out',
      'Human rights were not on the table durin',
      'I think not addressing the North Korean ',
      'More and more people are starting to sho',
      'The most important thing for people who ',
    ]);
  });

  it('keeps both paragraphs of the first answer and leaves out the pull quote and the labels', async () => {
    const [, firstAnswer] = await passagesOf(INTERVIEW);
    expect(firstAnswer.text).toContain('\n\nShould we then disengage');
    expect(firstAnswer.text.split('\n\n')).toHaveLength(2);
    expect(firstAnswer.text).toMatch(/respects human dignity\.$/);
    expect(firstAnswer.text).not.toMatch(/^SL:/);
  });

  it('reads the essay as exactly 12 paragraphs by Seongmin Lee, without his closing bio', async () => {
    const passages = await passagesOf(ESSAY);
    expect(passages).toHaveLength(12);
    expect(new Set(passages.map((p) => p.kind))).toEqual(new Set(['paragraph']));
    expect(new Set(passages.map((p) => p.speaker?.name))).toEqual(new Set(['Seongmin Lee']));
    expect(passages[0].text).toMatch(/^Ever since I left North Korea in December 2009/);
    expect(passages[11].text).toMatch(/^Resolving the North Korean issue will require/);
    expect(passages.some((p) => p.text.includes('Seongmin Lee is a North Korean defector'))).toBe(false);
  });

  it.each([
    [INTERVIEW, 6],
    [ESSAY, 12],
  ])('numbers the passages of %s 1..%i, in anchors and positions alike, each with 1 to 3 topics', async (slug, n) => {
    const passages = await passagesOf(slug);
    const oneToN = Array.from({ length: n }, (_, i) => i + 1);
    expect(passages.map((p) => p.position)).toEqual(oneToN);
    expect(passages.map((p) => p.anchor)).toEqual(oneToN);
    for (const passage of passages) {
      expect(passage.topics.length).toBeGreaterThanOrEqual(1);
      expect(passage.topics.length).toBeLessThanOrEqual(3);
    }
  });

  it('tags passages with the topics metadata.json gives them', async () => {
    const [first] = await passagesOf(INTERVIEW);
    const essay = await passagesOf(ESSAY);
    expect(first.topics.map((t) => t.topic.slug).sort()).toEqual(['denuclearization', 'engagement-and-diplomacy']);
    expect(essay[5].topics.map((t) => t.topic.slug).sort()).toEqual(['china', 'sanctions', 'smuggling-and-markets']);
    expect(await prisma.passageTopic.count()).toBe(41);
  });

  it('gives both speakers their bios from the texts, their aliases and their roles', async () => {
    const speakers = await prisma.speaker.findMany({
      orderBy: { slug: 'asc' },
      select: {
        slug: true,
        name: true,
        bio: true,
        bioSource: true,
        aliases: { select: { alias: true }, orderBy: { alias: 'asc' } },
        participants: { select: { role: true, document: { select: { slug: true } } }, orderBy: { role: 'asc' } },
      },
    });
    expect(speakers.map((s) => [s.slug, s.name])).toEqual([
      ['jeff-kim', 'Jeff Kim'],
      ['seongmin-lee', 'Seongmin Lee'],
    ]);
    const [jeff, seongmin] = speakers;
    expect(jeff.bio).toBe('Jeff Kim is a Bush Institute Human Freedom Initiative consultant.');
    expect(jeff.bioSource).toContain('George W. Bush Institute');
    expect(seongmin.bio).toMatch(/^Seongmin Lee is a North Korean defector/);
    expect(seongmin.bio).toContain('Columbia University');
    expect(seongmin.bioSource).toContain('The Diplomat');
    expect(jeff.aliases.map((a) => a.alias)).toEqual(['JK']);
    expect(seongmin.aliases.map((a) => a.alias)).toEqual(['Lee Seongmin', 'SL']);
    expect(jeff.participants).toEqual([{ role: 'interviewer', document: { slug: INTERVIEW } }]);
    expect(seongmin.participants.map((p) => [p.role, p.document.slug]).sort()).toEqual([
      ['author', ESSAY],
      ['interviewee', INTERVIEW],
    ]);
  });

  it('holds the ten topics of metadata.json', async () => {
    const topics = await prisma.topic.findMany({ orderBy: { slug: 'asc' }, select: { slug: true } });
    expect(topics.map((t) => t.slug)).toEqual([
      'china',
      'citizens-as-agents-of-change',
      'denuclearization',
      'engagement-and-diplomacy',
      'human-rights',
      'outside-information',
      'perceptions-of-north-korea',
      'personality-cult',
      'sanctions',
      'smuggling-and-markets',
    ]);
  });
});

describe('seedArchive', () => {
  it('changes nothing when run again on a seeded archive', async () => {
    const before = await counts(prisma);
    expect(before).toMatchObject({ documents: 2, passages: 18, speakers: 2, topics: 10 });
    const report = await seedArchive(prisma);
    expect(report.seeded).toEqual([]);
    expect(report.skipped).not.toBe('');
    expect(await counts(prisma)).toEqual(before);
  });

  it('writes through the editorial layer as the system editor: every entry has its version 1 and its audit entry', async () => {
    const client = freshClient('migratedTemplate');
    await seedArchive(
      client,
      seedDirWith(() => {}),
    );
    const revisions = await client.revision.groupBy({ by: ['entityType', 'version', 'editorId', 'message'], _count: true, orderBy: { entityType: 'asc' } });
    expect(revisions).toEqual([
      { entityType: 'document', version: 1, editorId: 'system', message: 'Seeded', _count: 2 },
      { entityType: 'speaker', version: 1, editorId: 'system', message: 'Seeded', _count: 2 },
      { entityType: 'topic', version: 1, editorId: 'system', message: 'Seeded', _count: 10 },
    ]);
    const audit = await client.auditEvent.groupBy({ by: ['entityType', 'action', 'actorId'], _count: true, orderBy: { entityType: 'asc' } });
    expect(audit).toEqual([
      { entityType: 'document', action: 'create', actorId: 'system', _count: 2 },
      { entityType: 'speaker', action: 'create', actorId: 'system', _count: 2 },
      { entityType: 'synonyms', action: 'create', actorId: 'system', _count: 6 },
      { entityType: 'topic', action: 'create', actorId: 'system', _count: 10 },
    ]);
    // A revision holds the document as it was written, word for word.
    const essay = await client.document.findUniqueOrThrow({
      where: { slug: ESSAY },
      select: { id: true, passages: { orderBy: { position: 'asc' }, select: { text: true } } },
    });
    const revision = await client.revision.findFirstOrThrow({ where: { entityType: 'document', entityId: essay.id }, select: { snapshot: true } });
    expect((JSON.parse(revision.snapshot) as { passages: { text: string }[] }).passages.map((p) => p.text)).toEqual(essay.passages.map((p) => p.text));
    // The system editor never signs in: disabled, and no credential account to check a password against.
    expect(await client.user.findMany({ select: { id: true, email: true, disabled: true, _count: { select: { accounts: true } } } })).toEqual([
      { id: 'system', email: 'system@archive.invalid', disabled: true, _count: { accounts: 0 } },
    ]);
  });

  it('seeds a fresh archive from a copy of the seed directory', async () => {
    const client = freshClient('migratedTemplate');
    const report = await seedArchive(
      client,
      seedDirWith(() => {}),
    );
    expect(report).toEqual({
      seeded: [
        { slug: INTERVIEW, passages: 6 },
        { slug: ESSAY, passages: 12 },
      ],
      skipped: '',
    });
    expect(await counts(client)).toMatchObject({ documents: 2, passages: 18, speakers: 2, topics: 10, tags: 41 });
  });

  it('refuses metadata that does not match the text, naming the passage, and writes nothing', async () => {
    const client = freshClient('migratedTemplate');
    const dir = seedDirWith((metadata) => {
      metadata.documents[0].passageTopics[3].startsWith = 'Nothing in the interview starts like this';
    });
    await expect(seedArchive(client, dir)).rejects.toThrow(
      /000_cb40de5809399bf6\.txt: passage 4 starts "I think not addressing.*metadata expects "Nothing in the interview starts like this"/,
    );
    expect(await counts(client)).toEqual({ documents: 0, passages: 0, speakers: 0, aliases: 0, topics: 0, participants: 0, tags: 0 });
  });

  it('refuses metadata with a passage count the importer does not find, and writes nothing', async () => {
    const client = freshClient('migratedTemplate');
    const dir = seedDirWith((metadata) => {
      metadata.documents[1].passageTopics.pop();
    });
    await expect(seedArchive(client, dir)).rejects.toThrow('003_0414c9627de2d993.txt: the importer made 12 passages; metadata.json tags 11');
    expect(await counts(client)).toMatchObject({ documents: 0, passages: 0, speakers: 0, topics: 0 });
  });

  // Metadata the importer agrees with but the archive cannot hold. Seeding still writes all or
  // nothing ("Seeding failed, nothing was written", says seed/seed.ts), even though the first
  // document is sound and only the second one is wrong.
  it('refuses a passage tagged with a topic metadata.json does not list, and writes nothing', async () => {
    const client = freshClient('migratedTemplate');
    const dir = seedDirWith((metadata) => {
      (metadata.documents[1].passageTopics[0] as unknown as { topics: string[] }).topics = ['no-such-topic'];
    });
    await expect(seedArchive(client, dir)).rejects.toThrow(/no-such-topic/);
    expect(await counts(client)).toMatchObject({ documents: 0, passages: 0, speakers: 0, topics: 0 });
  });

  it('refuses two documents with the same slug, and writes nothing', async () => {
    const client = freshClient('migratedTemplate');
    const dir = seedDirWith((metadata) => {
      (metadata.documents[1] as unknown as { slug: string }).slug = INTERVIEW;
    });
    await expect(seedArchive(client, dir)).rejects.toThrow(INTERVIEW);
    expect(await counts(client)).toMatchObject({ documents: 0, passages: 0, speakers: 0, topics: 0 });
  });
});

describe('database integrity', () => {
  let db: PrismaClient;
  let essayId: number;
  let interviewId: number;

  beforeAll(async () => {
    db = freshClient('seededTemplate');
    essayId = (await db.document.findUniqueOrThrow({ where: { slug: ESSAY } })).id;
    interviewId = (await db.document.findUniqueOrThrow({ where: { slug: INTERVIEW } })).id;
  });

  const passage = (documentId: number, position: number, anchor: number) => ({
    documentId,
    position,
    anchor,
    kind: 'paragraph' as const,
    text: 'An extra paragraph.',
  });

  it('refuses a second passage at the same position in a document', async () => {
    await expect(db.passage.create({ data: passage(essayId, 3, 99) })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('refuses a second passage with the same anchor in a document', async () => {
    await expect(db.passage.create({ data: passage(essayId, 99, 3) })).rejects.toMatchObject({ code: 'P2002' });
  });

  it('allows the same position and anchor in another document', async () => {
    const other = await db.document.create({
      data: { slug: 'another-document', kind: 'essay', title: 'Another', publishedOn: '2017-01-01', publishedUntil: '2017-12-31', datePrecision: 'year' },
    });
    await expect(db.passage.create({ data: passage(other.id, 3, 3) })).resolves.toMatchObject({ position: 3, anchor: 3 });
  });

  it('refuses a second document with the same slug', async () => {
    await expect(
      db.document.create({
        data: { slug: ESSAY, kind: 'essay', title: 'A copy', publishedOn: '2016-12-01', publishedUntil: '2016-12-31', datePrecision: 'month' },
      }),
    ).rejects.toMatchObject({ code: 'P2002' });
  });

  it('refuses a passage of a document that does not exist', async () => {
    await expect(db.passage.create({ data: passage(999_999, 1, 1) })).rejects.toMatchObject({ code: 'P2003' });
  });

  it('refuses to delete a speaker who still takes part in a document', async () => {
    const speaker = await db.speaker.findUniqueOrThrow({ where: { slug: 'jeff-kim' } });
    await expect(db.speaker.delete({ where: { id: speaker.id } })).rejects.toThrow();
    expect(await db.speaker.count({ where: { slug: 'jeff-kim' } })).toBe(1);
  });

  it('deletes a document with its passages, topic tags and participants, and nothing else', async () => {
    const essayPassageIds = (await db.passage.findMany({ where: { documentId: essayId }, select: { id: true } })).map((p) => p.id);
    expect(essayPassageIds).toHaveLength(12);
    const interviewBefore = await db.passage.count({ where: { documentId: interviewId } });

    await db.document.delete({ where: { id: essayId } });

    expect(await db.passage.count({ where: { documentId: essayId } })).toBe(0);
    expect(await db.passageTopic.count({ where: { passageId: { in: essayPassageIds } } })).toBe(0);
    expect(await db.participant.count({ where: { documentId: essayId } })).toBe(0);
    expect(await db.passage.count({ where: { documentId: interviewId } })).toBe(interviewBefore);
    expect(await db.speaker.count({ where: { slug: 'seongmin-lee' } })).toBe(1);
    expect(await db.topic.count()).toBe(10);
  });
});
