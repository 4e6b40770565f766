// Request headers the app sets for itself. The custom server (lib/server/edge.ts) deletes any copy a
// client sent before setting them, so pages, actions and route handlers can believe them.

/** Which path was asked for, set by proxy.ts for the back office (Next gives pages no URL). */
export const PATH_HEADER = 'x-archive-path';

/** The client's address as resolved through TRUSTED_PROXIES: read it with clientAddress(). */
export const CLIENT_ADDRESS_HEADER = 'x-archive-client-address';

/** The request's id, also sent back as X-Request-Id and written in every log line about it. */
export const REQUEST_ID_HEADER = 'x-request-id';
