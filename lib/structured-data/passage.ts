// A passage as a schema.org Quotation: its whole text, credited to the person who spoke or wrote it
// (creator, and spokenByCharacter: "the Person to whom the quotation is attributed within the
// containing CreativeWork"), its place in the document (position: passages are in reading order)
// and the document it is part of. A passage without a speaker is credited to nobody: nothing is
// guessed.
import 'server-only';
import type { DocumentDetail, PassageView } from '@/lib/data/dto';
import { absoluteUrl } from '@/lib/site-origin';
import { passagePath, topicPath } from '@/lib/urls';
import { documentId, passageId } from './ids';
import { personReference } from './person';
import { compact, type JsonLdNode } from './types';

/** The passage, part of its document by reference (the document's node names it in hasPart). */
export function quotationNode(document: DocumentDetail, passage: PassageView): JsonLdNode {
  const speaker = passage.speaker ? personReference(passage.speaker) : undefined;
  return compact({
    '@type': 'Quotation',
    '@id': passageId(document.slug, passage.anchor),
    url: absoluteUrl(passagePath(document.slug, passage.anchor)),
    name: `Passage ${passage.anchor} of ${document.title}`,
    genre: passage.kind,
    position: passage.position,
    text: passage.text,
    creator: speaker,
    spokenByCharacter: speaker,
    about: passage.topics.map((t) => ({ '@type': 'Thing', name: t.name, url: absoluteUrl(topicPath(t.slug)) })),
    isPartOf: { '@id': documentId(document.slug) },
  });
}
