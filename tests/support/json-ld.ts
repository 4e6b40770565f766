// The real JSON-LD processor (jsonld.js) for tests, offline. schema.org publishes its context at
// https://schema.org/docs/jsonldcontext.jsonld, but no network is reachable here, so the loader
// serves a minimal stand-in kept in tests/fixtures/schema-org-context.jsonld, written (not
// downloaded): "@vocab": "https://schema.org/" makes every term a schema.org IRI, and url and sameAs
// are addresses ("@type": "@id"), as in schema.org's own context. Any other address is refused, so a
// test can never depend on the network.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import jsonld from 'jsonld';

const CONTEXT = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../fixtures/schema-org-context.jsonld'), 'utf8'));
const SCHEMA_ORG_ADDRESSES = new Set([
  'https://schema.org',
  'https://schema.org/',
  'http://schema.org',
  'http://schema.org/',
  'https://schema.org/docs/jsonldcontext.jsonld',
]);

export const S = (term: string) => `https://schema.org/${term}`;

async function documentLoader(url: string) {
  if (!SCHEMA_ORG_ADDRESSES.has(url)) throw new Error(`The test's JSON-LD loader serves only schema.org's context, not ${url}`);
  return { contextUrl: undefined, documentUrl: url, document: CONTEXT };
}

export type Expanded = Record<string, unknown[]> & { '@id'?: string; '@type'?: string[] };

/** Expands JSON-LD as a consumer would, after reading it back from the page's text. */
export async function expand(text: string): Promise<Expanded[]> {
  return (await jsonld.expand(JSON.parse(text), { documentLoader })) as Expanded[];
}

/** The values of a property of an expanded node. */
export const values = (node: Expanded, term: string) => (node[S(term)] ?? []) as Expanded[];
/** The one plain value (@value or @id) of a property. */
export function one(node: Expanded, term: string): unknown {
  const list = values(node, term);
  if (list.length !== 1) throw new Error(`${term}: expected one value, got ${list.length}`);
  return (list[0] as { '@value'?: unknown; '@id'?: unknown })['@value'] ?? list[0]['@id'];
}
