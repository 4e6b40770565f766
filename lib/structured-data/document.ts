// A document as schema.org sees it: an essay is an Article; an interview (and a speech or a
// testimony) a CreativeWork of that genre, since schema.org has no Interview type (its Conversation
// type is still "pending"). The date keeps its precision ("2016-12": ISO 8601 allows a month or a
// year alone, and schema.org's Date is ISO 8601); the publisher is the original one; sameAs is the
// original address; isPartOf is this site. Authors (and interviewees) are `author`; everyone else
// who took part (an interviewer, a translator) is a `contributor`, through a schema.org Role that
// names their part. With its passages (the reader), every passage is a Quotation in `hasPart`, in
// reading order (`position`), credited to its own speaker.
import 'server-only';
import type { DocumentDetail, ParticipantRef } from '@/lib/data/dto';
import { documentId } from './ids';
import { personReference } from './person';
import { quotationNode } from './passage';
import { siteReference } from './site';
import { compact, SCHEMA_ORG, type JsonLdNode } from './types';

const AUTHOR_ROLES = new Set(['author', 'interviewee']);

/** The node of the document; `passages: true` adds every passage as a Quotation. */
export function documentNode(document: DocumentDetail, { passages = false }: { passages?: boolean } = {}): JsonLdNode {
  const authors = uniqueBySlug(document.participants.filter((p) => AUTHOR_ROLES.has(p.role)));
  const others = document.participants.filter((p) => !AUTHOR_ROLES.has(p.role));
  const url = documentId(document.slug);
  return compact({
    '@context': SCHEMA_ORG,
    '@type': document.kind === 'essay' ? 'Article' : 'CreativeWork',
    '@id': url,
    url,
    name: document.title,
    headline: document.title,
    alternativeHeadline: document.subtitle,
    description: document.summary ?? document.subtitle,
    genre: document.kind,
    inLanguage: document.language,
    datePublished: document.date.iso,
    author: authors.map(personReference),
    contributor: others.map((p) => ({ '@type': 'Role', roleName: p.role, contributor: personReference(p) })),
    publisher: document.publisher ? { '@type': 'Organization', name: document.publisher } : undefined,
    sameAs: document.sourceUrl,
    isPartOf: siteReference(),
    hasPart: passages ? document.passages.map((passage) => quotationNode(document, passage)) : undefined,
  });
}

function uniqueBySlug(participants: ParticipantRef[]): ParticipantRef[] {
  const seen = new Set<string>();
  return participants.filter((p) => !seen.has(p.slug) && seen.add(p.slug));
}

/** A passage page's node: the Quotation, with the document it is part of in full (without its passages). */
export function passagePageNode(document: DocumentDetail, passage: DocumentDetail['passages'][number]): JsonLdNode {
  return { '@context': SCHEMA_ORG, ...quotationNode(document, passage), isPartOf: documentNode(document) };
}
