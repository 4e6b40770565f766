// TRUSTED_PROXIES and RATE_LIMIT_EXEMPT: lists of addresses and ranges, read by proxy-addr (the
// parser Express uses), so what is accepted here is exactly what the address walk understands.
import 'server-only';
import proxyAddr from 'proxy-addr';

/** Tells whether an address is in the list; the hop number is proxy-addr's and unused here. */
export type AddressMatcher = (address: string, hop: number) => boolean;

/**
 * Splits a comma-separated list: IPv4 or IPv6 addresses, CIDR ranges (`10.0.0.0/8`, `fd00::/8`,
 * also `10.0.0.0/255.0.0.0`), or proxy-addr's names `loopback`, `linklocal`, `uniquelocal`.
 */
export function parseAddressList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** Throws with the offending entry named when one is not an address or range. */
export function compileAddressList(entries: string[]): AddressMatcher {
  if (entries.length === 0) return () => false;
  return proxyAddr.compile(entries);
}

/** The first entry that is not a valid address or range, with the reason; null when all are. */
export function invalidAddressEntry(entries: string[]): string | null {
  for (const entry of entries) {
    try {
      proxyAddr.compile(entry);
    } catch (error) {
      return `"${entry}": ${(error as Error).message}`;
    }
  }
  return null;
}
