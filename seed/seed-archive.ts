// Seeds an empty archive from seed/: the raw texts through the real importer, plus the facts in
// metadata.json (dates, publishers, speakers, topics and each passage's topics), written through the
// editorial layer as the system editor, so every entry has its version 1 and its audit entry.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { parseDocumentText, type ImportResult } from '@/lib/import';
import { writeDocumentWithSpeakers } from '@/lib/editorial/new-document';
import { insertTopic } from '@/lib/editorial/new-topic';
import { writeSynonymGroups } from '@/lib/editorial/synonyms';
import { ensureSystemEditor } from '@/lib/editorial/system-editor';
import { databaseFileOf, isWriter, openWriter, type Writer } from '@/lib/db';
import { parsePartialDate } from '@/lib/dates';
import { seedMetadataSchema, type SeedMetadata } from '@/lib/validation/seed-metadata';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { seedDocumentInput, seedSpeakers, type SeedDocument } from './seed-document';

export const defaultSeedDir = path.resolve(import.meta.dirname);

export interface SeedReport {
  seeded: { slug: string; passages: number }[];
  skipped: string;
}

export function readSeedMetadata(seedDir: string = defaultSeedDir): SeedMetadata {
  const raw = JSON.parse(readFileSync(path.join(seedDir, 'metadata.json'), 'utf8'));
  const metadata = seedMetadataSchema.parse(raw);
  const topics = new Set(metadata.topics.map((t) => t.slug));
  const slugs = new Set<string>();
  for (const doc of metadata.documents) {
    if (slugs.has(doc.slug)) throw new Error(`metadata.json: two documents have the slug "${doc.slug}"`);
    slugs.add(doc.slug);
    const unknown = doc.passageTopics.flatMap((p) => p.topics).filter((slug) => !topics.has(slug));
    if (unknown.length > 0) throw new Error(`metadata.json: ${doc.file} tags topics not in metadata.topics: ${[...new Set(unknown)].join(', ')}`);
  }
  return metadata;
}

/**
 * Seeds only a database without documents, so running it again keeps existing data. `target` is the
 * database: a Prisma client of it (its file gets a writer of its own, closed at the end) or a writer.
 */
export async function seedArchive(target: PrismaClient | Writer, seedDir: string = defaultSeedDir): Promise<SeedReport> {
  const writer = isWriter(target) ? target : openWriter(await databaseFileOf(target));
  try {
    const report = seedWith(writer, seedDir);
    // The seeded passages are embedded before the seed returns, so a fresh archive is searchable by meaning at once.
    if (report.seeded.length > 0) await embedPending(writer.file);
    return report;
  } finally {
    if (writer !== target) writer.close();
  }
}

function seedWith(writer: Writer, seedDir: string): SeedReport {
  if ((writer.db.prepare('SELECT count(*) FROM Document').pluck().get() as number) > 0) {
    return { seeded: [], skipped: 'the archive holds documents already' };
  }
  const metadata = readSeedMetadata(seedDir);
  const documents = metadata.documents.map((doc) => buildSeedDocument(metadata, doc, readFileSync(path.join(seedDir, doc.file), 'utf8')));
  const speakers = seedSpeakers(documents);

  // One transaction for the whole seed: a failure leaves the database as it was.
  writer.write((db) => {
    const editor = ensureSystemEditor(db);
    const topicIds = new Map(metadata.topics.map((topic) => [topic.slug, insertTopic(db, editor, { ...topic, message: 'Seeded' }, { keepExisting: true }).id]));
    const speakerIds = new Map<string, number>();
    for (const document of documents) {
      // Each speaker is made (or found) with the first document that names it, with all the seed knows of it.
      const fresh = document.participants.map((p) => p.slug).filter((slug, i, all) => !speakerIds.has(slug) && all.indexOf(slug) === i);
      writeDocumentWithSpeakers(
        db,
        editor,
        {
          speakers: fresh.map((slug) => ({ ...speakers.get(slug)!, match: true, message: 'Seeded' })),
          document: (ids) => {
            fresh.forEach((slug, i) => speakerIds.set(slug, ids[i]));
            return seedDocumentInput(document, speakerIds, topicIds);
          },
        },
        { status: document.status },
      );
    }
    writeSynonymGroups(db, editor, metadata.synonyms);
  });
  return { seeded: documents.map((d) => ({ slug: d.slug, passages: d.passages.length })), skipped: '' };
}

/** Runs the importer on one seed text and checks its result against the metadata before anything is written. */
export function buildSeedDocument(metadata: SeedMetadata, doc: SeedMetadata['documents'][number], raw: string): SeedDocument {
  const speakerBySlug = new Map(metadata.speakers.map((s) => [s.slug, s]));
  const participants = doc.participants.map((p) => {
    const speaker = speakerBySlug.get(p.speaker);
    if (!speaker) throw new Error(`${doc.file}: participant "${p.speaker}" is not in metadata.speakers`);
    return { ...p, speaker };
  });
  const period = parsePartialDate(doc.date);
  if (period?.precision !== doc.datePrecision) {
    throw new Error(`${doc.file}: date "${doc.date}" does not have the stated precision "${doc.datePrecision}"`);
  }

  const result: ImportResult = parseDocumentText(raw, {
    kind: doc.kind === 'interview' ? 'interview' : 'essay',
    title: doc.title,
    subtitle: doc.subtitle,
    speakers: participants.map((p) => ({
      name: p.speaker.name,
      labels: p.labels,
      role: p.role === 'interviewer' || p.role === 'interviewee' ? p.role : 'author',
    })),
  });
  if (result.unplaced.length > 0) {
    throw new Error(`${doc.file}: the importer could not place ${result.unplaced.map((u) => `line ${u.line} (${u.reason})`).join(', ')}`);
  }
  if (result.passages.length !== doc.passageTopics.length) {
    throw new Error(`${doc.file}: the importer made ${result.passages.length} passages; metadata.json tags ${doc.passageTopics.length}`);
  }
  result.passages.forEach((passage, i) => {
    if (!passage.text.startsWith(doc.passageTopics[i].startsWith)) {
      throw new Error(`${doc.file}: passage ${i + 1} starts "${passage.text.slice(0, 40)}…", metadata expects "${doc.passageTopics[i].startsWith}"`);
    }
  });

  const bios = new Map(result.speakers.map((s) => [s.name, s.bio]));
  return {
    slug: doc.slug,
    kind: doc.kind,
    title: doc.title,
    subtitle: doc.subtitle ?? null,
    summary: typeof result.meta.summary === 'string' ? result.meta.summary : null,
    publisher: doc.publisher ?? null,
    sourceUrl: doc.sourceUrl ?? null,
    date: doc.date,
    language: doc.language,
    caption: result.caption,
    status: doc.status,
    participants: participants.map((p) => ({
      slug: p.speaker.slug,
      name: p.speaker.name,
      role: p.role,
      aliases: [...p.speaker.aliases, ...p.labels],
      bio: bios.get(p.speaker.name) ?? null,
      bioSource: bios.get(p.speaker.name) ? `${doc.title} (${doc.publisher ?? 'source'})` : null,
    })),
    passages: result.passages.map((passage, i) => ({
      kind: passage.kind,
      speaker: passage.speaker,
      text: passage.text,
      answers: passage.answers,
      topicSlugs: doc.passageTopics[i].topics,
    })),
  };
}
