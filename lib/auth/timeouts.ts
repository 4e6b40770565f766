// How long a back-office session lasts, in one place for Better Auth, the session check and proxy.ts.

/** Signed out after an hour without a request. */
export const IDLE_TIMEOUT_SECONDS = 60 * 60;
/** The idle deadline moves forward at most once per five minutes, to spare a write per request. */
export const SESSION_UPDATE_AGE_SECONDS = 5 * 60;
/** Signed out twelve hours after signing in, however active. */
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
