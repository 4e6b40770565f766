// The request edge (lib/server/edge.ts) on a loopback port of its own, as `npm start` runs it, for the
// tests of one of its steps: no trusted proxy, no rate limit, no log, production; the options a test
// names (its stand-in for Next, the memo or gate under test) are its own.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEdge, type EdgeOptions } from '@/lib/server/edge';
import { compileAddressList } from '@/lib/server/trusted-proxies';

export interface EdgeServer {
  server: Server;
  /** `http://127.0.0.1:<port>`. */
  base: string;
  close(): Promise<void>;
}

export async function serveEdge(options: Pick<EdgeOptions, 'handle'> & Partial<EdgeOptions>): Promise<EdgeServer> {
  const edge = createEdge({
    trustedProxies: compileAddressList([]),
    rateLimit: async () => ({ limited: false }),
    production: true,
    log: () => {},
    ...options,
  });
  const server = createServer((request, response) => void edge(request, response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
