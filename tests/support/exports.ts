// Calling the export endpoint and the document endpoint as Next calls route handlers, and reading
// every format back: what the export tests share.
import { expect } from 'vitest';
import { GET as exportRoute } from '@/app/api/v1/documents/[slug]/export/[format]/route';
import { GET as documentRoute } from '@/app/api/v1/documents/[slug]/route';
import { EXPORT_FORMATS, type ExportFormat } from '@/lib/exports/formats';
import { OHMS, readCsv, readJson, readMarkdown, readOhmsTranscript, readPlainText, readTei, readVtt, TEI, type ReadPassage } from './export-readers';
import { el, XmlFile } from './xml-file';

export const ORIGIN = 'http://localhost';

/** As Next calls the route: the segments percent-encoded in the address, decoded in params. */
export const exportResponse = (slug: string, format: string, query = '') => {
  const segment = (value: string) => encodeURIComponent(value.toWellFormed());
  return exportRoute(new Request(`${ORIGIN}/api/v1/documents/${segment(slug)}/export/${segment(format)}${query}`), {
    params: Promise.resolve({ slug, format }),
  });
};

export interface ApiPassage {
  anchor: number;
  kind: string;
  speaker: { slug: string; name: string } | null;
  text: string;
  topics: { slug: string; name: string }[];
  url: string;
  position: number;
}

export async function apiDocument(slug: string) {
  const response = await documentRoute(new Request(`${ORIGIN}/api/v1/documents/${slug}`), { params: Promise.resolve({ slug }) });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    slug: string;
    kind: string;
    title: string;
    participants: { name: string; role: string }[];
    passages: ApiPassage[];
    date: { iso: string };
  };
}

export async function exportBody(slug: string, format: ExportFormat): Promise<string> {
  const response = await exportResponse(slug, format);
  expect(response.status, `${format} export of ${slug}`).toBe(200);
  return response.text();
}

/** Every format read back: anchor (where the format has one), speaker's name and words of each passage, in file order. */
export async function readEveryFormat(slug: string, speakers: string[]): Promise<Record<ExportFormat, Partial<ReadPassage>[]>> {
  const bodies = Object.fromEntries(await Promise.all(EXPORT_FORMATS.map(async (f) => [f, await exportBody(slug, f)] as const))) as Record<
    ExportFormat,
    string
  >;
  const ohms = new XmlFile(bodies.ohms);
  return {
    json: readJson(bodies.json),
    md: readMarkdown(bodies.md),
    txt: readPlainText(bodies.txt),
    csv: readCsv(bodies.csv),
    vtt: readVtt(bodies.vtt).map(({ anchor, speaker, text }) => ({ anchor, speaker, text })),
    tei: readTei(new XmlFile(bodies.tei)),
    ohms: readOhmsTranscript(ohms.string(`/${el(OHMS, 'ROOT')}/${el(OHMS, 'record')}/${el(OHMS, 'transcript')}`), speakers),
  };
}

/** What each format must give back: every passage, its speaker's name and its words, in order (OHMS has no anchors). */
export function expectedPassages(passages: ApiPassage[], format: ExportFormat): Partial<ReadPassage>[] {
  return passages.map((p) =>
    format === 'ohms' ? { speaker: p.speaker?.name ?? null, text: p.text } : { anchor: p.anchor, speaker: p.speaker?.name ?? null, text: p.text },
  );
}

export { TEI, OHMS };
