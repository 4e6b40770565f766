// The client's address as the nearest hop reports it, for throttling and the audit log.

const MAX_ADDRESS_LENGTH = 64;

/**
 * Takes the right-most X-Forwarded-For entry: the one appended by the proxy in front of the app, or
 * the socket address Next.js fills in when the header is absent. Entries further left come from the
 * client and prove nothing. (Served directly, a client can still send its own header; the
 * per-account limit holds regardless.)
 */
export function clientAddress(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const candidate = forwarded ? forwarded.split(',').at(-1) : headers.get('x-real-ip');
  const address = candidate?.trim();
  if (!address || address.length > MAX_ADDRESS_LENGTH || !/^[0-9A-Fa-f.:]+$/.test(address)) return null;
  return address;
}
