// GET /api/health: database, migrations, search index and disk, as JSON. 200 when the archive
// serves (ok or degraded), 503 when it cannot (failing), so a load balancer or monitor can act on it.
// On SQLite the answer is immediate; on PostgreSQL it waits for the server (at most a few seconds).
import { appHealth } from '@/lib/ops/app-health';
import type { HealthReport } from '@/lib/ops/health';

export const dynamic = 'force-dynamic';

export function GET(): Response | Promise<Response> {
  const report = appHealth();
  return report instanceof Promise ? report.then(respond) : respond(report);
}

function respond(report: HealthReport): Response {
  return Response.json(report, { status: report.status === 'failing' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } });
}
