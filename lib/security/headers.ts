// The security headers every response carries, and each page's Content-Security-Policy. Pure, so
// proxy.ts (pages, dev and production) and the custom server (every response, its own answers
// included) send the same values.

export interface ResponseContext {
  /** A production build: no 'unsafe-eval', and HSTS where the site is https. */
  production: boolean;
  /** The site is reached over https (SITE_URL says so, or this request came over TLS). */
  https: boolean;
}

/**
 * Features the archive never uses, off for the page and anything it embeds. Only names Chromium
 * knows: an unknown one is a console error on every page.
 */
export const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'hid=()',
  'bluetooth=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

/** Two years: the value HSTS preload lists ask for; includeSubDomains, since nothing below should be plain http. */
export const HSTS = 'max-age=63072000; includeSubDomains';

/**
 * Scripts run only with this response's nonce ('strict-dynamic' lets those load the chunks they
 * import); no 'unsafe-inline' script ever. Development adds 'unsafe-eval' (React rebuilds server
 * error stacks with eval) and inline styles (the dev overlay and hot reload inject them).
 * In production, styles need the nonce too: Next puts it on every style tag it writes, the CSS is a
 * file, and no page sets a style attribute.
 */
export function contentSecurityPolicy(nonce: string, { production, https }: ResponseContext): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${production ? '' : " 'unsafe-eval'"}`,
    production ? `style-src 'self' 'nonce-${nonce}'` : "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    // Recordings: the archive's own (/media/recordings/…) or an editor's external http(s) address; a
    // policy per document is impossible on pages the cache shares. Over https, an http address would
    // be upgraded (below) rather than played as mixed content, so only plain-http sites list http:.
    `media-src 'self' https:${https ? '' : ' http:'}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Over plain http (a local `npm start`) this would send the page's own assets to https, which is not there.
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/**
 * The policy for answers the custom server writes itself (400, 403, 429): no script, no style,
 * nothing loaded, never framed.
 */
export const PLAIN_RESPONSE_POLICY = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The headers besides the CSP, the same on every response. */
export function securityHeaders({ production, https }: ResponseContext): Record<string, string> {
  return {
    // frame-ancestors 'none' is the modern form; X-Frame-Options covers browsers without CSP Level 2.
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'Permissions-Policy': PERMISSIONS_POLICY,
    // Browsers ignore HSTS over plain http, and a development or local https host must never be pinned.
    ...(production && https ? { 'Strict-Transport-Security': HSTS } : {}),
  };
}

/** Whether the site is reached over https: SITE_URL says so, or the request's protocol (as a trusted hop reported it). */
export function isHttps(siteUrl: string | undefined, protocol: string | null | undefined): boolean {
  return Boolean(siteUrl?.startsWith('https:')) || protocol === 'https';
}

/** 128 random bits, base64: unguessable, and fresh for every response. Web Crypto, so it runs in any runtime. */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
