// The site as schema.org's WebSite, with the search every passage answers (a SearchAction), and the
// reference to it that documents carry in isPartOf.
import 'server-only';
import { absoluteUrl } from '@/lib/site-origin';
import { SITE_NAME, SITE_DESCRIPTION } from '@/lib/metadata/site';
import { siteId } from './ids';
import { SCHEMA_ORG, type JsonLdNode } from './types';

export function websiteNode(): JsonLdNode {
  return {
    '@context': SCHEMA_ORG,
    '@type': 'WebSite',
    '@id': siteId(),
    name: SITE_NAME,
    description: SITE_DESCRIPTION,
    url: absoluteUrl('/'),
    inLanguage: 'en',
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: `${absoluteUrl('/search')}?q={search_term_string}` },
      'query-input': 'required name=search_term_string',
    },
  };
}

/** The site, by reference, with its name for consumers that do not follow references. */
export const siteReference = (): JsonLdNode => ({ '@type': 'WebSite', '@id': siteId(), name: SITE_NAME, url: absoluteUrl('/') });
