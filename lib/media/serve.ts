// Sends a stored recording: the whole file or the one range a player asks for (seeking needs it),
// with validators so a browser revalidates rather than downloads again. The caller decides whether
// the file may be served and how long others may keep it; this module only reads and streams.
import 'server-only';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { byteRange } from './byte-range';

export interface ServeOptions {
  type: string;
  cacheControl: string;
  method: 'GET' | 'HEAD';
}

/**
 * An hour, then revalidated by its ETag (a cheap 304): a recording withdrawn (unpublished, replaced,
 * removed at an interviewee's request) must leave shared caches soon, not in a year. `no-transform`:
 * no proxy (nor Next's own compression) re-encodes or gzips media; it is compressed already.
 */
export const PUBLIC_MEDIA_CACHE = 'public, max-age=3600, no-transform';
export const PRIVATE_MEDIA_CACHE = 'private, no-store, no-transform';

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

export async function serveFile(file: string, request: Request, options: ServeOptions): Promise<Response> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return notFound();
  const size = info.size;
  const etag = `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const lastModified = new Date(Math.floor(info.mtimeMs / 1000) * 1000).toUTCString();
  const headers = new Headers({
    'Content-Type': options.type,
    'Accept-Ranges': 'bytes',
    ETag: etag,
    'Last-Modified': lastModified,
    'Cache-Control': options.cacheControl,
    'X-Content-Type-Options': 'nosniff',
  });

  if (fresh(request.headers, etag, info.mtimeMs)) return new Response(null, { status: 304, headers });

  // If-Range: a range of the file the client already holds part of, else the whole (it changed).
  const ifRange = request.headers.get('if-range');
  const rangeHeader = ifRange === null || ifRange === etag || ifRange === lastModified ? request.headers.get('range') : null;
  const range = byteRange(rangeHeader, size);
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    headers.set('Content-Type', 'text/plain; charset=utf-8');
    return new Response('Range not satisfiable', { status: 416, headers });
  }
  const [start, end] = range.kind === 'part' ? [range.start, range.end] : [0, size - 1];
  headers.set('Content-Length', String(size === 0 ? 0 : end - start + 1));
  if (range.kind === 'part') headers.set('Content-Range', `bytes ${start}-${end}/${size}`);
  const status = range.kind === 'part' ? 206 : 200;
  if (options.method === 'HEAD' || size === 0) return new Response(null, { status, headers });
  const stream = Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}

/** If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2). */
function fresh(headers: Headers, etag: string, mtimeMs: number): boolean {
  const noneMatch = headers.get('if-none-match');
  if (noneMatch !== null) return noneMatch.split(',').some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}` || tag.trim() === '*');
  const since = Date.parse(headers.get('if-modified-since') ?? '');
  return !Number.isNaN(since) && Math.floor(mtimeMs / 1000) * 1000 <= since;
}
