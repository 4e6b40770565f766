// /feed.xml: newly published documents (rss); see lib/feeds.
import { feedResponse } from '@/lib/feeds/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return feedResponse(request, 'rss');
}
