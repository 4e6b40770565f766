// The formats a document can be downloaded in: one list for the API route, the reader's Download
// links and the tests. Pure (no server code), so a component can import it.
export const EXPORT_FORMATS = ['json', 'md', 'txt', 'csv', 'vtt', 'tei', 'ohms'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportFormatInfo {
  /** What a reader is offered: "Markdown". */
  label: string;
  /** The file name's ending after "<slug>.": the two XML formats say which they are. */
  extension: string;
  contentType: string;
}

export const EXPORT_FORMAT_INFO: Record<ExportFormat, ExportFormatInfo> = {
  json: { label: 'JSON', extension: 'json', contentType: 'application/json; charset=utf-8' },
  md: { label: 'Markdown', extension: 'md', contentType: 'text/markdown; charset=utf-8' },
  txt: { label: 'Plain text', extension: 'txt', contentType: 'text/plain; charset=utf-8' },
  csv: { label: 'CSV of passages', extension: 'csv', contentType: 'text/csv; charset=utf-8; header=present' },
  vtt: { label: 'WebVTT', extension: 'vtt', contentType: 'text/vtt; charset=utf-8' },
  // RFC 6129 registers application/tei+xml.
  tei: { label: 'TEI XML', extension: 'tei.xml', contentType: 'application/tei+xml; charset=utf-8' },
  ohms: { label: 'OHMS XML', extension: 'ohms.xml', contentType: 'application/xml; charset=utf-8' },
};

/** GET /api/v1/documents/<slug>/export/<format>: where a format downloads from. */
export const documentExportPath = (slug: string, format: ExportFormat) => `/api/v1/documents/${slug}/export/${format}`;

/** The name a download is saved under: "<slug>.<extension>". */
export const exportFileName = (slug: string, format: ExportFormat) => `${slug}.${EXPORT_FORMAT_INFO[format].extension}`;
