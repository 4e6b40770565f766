// A document's table of contents (issue 12): titled sections, each starting at a passage. Stored by
// the passage's anchor, which survives edits of the other passages; positions are reading order.
import 'server-only';
import type { WriteDb } from '@/lib/db';
import { sql } from './rows';

export interface NewSection {
  title: string;
  synopsis?: string | null;
  keywords: string[];
  /** Anchors of a new document are 1…n in reading order, so index i starts at anchor i + 1. */
  passageIndex: number;
}

/** Writes a new document's sections in the order given (inside the caller's transaction). */
export function insertSections(db: WriteDb, documentId: number, sections: NewSection[]): void {
  const insert = sql(db, 'INSERT INTO DocumentSection (documentId, position, title, synopsis, keywords, startAnchor) VALUES (?, ?, ?, ?, ?, ?)');
  sections.forEach((section, position) => {
    insert.run(documentId, position, section.title, section.synopsis ?? null, JSON.stringify(section.keywords), section.passageIndex + 1);
  });
}
