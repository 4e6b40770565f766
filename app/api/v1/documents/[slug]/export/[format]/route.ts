// GET /api/v1/documents/<slug>/export/<format>: one published document as a file to download
// (json, md, txt, csv, vtt, tei, ohms). Errors in the API's JSON shape: 400 naming a bad segment or
// parameter, 404 for a document not published, 422 when the document holds a character the format
// cannot carry.
import { jsonError, jsonNotFound, parseRequest } from '@/lib/api/responses';
import { publicGet } from '@/lib/api/public-get';
import { getPublishedDocumentForExport } from '@/lib/data/document-exports';
import { exportParamsSchema } from '@/lib/exports/params';
import { ExportRefusal } from '@/lib/exports/refusal';
import { renderExport } from '@/lib/exports/render';
import { noParamsSchema } from '@/lib/validation/common';

export const { GET, OPTIONS } = publicGet(async (request: Request, { params }: { params: Promise<{ slug: string; format: string }> }) => {
  const parsed = await parseRequest(request, params, exportParamsSchema, noParamsSchema);
  if (parsed.refused) return parsed.refused;
  const exportable = await getPublishedDocumentForExport(parsed.params.slug);
  if (!exportable) return jsonNotFound('document');
  try {
    const file = renderExport(exportable, parsed.params.format);
    return new Response(file.body, {
      headers: {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  } catch (error) {
    if (error instanceof ExportRefusal) return jsonError(422, 'unexportable', error.message);
    throw error;
  }
});
