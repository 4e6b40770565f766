// A feed's HTTP answer: its media type, validators and a 304 to a poller that already has it.
// Feeds are rendered per request (small, and read the archive as it is now), so a save shows in them
// at once; readable from any origin. The ETag is the body's hash, so it changes whenever the feed
// does, an unpublished document included. If-Modified-Since is not honoured: when a document leaves,
// the feed's newest date can go back in time, and a 304 by date would keep the old feed.
import 'server-only';
import { createHash } from 'node:crypto';
import { FEEDS } from '@/lib/metadata/feeds';
import { feedEntries } from './entries';
import { feedUpdated, renderFeed, type FeedFormat } from './render';

/** Whether an If-None-Match header names this ETag (or is "*"); weak comparison, as for GET. */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === etag;
  });
}

export async function feedResponse(request: Request, format: FeedFormat): Promise<Response> {
  const entries = await feedEntries();
  const body = renderFeed(entries, format);
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  const headers = {
    'Content-Type': `${FEEDS[format].type}; charset=utf-8`,
    ETag: etag,
    'Last-Modified': feedUpdated(entries).toUTCString(),
    'Cache-Control': 'public, max-age=0, must-revalidate',
    'Access-Control-Allow-Origin': '*',
  };
  if (matches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { status: 200, headers });
}
