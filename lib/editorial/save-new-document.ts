// Writes one new document with its speakers, participants, passages and topic tags in a single
// transaction: the importer's output becomes either a whole document or nothing at all.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parsePartialDate } from '@/lib/dates';
import { slugify } from '@/lib/slug';

type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface NewSpeaker {
  name: string;
  slug?: string;
  aliases?: string[];
  bio?: string | null;
  bioSource?: string | null;
}

export interface NewPassage {
  kind: 'question' | 'answer' | 'paragraph';
  /** Name of one of the document's speakers, or null. */
  speaker: string | null;
  text: string;
  /** For an answer: the index, in this list, of the question it answers. */
  answers: number | null;
  topicSlugs: string[];
}

export interface NewDocument {
  slug: string;
  kind: 'interview' | 'essay' | 'speech' | 'testimony';
  title: string;
  subtitle?: string | null;
  summary?: string | null;
  publisher?: string | null;
  sourceUrl?: string | null;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD": the precision is the form. */
  date: string;
  language?: string;
  caption?: string | null;
  status: 'draft' | 'published';
  speakers: NewSpeaker[];
  participants: { speaker: string; role: 'interviewer' | 'interviewee' | 'author' | 'translator' | 'editor' }[];
  passages: NewPassage[];
}

export class SaveDocumentError extends Error {}

export type Transaction = Tx;

/** Saves one document in its own transaction. */
export async function saveNewDocument(prisma: PrismaClient, input: NewDocument): Promise<{ id: number; slug: string }> {
  return prisma.$transaction((tx) => writeNewDocument(tx, input));
}

/** Writes one document inside a transaction the caller holds, so several can succeed or fail together. */
export async function writeNewDocument(tx: Tx, input: NewDocument): Promise<{ id: number; slug: string }> {
  const period = parsePartialDate(input.date);
  if (!period) throw new SaveDocumentError(`"${input.date}" is not a date written YYYY, YYYY-MM or YYYY-MM-DD.`);
  if (input.passages.length === 0) throw new SaveDocumentError('A document needs at least one passage.');

  if (await tx.document.findUnique({ where: { slug: input.slug }, select: { id: true } })) {
    throw new SaveDocumentError(`A document with the address "${input.slug}" exists already.`);
  }
  const speakerIds = await ensureSpeakers(tx, input.speakers);
  const speakerId = (name: string) => {
    const id = speakerIds.get(name);
    if (id === undefined) throw new SaveDocumentError(`"${name}" is not one of this document's speakers.`);
    return id;
  };
  const topicIds = await topicIdsBySlug(tx, input.passages.flatMap((p) => p.topicSlugs));

  const document = await tx.document.create({
    data: {
      slug: input.slug,
      kind: input.kind,
      title: input.title,
      subtitle: input.subtitle ?? null,
      summary: input.summary ?? null,
      publisher: input.publisher ?? null,
      sourceUrl: input.sourceUrl ?? null,
      publishedOn: period.start,
      publishedUntil: period.end,
      datePrecision: period.precision,
      language: input.language ?? 'en',
      caption: input.caption ?? null,
      status: input.status,
      participants: {
        create: input.participants.map((p, position) => ({ speakerId: speakerId(p.speaker), role: p.role, position })),
      },
    },
    select: { id: true, slug: true },
  });

  const passageIds: number[] = [];
  for (const [index, passage] of input.passages.entries()) {
    const questionId = passage.answers === null ? null : passageIds[passage.answers];
    if (passage.answers !== null && (questionId === undefined || input.passages[passage.answers].kind !== 'question')) {
      throw new SaveDocumentError(`Passage ${index + 1} answers passage ${passage.answers + 1}, which is not an earlier question.`);
    }
    const created = await tx.passage.create({
      data: {
        documentId: document.id,
        position: index + 1,
        anchor: index + 1,
        kind: passage.kind,
        speakerId: passage.speaker === null ? null : speakerId(passage.speaker),
        text: passage.text,
        questionId,
        topics: { create: passage.topicSlugs.map((slug) => ({ topicId: topicIds.get(slug)! })) },
      },
      select: { id: true },
    });
    passageIds.push(created.id);
  }
  return document;
}

/** Finds each speaker by slug, name or alias, creating those the archive does not know yet. */
async function ensureSpeakers(tx: Tx, speakers: NewSpeaker[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  for (const speaker of speakers) {
    const slug = speaker.slug ?? slugify(speaker.name);
    const existing =
      (await tx.speaker.findUnique({ where: { slug }, select: { id: true, bio: true } })) ??
      (await tx.speaker.findFirst({ where: { name: speaker.name }, select: { id: true, bio: true } }));
    const id = existing
      ? existing.id
      : (await tx.speaker.create({ data: { slug, name: speaker.name }, select: { id: true } })).id;
    // A bio found in a new text fills an empty one; it never replaces what an editor wrote.
    if (speaker.bio && !existing?.bio) {
      await tx.speaker.update({ where: { id }, data: { bio: speaker.bio, bioSource: speaker.bioSource ?? null } });
    }
    for (const alias of new Set(speaker.aliases ?? [])) {
      await tx.speakerAlias.upsert({
        where: { speakerId_alias: { speakerId: id, alias } },
        create: { speakerId: id, alias },
        update: {},
      });
    }
    ids.set(speaker.name, id);
  }
  return ids;
}

async function topicIdsBySlug(tx: Tx, slugs: string[]): Promise<Map<string, number>> {
  const wanted = [...new Set(slugs)];
  const topics = await tx.topic.findMany({ where: { slug: { in: wanted } }, select: { id: true, slug: true } });
  const ids = new Map(topics.map((t) => [t.slug, t.id]));
  const missing = wanted.filter((slug) => !ids.has(slug));
  if (missing.length > 0) throw new SaveDocumentError(`Unknown topics: ${missing.join(', ')}.`);
  return ids;
}
