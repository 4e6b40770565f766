// One published document in one format: the body and headers of its download. The API route and
// the tests both come through here.
import 'server-only';
import type { ExportableDocument } from '@/lib/data/document-exports';
import type { DocumentDetail } from '@/lib/data/dto';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, passagePath } from '@/lib/urls';
import { documentJson } from './document-json';
import { EXPORT_FORMAT_INFO, exportFileName, type ExportFormat } from './formats';
import { toCsv } from './csv';
import { toMarkdown } from './markdown';
import { toOhms } from './ohms';
import { toPlainText } from './plain-text';
import type { ExportSource } from './source';
import { toTei } from './tei';
import { toWebVtt } from './webvtt';

const WRITERS: Record<ExportFormat, (source: ExportSource, document: DocumentDetail) => string> = {
  json: (_source, document) => JSON.stringify(documentJson(document), null, 2) + '\n',
  md: toMarkdown,
  txt: toPlainText,
  csv: toCsv,
  vtt: toWebVtt,
  tei: toTei,
  ohms: toOhms,
};

export function exportSource(id: number, document: DocumentDetail): ExportSource {
  return {
    id,
    document,
    url: absoluteUrl(documentPath(document.slug)),
    passageUrl: (anchor) => absoluteUrl(passagePath(document.slug, anchor)),
    siteUrl: absoluteUrl('/'),
  };
}

export interface RenderedExport {
  body: string;
  contentType: string;
  fileName: string;
}

/** Throws ExportRefusal when the document holds a character the format cannot carry. */
export function renderExport({ id, document }: ExportableDocument, format: ExportFormat): RenderedExport {
  return {
    body: WRITERS[format](exportSource(id, document), document),
    contentType: EXPORT_FORMAT_INFO[format].contentType,
    fileName: exportFileName(document.slug, format),
  };
}
