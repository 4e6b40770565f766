// /api: the read API explained for people, rendered from the same OpenAPI description programs read
// at /api/v1/openapi.json (lib/api/openapi), so the two cannot disagree.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ApiReference } from '@/components/api-reference';
import { apiPageModel } from '@/lib/api/openapi/page-model';

export const metadata: Metadata = {
  title: 'API',
  description: 'The archive’s public JSON API: documents, passages, speakers, topics and search, described in OpenAPI 3.1.',
};

export default async function ApiPage() {
  // Rendered per request like every page under /api (lib/cache/public-pages.ts): its scripts need the
  // request's nonce, and its addresses the running server's SITE_URL, not the build's.
  await connection();
  const model = apiPageModel();
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">{model.title}</h1>
      <p className="mt-4">{model.description}</p>
      <p className="mt-2">
        Base address: <code>{model.base}</code>. Machine-readable description:{' '}
        <a href="/api/v1/openapi.json">
          <code>/api/v1/openapi.json</code>
        </a>{' '}
        (OpenAPI 3.1). Send an answer’s <code>ETag</code> back in <code>If-None-Match</code> to get <code>304 Not Modified</code> when nothing changed.
      </p>
      <ApiReference model={model} />
    </>
  );
}
