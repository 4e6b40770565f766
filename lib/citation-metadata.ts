// Highwire-style citation_* meta tags, read by Zotero and Google Scholar to cite a document.
import type { DocumentDetail } from '@/lib/data/dto';

export function citationMetadata(document: DocumentDetail): Record<string, string | string[]> {
  const authors = document.participants.filter((p) => p.role === 'author' || p.role === 'interviewee' || p.role === 'interviewer').map((p) => p.name);
  const meta: Record<string, string | string[]> = {
    citation_title: document.title,
    citation_publication_date: document.date.iso.replaceAll('-', '/'),
    citation_language: document.language,
  };
  if (authors.length > 0) meta.citation_author = authors;
  if (document.publisher) meta.citation_publisher = document.publisher;
  return meta;
}
