// Any address no route knows: the 404 page, rendered per request. Next's own fallback 404 is built
// ahead of time, without the nonce of the request's CSP (proxy.ts), so its scripts would be refused.
import { notFound } from 'next/navigation';

export const dynamic = 'force-dynamic';

export default function Missing(): never {
  notFound();
}
