// The shape of the JSON-LD this site writes: plain JSON objects in schema.org's vocabulary.
export type JsonLdValue = string | number | boolean | JsonLdNode | JsonLdValue[];

export interface JsonLdNode {
  '@context'?: string;
  '@type'?: string | string[];
  '@id'?: string;
  [property: string]: JsonLdValue | undefined;
}

/** The context every top-level node names: schema.org's. */
export const SCHEMA_ORG = 'https://schema.org';

/** Drops undefined, null and empty-array properties, so a node says only what is known. */
export function compact(node: Record<string, JsonLdValue | null | undefined>): JsonLdNode {
  const out: JsonLdNode = {};
  for (const [key, value] of Object.entries(node)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = value;
  }
  return out;
}
