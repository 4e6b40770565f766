// Writes the back office's account events (sign-ins, failures, sign-outs, user changes) to AuditEvent.
import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { nowIso, type WriteDb } from '@/lib/db';

export type AuthAuditAction = 'sign-in' | 'sign-in-failed' | 'sign-out' | 'user-created' | 'user-updated';

/** Who acted and from where; all optional because a failed sign-in or the CLI has no signed-in actor. */
export interface AuditActor {
  id?: string | null;
  email?: string | null;
  ipAddress?: string | null;
}

export interface AuthAuditEvent {
  action: AuthAuditAction;
  actor: AuditActor;
  /** The user the event is about, when it is not the actor (an admin changing someone's role). */
  userId?: string | null;
  summary?: string | null;
  at?: Date;
}

// A transaction client has the same auditEvent delegate, so callers can record inside their transaction.
type AuditDb = Pick<PrismaClient, 'auditEvent'>;

export async function recordAuthEvent(db: AuditDb, event: AuthAuditEvent): Promise<void> {
  await db.auditEvent.create({ data: auditRow(event) });
}

/** The same row, written on the serialized writer inside a transaction of its own (the sign-in throttle's). */
export function insertAuthEvent(db: WriteDb, event: AuthAuditEvent): void {
  const row = auditRow(event);
  db.prepare(
    `INSERT INTO AuditEvent (at, actorId, actorEmail, action, entityType, entityId, summary, ipAddress)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(nowIso(row.at ?? new Date()), row.actorId, row.actorEmail, row.action, row.entityType, row.entityId, row.summary, row.ipAddress);
}

function auditRow(event: AuthAuditEvent) {
  const subject = event.userId ?? event.actor.id ?? null;
  return {
    at: event.at,
    action: event.action,
    actorId: event.actor.id ?? null,
    actorEmail: event.actor.email ?? null,
    ipAddress: event.actor.ipAddress ?? null,
    entityType: subject ? 'user' : null,
    entityId: subject,
    // Summaries are short by design: never a password, never a token.
    summary: event.summary?.slice(0, 500) ?? null,
  };
}
