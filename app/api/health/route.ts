// GET /api/health: database, migrations, search index and disk, as JSON. 200 when the archive
// serves (ok or degraded), 503 when it cannot (failing), so a load balancer or monitor can act on it.
import { appHealth } from '@/lib/ops/app-health';

export const dynamic = 'force-dynamic';

export function GET() {
  const report = appHealth();
  return Response.json(report, { status: report.status === 'failing' ? 503 : 200, headers: { 'Cache-Control': 'no-store' } });
}
