// Next.js configuration. better-sqlite3 is a native addon: it stays a plain require on the server.
/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ['better-sqlite3'],
  poweredByHeader: false,
  typedRoutes: false,
  // forbidden() answers an editor on an admin-only page with a real 403.
  experimental: { authInterrupts: true },
};

export default nextConfig;
