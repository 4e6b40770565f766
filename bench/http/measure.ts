// One cell of the table: autocannon against one address (or a rotating list) at one connection count.
import autocannon from 'autocannon';

export interface CellFigures {
  connections: number;
  durationSeconds: number;
  requests: number;
  /** Mean requests a second over the cell. */
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  /** Connection errors and timeouts (autocannon's `errors`, which includes `timeouts`). */
  errors: number;
  timeouts: number;
  non2xx: number;
  /** Mean response bytes a second. */
  bytesPerSecond: number;
}

export interface CellRequest {
  origin: string;
  /** Paths requested in turn, one per request (a single path for a page; a query mix for search). */
  paths: string[];
  connections: number;
  durationSeconds: number;
  /**
   * Where in `paths` to go on from, shared by the cells of a target whose paths are each asked once:
   * it moves past every path requested. Without one, every cell starts from the first path.
   */
  cursor?: { next: number };
}

/** The figures autocannon reports, in the shape the tables use. */
export function figuresOf(result: autocannon.Result, connections: number, durationSeconds: number): CellFigures {
  return {
    connections,
    durationSeconds,
    requests: result.requests.total,
    // Completed requests over the cell's real length: autocannon's per-second average reads 0 when a
    // page takes longer than a second (the 100,000-passage home page does).
    rps: result.duration > 0 ? result.requests.total / result.duration : 0,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    bytesPerSecond: result.throughput.average,
  };
}

/**
 * Waits until the server answers `probe` quickly again. autocannon closes its connections when a cell
 * ends, but the server goes on rendering what it had accepted: on a slow archive, 100 connections leave
 * a backlog of tens of seconds that would land in the next cell (measured: 0 req/s for every cell after
 * the first 100-connection one). Gives up after `maxMs` and says how long it waited.
 */
export async function waitUntilQuiet(origin: string, probe: string, { quietMs = 50, times = 3, maxMs = 180_000 } = {}): Promise<number> {
  const started = performance.now();
  let quiet = 0;
  while (quiet < times && performance.now() - started < maxMs) {
    const t = performance.now();
    try {
      const response = await fetch(`${origin}${probe}`, { signal: AbortSignal.timeout(maxMs) });
      await response.arrayBuffer();
      quiet = performance.now() - t < quietMs ? quiet + 1 : 0;
    } catch {
      quiet = 0;
    }
    if (quiet < times) await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return performance.now() - started;
}

export async function runCell(request: CellRequest): Promise<CellFigures> {
  const cursor = request.cursor ?? { next: 0 };
  const paths = request.paths;
  const result = await autocannon({
    url: request.origin,
    connections: request.connections,
    duration: request.durationSeconds,
    // A page is slow at 100 connections on two cores: a request is an error only past 30 s.
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: paths[cursor.next++ % paths.length] }),
      },
    ],
  });
  return figuresOf(result, request.connections, request.durationSeconds);
}
