// The client's address, for throttling, rate limits and the audit log.
import { CLIENT_ADDRESS_HEADER } from './proxy-headers';

const MAX_ADDRESS_LENGTH = 64;

/**
 * The address the custom server resolved from the socket and TRUSTED_PROXIES (lib/server/edge.ts)
 * and put in its own header, having deleted any copy the client sent. X-Forwarded-For is never read
 * here: anyone can write it. Null when there is none: under `next dev`, or a closed socket.
 */
export function clientAddress(headers: Headers): string | null {
  const address = headers.get(CLIENT_ADDRESS_HEADER)?.trim();
  if (!address || address.length > MAX_ADDRESS_LENGTH || !/^[0-9A-Fa-f.:]+$/.test(address)) return null;
  return address;
}
