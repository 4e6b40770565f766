// One JSON line per request, written when the response is done (or the client went away).

import 'server-only';
export interface AccessEntry {
  requestId: string;
  method: string;
  /** The path only, as sent (still percent-encoded): query strings hold what readers searched for and typed. */
  path: string;
  status: number;
  durationMs: number;
  /** The client's address as resolved through TRUSTED_PROXIES: needed to see who a limit refused. */
  client: string | null;
  /** True when the client closed the connection before the response was complete. */
  aborted?: boolean;
}

/** Longer paths are cut: a log line must stay a line, whatever a client sends. */
const MAX_PATH = 1024;

export function accessLogLine(entry: AccessEntry, now: Date = new Date()): string {
  const path = entry.path.length > MAX_PATH ? `${entry.path.slice(0, MAX_PATH)}…` : entry.path;
  return `${JSON.stringify({ time: now.toISOString(), level: 'info', msg: 'request', ...entry, path })}\n`;
}
