// Names of the session cookie, shared by Better Auth's setup and proxy.ts (which must stay light:
// no database, no Better Auth). Production adds the "__Secure-" prefix along with the Secure flag.
export const COOKIE_PREFIX = 'archive';

export const SESSION_COOKIE = `${COOKIE_PREFIX}.session_token`;
export const SECURE_SESSION_COOKIE = `__Secure-${SESSION_COOKIE}`;
