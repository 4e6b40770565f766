// Next.js configuration. better-sqlite3 is a native addon: it stays a plain require on the server.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  experimental: {
    // forbidden() answers an editor on an admin-only page with a real 403.
    authInterrupts: true,
    // An import takes up to 1 MB of text (IMPORT_MAX_BYTES), checked with a message in the form and
    // the action; the preview form may carry the pasted text and a file, so the body may be larger.
    // At Next's default of 1 MB, such a request failed before the action ran: a 500, input lost.
    serverActions: { bodySizeLimit: '3mb' },
  },
};

export default nextConfig;
