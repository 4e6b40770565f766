// Speakers as schema.org Persons: in full on their own page, by reference (id, name, address)
// wherever a document or a passage credits them.
import 'server-only';
import type { SpeakerRef } from '@/lib/data/dto';
import type { SpeakerDetail } from '@/lib/data/speakers';
import { absoluteUrl } from '@/lib/site-origin';
import { speakerPath } from '@/lib/urls';
import { personId } from './ids';
import { compact, SCHEMA_ORG, type JsonLdNode } from './types';

export const personReference = (speaker: SpeakerRef): JsonLdNode => ({
  '@type': 'Person',
  '@id': personId(speaker.slug),
  name: speaker.name,
  url: absoluteUrl(speakerPath(speaker.slug)),
});

export function personNode(speaker: SpeakerDetail): JsonLdNode {
  return compact({
    '@context': SCHEMA_ORG,
    ...personReference(speaker),
    alternateName: speaker.aliases,
    description: speaker.bio,
  });
}
