// The server's side of keeping cached pages in step with writes it did not make: it renews every
// cached page when it starts (pages cached by an earlier process, or placeholders from the build,
// may be older than the archive), and whenever the archive's version moves by a write of another
// process (lib/cache/archive-version.ts). revalidatePath() runs only inside a Next request, so the
// renewal is a loopback POST to the renewal route with this process's token.
import 'server-only';
import { checkArchiveVersion, noteForeignRenewal, ownCommitCount } from '@/lib/cache/archive-version';
import { RENEW_HEADER, RENEW_PATH } from '@/lib/cache/renew-token';

export interface CacheRenewalOptions {
  port: number;
  token: string;
  /**
   * The archive's version now: PRAGMA user_version on a SQLite file (a header read, synchronous), or
   * PostgreSQL's archive_user_version through an asynchronous pool (a round trip to the server).
   */
  readVersion: () => number | Promise<number>;
  log: (line: string) => void;
  intervalMs?: number;
  /**
   * Runs the renewal after another process's write: the render watch's `asSave` (render-overlap.ts),
   * so that a page rendered from what was read before that write, and stored after the renewal, is
   * renewed again. Not the renewal at start: readers wait for that one (scripts/start.ts).
   */
  aroundForeignRenewal?: (renewal: () => Promise<void>) => Promise<void>;
}

/** A look at the version this often: the time within which another process's write shows. */
export const WATCH_INTERVAL_MS = 250;

export function createCacheRenewal(options: CacheRenewalOptions) {
  const logLine = (level: string, msg: string) => options.log(`${JSON.stringify({ time: new Date().toISOString(), level, msg })}\n`);

  /** Renews `paths` (each page itself), or every cached page without them. */
  async function callRenewal(paths?: string[]): Promise<void> {
    const response = await fetch(`http://127.0.0.1:${options.port}${RENEW_PATH}`, {
      method: 'POST',
      headers: { [RENEW_HEADER]: options.token, ...(paths ? { 'content-type': 'application/json' } : {}) },
      ...(paths ? { body: JSON.stringify({ paths }) } : {}),
      signal: AbortSignal.timeout(10_000),
    });
    if (response.status !== 204) throw new Error(`The cache renewal route answered ${response.status}.`);
  }

  async function renewAll(reason: string): Promise<void> {
    await callRenewal();
    logLine('info', `Renewed every cached page: ${reason}`);
  }

  let timer: NodeJS.Timeout | undefined;
  let running = false;

  async function look(): Promise<void> {
    if (running) return;
    running = true;
    try {
      const commitsBefore = ownCommitCount();
      const version = await options.readVersion();
      // This process committed while the read was on its way: the answer may predate that write and
      // look foreign. The next look, a quarter second on, reads again.
      if (ownCommitCount() !== commitsBefore) return;
      if (checkArchiveVersion(version) !== 'foreign') return;
      const renewal = () => renewAll('another process wrote to the archive');
      await (options.aroundForeignRenewal ? options.aroundForeignRenewal(renewal) : renewal());
      // Only a renewal that succeeded accounts for the write: after a failure (logged below) the next
      // look, a quarter second on, reports it again and tries again.
      noteForeignRenewal();
    } catch (error) {
      logLine('error', `Cache renewal failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  }

  return {
    /** At start: the version as it is now is the baseline, and every page cached before is renewed. */
    async start(): Promise<void> {
      checkArchiveVersion(await options.readVersion());
      await renewAll('the server started');
      timer = setInterval(() => void look(), options.intervalMs ?? WATCH_INTERVAL_MS);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
    },
    /** Renews some pages again: rendered across a write (render-overlap.ts). Failures are logged. */
    renewPages(paths: string[]): void {
      callRenewal(paths).then(
        () => logLine('info', `Renewed ${paths.length} page${paths.length === 1 ? '' : 's'} rendered across a write: ${paths.join(' ')}`),
        (error: unknown) => logLine('error', `Cache renewal failed: ${error instanceof Error ? error.message : String(error)}`),
      );
    },
  };
}

/** Whether a request is the renewal call itself (it must pass while the server waits for it). */
export function isRenewalRequest(method: string | undefined, url: string | undefined): boolean {
  return method === 'POST' && (url === RENEW_PATH || url?.startsWith(`${RENEW_PATH}?`) === true);
}
