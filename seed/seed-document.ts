// A seed text as the importer and metadata.json make it, before it is written: speakers and topics
// by their addresses, which the seed's one transaction turns into ids.
import type { DocumentFields } from '@/lib/editorial/snapshot-types';
import type { ParticipantRole, PassageKind } from '@/lib/vocabulary';
import type { CreateDocumentInput, CreateSpeakerInput } from '@/lib/validation/editorial';

export interface SeedDocument extends DocumentFields {
  /** Each speaker with what this text says of it (its labels as aliases, a bio it found). */
  participants: { slug: string; name: string; role: ParticipantRole; aliases: string[]; bio: string | null; bioSource: string | null }[];
  passages: { kind: PassageKind; speaker: string | null; text: string; answers: number | null; topicSlugs: string[] }[];
}

/**
 * Every speaker of the seed once, by address, with what all its texts say: the aliases of every text
 * (the first spelling of each), and the bio of the first text that has one.
 */
export function seedSpeakers(documents: SeedDocument[]): Map<string, CreateSpeakerInput & { slug: string }> {
  const speakers = new Map<string, CreateSpeakerInput & { slug: string; aliases: string[] }>();
  for (const p of documents.flatMap((d) => d.participants)) {
    const speaker = speakers.get(p.slug) ?? { slug: p.slug, name: p.name, aliases: [], bio: null, bioSource: null };
    for (const alias of p.aliases) if (!speaker.aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) speaker.aliases.push(alias);
    if (!speaker.bio && p.bio) Object.assign(speaker, { bio: p.bio, bioSource: p.bioSource });
    speakers.set(p.slug, speaker);
  }
  return speakers;
}

/** The document as the editorial layer takes it, given the ids of the seed's speakers and topics by address. */
export function seedDocumentInput(document: SeedDocument, speakerIds: Map<string, number>, topicIds: Map<string, number>): CreateDocumentInput {
  const idOf = (ids: Map<string, number>, slug: string) => {
    const id = ids.get(slug);
    if (id === undefined) throw new Error(`${document.slug}: "${slug}" is not known to the seed`);
    return id;
  };
  const slugByName = new Map(document.participants.map((p) => [p.name, p.slug]));
  const speakerOf = (name: string) => {
    const slug = slugByName.get(name);
    if (slug === undefined) throw new Error(`${document.slug}: "${name}" is not one of this document's speakers`);
    return idOf(speakerIds, slug);
  };
  return {
    slug: document.slug,
    kind: document.kind,
    title: document.title,
    subtitle: document.subtitle,
    summary: document.summary,
    publisher: document.publisher,
    sourceUrl: document.sourceUrl,
    date: document.date,
    language: document.language,
    caption: document.caption,
    participants: document.participants.map((p) => ({ speakerId: idOf(speakerIds, p.slug), role: p.role })),
    passages: document.passages.map((p) => ({
      kind: p.kind,
      speakerId: p.speaker === null ? null : speakerOf(p.speaker),
      text: p.text,
      questionIndex: p.answers,
      topicIds: p.topicSlugs.map((slug) => idOf(topicIds, slug)),
    })),
    message: 'Seeded',
  };
}
