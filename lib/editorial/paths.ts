// The public pages a change shows on, for the caller to give to Next's revalidatePath(). This layer
// does not import next/cache, so scripts and tests can use it; the caller revalidates.
import 'server-only';
import { documentPath, passageDetailPath, speakerPath, topicPath } from '@/lib/urls';
import type { DocumentSnapshot, SpeakerSnapshot, TopicSnapshot } from './snapshots';
import { sql } from './snapshots';
import type { WriteDb } from '@/lib/db';

/** Pages that list or count documents, speakers and topics, or search their passages. */
export const LISTING_PATHS = ['/', '/documents', '/speakers', '/topics', '/timeline', '/search'] as const;

const isPublic = (d: DocumentSnapshot | null): d is DocumentSnapshot => d !== null && d.status === 'published' && d.deletedAt === null;

function sorted(paths: Iterable<string>): string[] {
  return [...new Set(paths)].sort();
}

/**
 * Pages showing a document before or after a change: none while it is a draft or deleted. The
 * reader, the passage pages of passages that changed (all of them when a field shown in every
 * citation changed), the pages of its speakers and topics, and the listings.
 */
export function documentPaths(before: DocumentSnapshot | null, after: DocumentSnapshot | null): string[] {
  const states = [before, after].filter(isPublic);
  if (states.length === 0) return [];
  const paths = new Set<string>(LISTING_PATHS);
  const fieldsChanged =
    !before ||
    !after ||
    (['slug', 'title', 'subtitle', 'date', 'publisher', 'kind', 'status', 'deletedAt', 'language', 'sourceUrl'] as const).some(
      (field) => before[field] !== after[field],
    ) ||
    JSON.stringify(before.participants) !== JSON.stringify(after.participants);
  const passageJson = (d: DocumentSnapshot | null) => new Map((d?.passages ?? []).map((p, i) => [p.anchor, JSON.stringify([p, i])]));
  const beforePassages = passageJson(before);
  const afterPassages = passageJson(after);
  for (const state of states) {
    paths.add(documentPath(state.slug));
    for (const participant of state.participants) paths.add(speakerPath(participant.speakerSlug));
    for (const passage of state.passages) {
      if (passage.speakerSlug) paths.add(speakerPath(passage.speakerSlug));
      for (const topic of passage.topics) paths.add(topicPath(topic));
      if (fieldsChanged || beforePassages.get(passage.anchor) !== afterPassages.get(passage.anchor)) {
        paths.add(passageDetailPath(state.slug, passage.anchor));
      }
    }
  }
  // Passages that are gone: their pages now answer 404.
  for (const state of [before].filter(isPublic)) {
    for (const passage of state.passages) if (!afterPassages.has(passage.anchor)) paths.add(passageDetailPath(state.slug, passage.anchor));
  }
  return sorted(paths);
}

/** Public documents (and their passages' pages) where a speaker is a participant or speaks. */
function publicDocumentsOfSpeaker(db: WriteDb, speakerId: number): { slug: string; anchors: number[] }[] {
  const rows = sql(
    db,
    `SELECT d.slug AS slug, p.anchor AS anchor FROM Document d LEFT JOIN Passage p ON p.documentId = d.id AND p.speakerId = ?
     WHERE d.status = 'published' AND d.deletedAt IS NULL
       AND (EXISTS (SELECT 1 FROM Participant x WHERE x.documentId = d.id AND x.speakerId = ?) OR p.id IS NOT NULL)`,
  ).all(speakerId, speakerId) as { slug: string; anchor: number | null }[];
  return groupAnchors(rows);
}

function publicDocumentsOfTopic(db: WriteDb, topicId: number): { slug: string; anchors: number[] }[] {
  const rows = sql(
    db,
    `SELECT d.slug AS slug, p.anchor AS anchor FROM PassageTopic pt JOIN Passage p ON p.id = pt.passageId
     JOIN Document d ON d.id = p.documentId
     WHERE pt.topicId = ? AND d.status = 'published' AND d.deletedAt IS NULL`,
  ).all(topicId) as { slug: string; anchor: number | null }[];
  return groupAnchors(rows);
}

function groupAnchors(rows: { slug: string; anchor: number | null }[]): { slug: string; anchors: number[] }[] {
  const bySlug = new Map<string, number[]>();
  for (const row of rows) {
    const anchors = bySlug.get(row.slug) ?? [];
    if (row.anchor !== null) anchors.push(row.anchor);
    bySlug.set(row.slug, anchors);
  }
  return [...bySlug.entries()].map(([slug, anchors]) => ({ slug, anchors }));
}

function addDocuments(paths: Set<string>, documents: { slug: string; anchors: number[] }[]) {
  for (const doc of documents) {
    paths.add(documentPath(doc.slug));
    for (const anchor of doc.anchors) paths.add(passageDetailPath(doc.slug, anchor));
  }
}

/** A speaker's page (old and new address) and every public page that shows the speaker. Call after the change. */
export function speakerPaths(db: WriteDb, speakers: (SpeakerSnapshot | null)[], referencedBy: number[]): string[] {
  const paths = new Set<string>(LISTING_PATHS);
  for (const speaker of speakers) if (speaker) paths.add(speakerPath(speaker.slug));
  for (const id of referencedBy) addDocuments(paths, publicDocumentsOfSpeaker(db, id));
  return sorted(paths);
}

/** A topic's page (old and new address), its parents' pages, and every public passage tagged with it. Call after the change. */
export function topicPaths(db: WriteDb, topics: (TopicSnapshot | null)[], referencedBy: number[]): string[] {
  const paths = new Set<string>(LISTING_PATHS);
  for (const topic of topics) {
    if (!topic) continue;
    paths.add(topicPath(topic.slug));
    if (topic.parentSlug) paths.add(topicPath(topic.parentSlug));
  }
  for (const id of referencedBy) addDocuments(paths, publicDocumentsOfTopic(db, id));
  return sorted(paths);
}
