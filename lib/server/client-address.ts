// Which address a request comes from: the socket's peer, or, when that peer is a trusted proxy,
// the X-Forwarded-For entries walked from the right, past every trusted hop, to the first one that
// is not trusted. Entries further left were written by the client and prove nothing.
import 'server-only';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import type { AddressMatcher } from './trusted-proxies';

/** `::ffff:127.0.0.1` (an IPv4 client of a dual-stack socket) is 127.0.0.1: one client, one bucket. */
export function normalizeAddress(address: string | undefined): string | null {
  if (!address) return null;
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(trimmed);
  const candidate = mapped ? mapped[1] : trimmed;
  const version = isIP(candidate);
  if (version === 4) return candidate;
  if (version === 6) return candidate.toLowerCase();
  return null;
}

/**
 * The client's address, or null when the socket has none (it closed). `forwardedFor` is every
 * X-Forwarded-For header the request carried, joined by commas (Node joins repeated headers so).
 */
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | undefined, trusted: AddressMatcher): string | null {
  const request = { socket: { remoteAddress: peer }, headers: { 'x-forwarded-for': forwardedFor ?? '' } };
  // [peer, then X-Forwarded-For right to left], cut after the first hop that is not trusted.
  const hops = proxyAddr.all(request as unknown as IncomingMessage, trusted);
  // A trusted proxy that passed on something that is not an address: the nearest hop that is one.
  for (let i = hops.length - 1; i >= 0; i--) {
    const address = normalizeAddress(hops[i]);
    if (address) return address;
  }
  return null;
}
