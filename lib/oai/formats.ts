// The metadata formats the repository disseminates: one entry each, so another (TEI, say) is one more.
import type { OaiDocument } from '@/lib/data/oai';
import { dublinCore, writeDublinCore } from './dublin-core';
import { OAI_DC_NS, OAI_DC_SCHEMA } from './namespaces';
import type { XMLBuilder } from './xml';

export interface MetadataFormat {
  prefix: string;
  schema: string;
  namespace: string;
  write: (parent: XMLBuilder, document: OaiDocument, absolute: (path: string) => string) => void;
}

export const METADATA_FORMATS: readonly MetadataFormat[] = [
  {
    prefix: 'oai_dc',
    schema: OAI_DC_SCHEMA,
    namespace: OAI_DC_NS,
    write: (parent, document, absolute) => writeDublinCore(parent, dublinCore(document, absolute)),
  },
];

export const formatOf = (prefix: string) => METADATA_FORMATS.find((f) => f.prefix === prefix);
