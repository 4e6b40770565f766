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
}

/** The figures autocannon reports, in the shape the tables use. */
export function figuresOf(result: autocannon.Result, connections: number, durationSeconds: number): CellFigures {
  return {
    connections,
    durationSeconds,
    requests: result.requests.total,
    rps: result.requests.average,
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

export async function runCell(request: CellRequest): Promise<CellFigures> {
  let turn = 0;
  const result = await autocannon({
    url: request.origin,
    connections: request.connections,
    duration: request.durationSeconds,
    // A page is slow at 100 connections on two cores: a request is an error only past 30 s.
    timeout: 30,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({ ...req, path: request.paths[turn++ % request.paths.length] }),
      },
    ],
  });
  return figuresOf(result, request.connections, request.durationSeconds);
}
