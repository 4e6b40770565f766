// Shared factories: what a test needs in the archive, made through the real write path (the
// editorial layer's createDocumentWithSpeakers, as the system editor, with revisions and audit
// entries), with sensible defaults so that a test states only what it is about.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createDocumentAsSystem } from '@/lib/editorial/new-document';
import { sharedWriterFor, type Writer } from '@/lib/db';
import type { DocumentKind, DocumentStatus, ParticipantRole, PassageKind } from '@/lib/vocabulary';

export interface DocumentFixture {
  slug: string;
  kind?: DocumentKind;
  /** Default: made from the slug. */
  title?: string;
  subtitle?: string | null;
  summary?: string | null;
  publisher?: string | null;
  sourceUrl?: string | null;
  /** "YYYY", "YYYY-MM" or "YYYY-MM-DD". */
  date?: string;
  language?: string;
  caption?: string | null;
  /** Default: published, so readers' pages and search see it. */
  status?: DocumentStatus;
  /** Named speakers: the archive's speaker of that name (or address), else a new one. Default: those the passages and participants name. */
  speakers?: { name: string; slug?: string; aliases?: string[]; bio?: string | null }[];
  /** Default: every speaker as author. */
  participants?: { speaker: string; role: ParticipantRole }[];
  passages: {
    kind?: PassageKind;
    speaker?: string | null;
    text: string;
    /** For an answer: the index, in this list, of the question it answers. */
    answers?: number | null;
    topicSlugs?: string[];
    /** Where it is spoken in the recording (issue 12). */
    startMs?: number;
    endMs?: number;
  }[];
  /** A recording: a file already in RECORDINGS_DIR with its type, or an external address. */
  recording?: { file: string; type: string } | { url: string; type?: string };
  /** A table of contents: each section starts at a passage, by its index in `passages`. */
  sections?: { title: string; synopsis?: string | null; passageIndex: number }[];
}

/** Creates a document (and the speakers it names) as one transaction of the real write path. */
export async function createDocumentFixture(target: PrismaClient | Writer, fixture: DocumentFixture): Promise<{ id: number; slug: string }> {
  const writer = await sharedWriterFor(target);
  const names = [
    ...new Set([
      ...(fixture.speakers ?? []).map((s) => s.name),
      ...(fixture.participants ?? []).map((p) => p.speaker),
      ...fixture.passages.flatMap((p) => (p.speaker ? [p.speaker] : [])),
    ]),
  ];
  const given = new Map((fixture.speakers ?? []).map((s) => [s.name, s]));
  const topicSlugs = [...new Set(fixture.passages.flatMap((p) => p.topicSlugs ?? []))];
  const topicIds = new Map(
    (
      writer.db.prepare('SELECT slug, id FROM Topic').all() as {
        slug: string;
        id: number;
      }[]
    )
      .filter((t) => topicSlugs.includes(t.slug))
      .map((t) => [t.slug, t.id]),
  );
  const topicId = (slug: string) => topicIds.get(slug) ?? Number.MAX_SAFE_INTEGER; // an unknown topic is refused by the write
  const created = createDocumentAsSystem(
    {
      speakers: names.map((name) => ({ name, aliases: [], ...given.get(name), match: true })),
      document: (ids) => {
        const idOf = (name: string) => ids[names.indexOf(name)];
        return {
          slug: fixture.slug,
          kind: fixture.kind ?? 'essay',
          title: fixture.title ?? fixture.slug.replace(/-/g, ' '),
          subtitle: fixture.subtitle ?? null,
          summary: fixture.summary ?? null,
          publisher: fixture.publisher ?? null,
          sourceUrl: fixture.sourceUrl ?? null,
          date: fixture.date ?? '2019-01-01',
          language: fixture.language ?? 'en',
          caption: fixture.caption ?? null,
          participants: (fixture.participants ?? names.map((speaker) => ({ speaker, role: 'author' as const }))).map((p) => ({
            speakerId: idOf(p.speaker),
            role: p.role,
          })),
          passages: fixture.passages.map((p) => ({
            kind: p.kind ?? 'paragraph',
            speakerId: p.speaker ? idOf(p.speaker) : null,
            text: p.text,
            questionIndex: p.answers ?? null,
            topicIds: (p.topicSlugs ?? []).map(topicId),
            startMs: p.startMs ?? null,
            endMs: p.endMs ?? null,
          })),
          sections: (fixture.sections ?? []).map((section) => ({ keywords: [], ...section })),
          ...(fixture.recording && 'file' in fixture.recording
            ? { recordingFile: fixture.recording.file, recordingType: fixture.recording.type }
            : fixture.recording
              ? { recordingUrl: fixture.recording.url, recordingType: fixture.recording.type ?? null }
              : {}),
        };
      },
    },
    { writer, status: fixture.status ?? 'published' },
  );
  return { id: created.id, slug: created.slug };
}
