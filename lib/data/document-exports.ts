// A published document for the exports: the reader's document (getPublishedDocument, the one way to
// read it) and its record number, which OHMS XML requires (record/@id is an xs:int in ohms.xsd).
import 'server-only';
import { prisma } from '@/lib/db/client';
import type { DocumentDetail } from './dto';
import { getPublishedDocument } from './documents';
import { PUBLISHED } from './selections';

export interface ExportableDocument {
  id: number;
  document: DocumentDetail;
}

export async function getPublishedDocumentForExport(slug: string): Promise<ExportableDocument | null> {
  const [document, row] = await Promise.all([getPublishedDocument(slug), prisma.document.findFirst({ where: { slug, ...PUBLISHED }, select: { id: true } })]);
  return document && row ? { id: row.id, document } : null;
}
