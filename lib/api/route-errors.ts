// One wrapper for API route handlers: an unexpected error answers the API's JSON error shape with the
// request id, instead of Next's empty 500, and goes to the log as the edge's errors do. The client
// never sees the message, stack or SQL: only the id to quote.
import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import { REQUEST_ID_HEADER } from '@/lib/auth/proxy-headers';
import { errorLogLine } from '@/lib/server/error-log';

type Handler<Rest extends unknown[]> = (request: Request, ...rest: Rest) => Response | Promise<Response>;

export function withJsonErrors<Rest extends unknown[]>(handler: Handler<Rest>): Handler<Rest> {
  return async (request, ...rest) => {
    try {
      return await handler(request, ...rest);
    } catch (error) {
      // Next's own control flow (dynamic-rendering bail-outs, notFound, redirect) is not an error.
      unstable_rethrow(error);
      const requestId = request.headers.get(REQUEST_ID_HEADER) ?? undefined;
      const url = new URL(request.url);
      process.stdout.write(
        errorLogLine(
          error,
          { path: url.pathname, method: request.method, headers: { [REQUEST_ID_HEADER]: requestId } },
          { routePath: url.pathname, routeType: 'route' },
        ),
      );
      return Response.json(
        {
          error: 'internal_error',
          message: requestId
            ? `The server failed to answer this request. Quote request id ${requestId} when reporting it.`
            : 'The server failed to answer this request.',
          requestId: requestId ?? null,
        },
        { status: 500, headers: { 'Cache-Control': 'no-store' } },
      );
    }
  };
}
