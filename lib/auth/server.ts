// The Better Auth instance of the back office: email and password only, database sessions through
// the Prisma adapter, argon2id hashes. Built on first use, so importing it reads no file and no secret.
import 'server-only';
import { betterAuth } from 'better-auth';
import { APIError } from 'better-auth/api';
import { prismaAdapter } from 'better-auth/adapters/prisma';
import { nextCookies } from 'better-auth/next-js';
import { prisma } from '@/lib/db/client';
import { databaseTarget, engineOf } from '@/lib/db';
import { env } from '@/lib/env';
import { COOKIE_PREFIX } from './cookie-names';
import { CLIENT_ADDRESS_HEADER } from './proxy-headers';
import { hashPassword, verifyPassword } from './password';
import { resolveAuthSecret } from './secret';
import { IDLE_TIMEOUT_SECONDS, SESSION_UPDATE_AGE_SECONDS } from './timeouts';

/** Paths of Better Auth's HTTP API that stay closed (404): signing in and out, and anything that
 * creates or changes an account, go through our server actions, which throttle, check and audit. */
export const CLOSED_AUTH_PATHS = [
  '/sign-in/email',
  '/sign-out',
  '/sign-in/social',
  '/sign-up/email',
  '/update-user',
  '/change-email',
  '/change-password',
  '/set-password',
  '/delete-user',
  '/request-password-reset',
  '/reset-password',
  '/verify-password',
  '/update-session',
  '/link-social',
  '/unlink-account',
];

export const ACCOUNT_DISABLED = 'ACCOUNT_DISABLED';

function createAuth() {
  const secret = resolveAuthSecret(databaseTarget(env.DATABASE_URL));
  const siteOrigin = env.SITE_URL ? new URL(env.SITE_URL).origin : null;
  return betterAuth({
    appName: 'Interview Archive',
    secret,
    // Without SITE_URL, Better Auth takes the origin from each request.
    baseURL: env.SITE_URL,
    basePath: '/api/auth',
    trustedOrigins: [`http://localhost:${env.PORT}`, `http://127.0.0.1:${env.PORT}`, ...(siteOrigin ? [siteOrigin] : [])],
    // The adapter's provider follows the engine: Prisma's client is PostgreSQL's on PostgreSQL.
    database: prismaAdapter(prisma, { provider: engineOf(env.DATABASE_URL) }),
    emailAndPassword: {
      enabled: true,
      // Admins make accounts (lib/auth/accounts.ts); nobody signs themselves up.
      disableSignUp: true,
      minPasswordLength: 12,
      maxPasswordLength: 128,
      password: { hash: hashPassword, verify: ({ hash, password }) => verifyPassword(hash, password) },
    },
    user: {
      additionalFields: {
        // input: false keeps both out of anything a client could send.
        role: { type: ['editor', 'admin'], required: false, defaultValue: 'editor', input: false },
        disabled: { type: 'boolean', required: false, defaultValue: false, input: false },
      },
    },
    session: {
      expiresIn: IDLE_TIMEOUT_SECONDS,
      updateAge: SESSION_UPDATE_AGE_SECONDS,
      // Every check reads the database, so disabling a user or signing out takes effect at once.
      cookieCache: { enabled: false },
    },
    // Better Auth's limiter covers its HTTP endpoints only; sign-in failures are throttled in sign-in.ts.
    rateLimit: { enabled: true, window: 60, max: 60 },
    advanced: {
      cookiePrefix: COOKIE_PREFIX,
      useSecureCookies: process.env.NODE_ENV === 'production',
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      // Sessions record the address the request edge resolved through TRUSTED_PROXIES, never a
      // client's own X-Forwarded-For.
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
    },
    databaseHooks: {
      session: {
        create: {
          // The last word on disabled accounts, whatever path creates a session.
          before: async (session) => {
            const user = await prisma.user.findUnique({ where: { id: session.userId }, select: { disabled: true } });
            if (!user || user.disabled) {
              throw APIError.from('FORBIDDEN', { code: ACCOUNT_DISABLED, message: 'This account is disabled.' });
            }
          },
        },
      },
    },
    disabledPaths: CLOSED_AUTH_PATHS,
    telemetry: { enabled: false },
    // Failed sign-ins are in the audit log already; under test their warnings are only noise.
    logger: { level: process.env.NODE_ENV === 'test' ? 'error' : 'warn' },
    // Last, as Better Auth asks: copies Set-Cookie from auth.api calls into Next's cookies() in actions.
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

// Cached on globalThis like the Prisma client, so hot reloading keeps one instance (and one rate-limit memory).
const globalForAuth = globalThis as unknown as { archiveAuth?: Auth };

export function getAuth(): Auth {
  globalForAuth.archiveAuth ??= createAuth();
  return globalForAuth.archiveAuth;
}
