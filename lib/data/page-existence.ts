// Whether an entry page has anything to show: the request edge's gate before Next's page cache
// (lib/server/page-gate.ts, lib/cache/entity-pages.ts). One indexed lookup each, on the server's
// read-only connection, so an address that names nothing never reaches a cached route.
//
// Each condition is the one under which the page renders rather than answering 404 (getPublishedDocument,
// getSpeaker, getTopic): were it stricter, a real page could not be reached; looser, a few 404s of real
// entries could be cached (bounded by the archive, and renewed by the write that makes them real).
import 'server-only';
import { sql, type QueryDb } from '@/lib/db';
import { isPublicDocument } from '@/lib/search/public-documents';
import type { EntityPage } from '@/lib/cache/entity-pages';

function lookup(page: EntityPage) {
  switch (page.kind) {
    case 'document':
      return sql`SELECT 1 AS found FROM Document d WHERE d.slug = ${page.slug} AND ${isPublicDocument} LIMIT 1`;
    case 'passage':
      return sql`SELECT 1 AS found FROM Document d JOIN Passage p ON p.documentId = d.id
                 WHERE d.slug = ${page.slug} AND ${isPublicDocument} AND p.anchor = ${page.anchor} LIMIT 1`;
    case 'speaker':
      // getSpeaker: a speaker with a part in a published document.
      return sql`SELECT 1 AS found FROM Speaker s JOIN Participant pa ON pa.speakerId = s.id JOIN Document d ON d.id = pa.documentId
                 WHERE s.slug = ${page.slug} AND ${isPublicDocument} LIMIT 1`;
    case 'topic':
      // getTopic: every topic has a page, with or without published passages.
      return sql`SELECT 1 AS found FROM Topic t WHERE t.slug = ${page.slug} LIMIT 1`;
  }
}

/** Whether the page has an entry to show. A passage anchor that is not a number names none. */
export async function entityPageExists(db: QueryDb, page: EntityPage): Promise<boolean> {
  if (page.kind === 'passage' && page.anchor === null) return false;
  const rows = await db.$queryRaw<{ found: number }[]>(lookup(page));
  return rows.length > 0;
}
