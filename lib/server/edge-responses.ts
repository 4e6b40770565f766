// The answers the custom server writes itself, before Next sees a request: short, no stack, no
// script, in JSON for the API (the read API's error shape) and plain HTML for pages.
import 'server-only';
import type { ServerResponse } from 'node:http';
import { PLAIN_RESPONSE_POLICY } from '@/lib/security/headers';

function send(response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}): void {
  response.statusCode = status;
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Security-Policy', PLAIN_RESPONSE_POLICY);
  response.setHeader('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.end(body);
}

function sendJson(response: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  send(response, status, 'application/json; charset=utf-8', JSON.stringify(body), headers);
}

function sendHtml(response: ServerResponse, status: number, title: string, message: string, headers?: Record<string, string>): void {
  const escaped = message.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  send(
    response,
    status,
    'text/html; charset=utf-8',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} · Interview Archive</title></head><body><main><h1>${title}</h1><p>${escaped}</p><p><a href="/">Interview Archive</a></p></main></body></html>`,
    headers,
  );
}

/** The API's answer to a path that is not valid percent-encoding, in the read API's error shape. */
export function sendBadPath(response: ServerResponse): void {
  const message = 'is not valid percent-encoding (a % must be followed by two hex digits that spell UTF-8 text)';
  sendJson(response, 400, { error: 'invalid_parameter', message: `path: ${message}`, problems: [{ parameter: 'path', message }] });
}

export function sendForeignOrigin(response: ServerResponse, api: boolean): void {
  const message = 'This form was sent from another site. Nothing was changed.';
  if (api) sendJson(response, 403, { error: 'forbidden', message });
  else sendHtml(response, 403, 'Refused', message);
}

export function sendTooLarge(response: ServerResponse, api: boolean, maxBytes: number): void {
  const message = `This form sent more than ${Math.round(maxBytes / 1024 / 1024)} MB, more than the archive takes at once. Nothing was changed.`;
  if (api) sendJson(response, 413, { error: 'too_large', message });
  else sendHtml(response, 413, 'Too large', message);
}

/** An address longer than MAX_REQUEST_TARGET: refused before anything reads it (see edge.ts). */
export function sendTooLong(response: ServerResponse, api: boolean, maxBytes: number): void {
  const message = `This address is longer than ${maxBytes.toLocaleString('en')} characters, more than the archive reads. Shorten the search or the filters.`;
  if (api) sendJson(response, 414, { error: 'uri_too_long', message });
  else sendHtml(response, 414, 'Address too long', message);
}

export function sendRateLimited(response: ServerResponse, api: boolean, retryAfterSeconds: number): void {
  const headers = { 'Retry-After': String(retryAfterSeconds) };
  const message = `Too many requests from your address in the last minute. Please wait ${retryAfterSeconds} seconds and try again.`;
  if (api) sendJson(response, 429, { error: 'rate_limited', message, retryAfter: retryAfterSeconds }, headers);
  else sendHtml(response, 429, 'Too many requests', message, headers);
}

/** Only when Next itself failed to answer: a reference to quote, nothing about the cause. */
export function sendInternalError(response: ServerResponse, api: boolean, requestId: string): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const message = `Something went wrong on our side. If you write to us, quote the reference ${requestId}.`;
  if (api) sendJson(response, 500, { error: 'internal_error', message, requestId });
  else sendHtml(response, 500, 'Something went wrong', message);
}

/** Another spelling of a page's address (page-gate.ts): for good, to the one the page is kept under. */
export function sendRedirect(response: ServerResponse, target: string): void {
  // Only printable ASCII in a header: anything else a client put in the query is escaped.
  const location = target.replace(/[^\x21-\x7e]/g, (c) => encodeURIComponent(c));
  const escaped = location.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  send(
    response,
    308,
    'text/html; charset=utf-8',
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Moved</title></head><body><p><a href="${escaped}">${escaped}</a></p></body></html>`,
    {
      Location: location,
    },
  );
}
