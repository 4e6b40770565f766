// Item identifiers: oai:<host>:<slug>, the host taken from SITE_URL (OAI-PMH 2.0, section 2.4, and
// the oai-identifier guidelines), so each names one document of this archive and no other's.
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const oaiIdentifier = (host: string, slug: string) => `oai:${host}:${slug}`;

/** The slug an identifier names in this repository, or null when it is not one of ours. */
export function slugOfIdentifier(host: string, identifier: string): string | null {
  const prefix = `oai:${host}:`;
  if (!identifier.startsWith(prefix)) return null;
  const slug = identifier.slice(prefix.length);
  return SLUG.test(slug) ? slug : null;
}

/** The oai-identifier scheme's repositoryIdentifier: a domain name with at least one dot (not "localhost"). */
export const isDomainName = (host: string) => /^[a-zA-Z][a-zA-Z0-9-]*(\.[a-zA-Z][a-zA-Z0-9-]*)+$/.test(host);
