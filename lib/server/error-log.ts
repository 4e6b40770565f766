// The JSON line for a server error: the request id and digest that tie it to the access log and to
// the reference the reader was shown, and the stack, which goes to the log and nowhere else.
import 'server-only';
import { REQUEST_ID_HEADER } from '@/lib/auth/proxy-headers';

export interface ErrorRequest {
  path: string;
  method: string;
  headers: Record<string, string | string[] | undefined>;
}

export interface ErrorContext {
  routePath?: string;
  routeType?: string;
}

export function errorLogLine(error: unknown, request: ErrorRequest, context: ErrorContext, now: Date = new Date()): string {
  const requestId = request.headers[REQUEST_ID_HEADER];
  const digest = typeof error === 'object' && error !== null && 'digest' in error ? String(error.digest) : undefined;
  return `${JSON.stringify({
    time: now.toISOString(),
    level: 'error',
    msg: error instanceof Error ? error.message : String(error),
    requestId: Array.isArray(requestId) ? requestId[0] : requestId,
    digest,
    method: request.method,
    // As in the access log: no query string.
    path: request.path.split('?')[0],
    route: context.routePath,
    routeType: context.routeType,
    stack: error instanceof Error ? error.stack : undefined,
  })}\n`;
}
