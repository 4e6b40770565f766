// What the edge's memos (page-memo.ts, search-memo.ts) share: watching the answer Next writes to a
// response, headers and body as they leave, and sending a kept answer again without Next.
import 'server-only';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { toBuffer } from './nonce-rewrite';

/** Headers of a kept answer that belong to one response only. */
const PER_RESPONSE = new Set(['x-request-id', 'date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length']);

export interface CapturedAnswer {
  status: number;
  /** Lower-cased names, without the per-response ones. */
  headers: OutgoingHttpHeaders;
  body: Buffer;
}

/**
 * Watches what is written to `response` and, once it has finished, hands over the whole answer.
 * Nothing is handed over when the body passes `maxBytes`, when headers came as a raw array (not
 * read), or when the response did not finish (the client left).
 */
export function captureAnswer(response: ServerResponse, maxBytes: number, finished: (answer: CapturedAnswer) => void): void {
  let headers: OutgoingHttpHeaders | null = null;
  const chunks: Buffer[] = [];
  let bytes = 0;
  let unkeepable = false;
  const { writeHead, write, end } = response;

  const snapshot = (extra?: unknown) => {
    if (headers) return;
    headers = { ...response.getHeaders() };
    if (extra && typeof extra === 'object' && !Array.isArray(extra)) Object.assign(headers, lowerCased(extra as OutgoingHttpHeaders));
    else if (extra !== undefined) unkeepable = true; // headers as a raw array: not read, so not kept
  };
  const collect = (chunk: unknown, encoding: unknown) => {
    if (unkeepable || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buffer = Buffer.from(toBuffer(chunk, encoding)); // a copy: the writer may reuse its buffer
    bytes += buffer.length;
    if (bytes > maxBytes) {
      unkeepable = true;
      chunks.length = 0;
    } else chunks.push(buffer);
  };

  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    snapshot(args.find((arg, i) => i > 0 && arg !== null && typeof arg === 'object'));
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];
  response.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (!response.headersSent) snapshot();
    collect(chunk, encoding);
    return (write as (...a: unknown[]) => boolean).call(this, chunk, encoding, callback);
  } as ServerResponse['write'];
  response.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (!response.headersSent) snapshot();
    collect(chunk, encoding);
    return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
  } as ServerResponse['end'];

  response.once('finish', () => {
    if (unkeepable || !headers) return;
    const kept: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(headers)) if (!PER_RESPONSE.has(name)) kept[name] = value;
    finished({ status: response.statusCode, headers: kept, body: Buffer.concat(chunks, bytes) });
  });
}

/** Sends a kept answer again, with a length of its own; the per-response headers are the edge's. */
export function replayAnswer(response: ServerResponse, answer: CapturedAnswer): void {
  response.statusCode = answer.status;
  for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined) response.setHeader(name, value);
  response.setHeader('Content-Length', answer.body.length);
  response.end(answer.body);
}

function lowerCased(headers: OutgoingHttpHeaders): OutgoingHttpHeaders {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}
