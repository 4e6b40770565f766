// /feed.atom: newly published documents (atom); see lib/feeds.
import { feedResponse } from '@/lib/feeds/respond';

export const dynamic = 'force-dynamic';

export function GET(request: Request): Promise<Response> {
  return feedResponse(request, 'atom');
}
