// Metadata of a document's pages: the reader (with its Highwire citation_* tags, read by Zotero and
// Google Scholar) and each passage's own page.
import 'server-only';
import type { Metadata } from 'next';
import { citationMetadata } from '@/lib/citation-metadata';
import type { DocumentDetail, PassageView } from '@/lib/data/dto';
import { documentPath, passageDetailPath } from '@/lib/urls';
import { shortDescription } from './describe';
import { pageMetadata } from './page';

const AUTHOR_ROLES = new Set(['author', 'interviewee']);

function article(document: DocumentDetail) {
  return {
    publishedTime: document.date.iso,
    authors: document.participants.filter((p) => AUTHOR_ROLES.has(p.role)).map((p) => p.name),
    section: document.kind,
  };
}

export function documentMetadata(document: DocumentDetail): Metadata {
  return pageMetadata({
    title: document.title,
    description: shortDescription(document.summary ?? document.subtitle ?? document.passages[0]?.text),
    path: documentPath(document.slug),
    type: 'article',
    article: article(document),
    other: citationMetadata(document),
  });
}

export function passageMetadata(document: DocumentDetail, passage: PassageView): Metadata {
  const who = passage.speaker?.name ?? 'Unattributed';
  return pageMetadata({
    title: `Passage ${passage.anchor} of ${document.title}`,
    description: shortDescription(`${who}: ${passage.text}`),
    path: passageDetailPath(document.slug, passage.anchor),
    type: 'article',
    article: article(document),
  });
}
