// Better Auth's HTTP endpoints under /api/auth (session reads; the paths listed in
// lib/auth/server.ts are closed, since our server actions sign in and out).
import { toNextJsHandler } from 'better-auth/next-js';
import { getAuth } from '@/lib/auth/server';

// The instance is built on the first request, not when the route module loads during the build.
export const { GET, POST } = toNextJsHandler((request: Request) => getAuth().handler(request));
