// Resumption tokens (OAI-PMH 2.0, section 3.5): the list request (verb, format, set, from, until)
// and the identifier the next page starts after, as base64url JSON with a SHA-256 check. Paging by
// position in identifier order, not by offset, so a record saved between two pages is neither
// skipped nor repeated. Tokens do not expire (no expirationDate): the next page can always be
// computed again. The check catches a token cut short or altered by accident; it is not a secret,
// and needs none: every field is validated again, so an edited token can only ask for what a
// plain request could.
import 'server-only';
import { createHash } from 'node:crypto';
import { z } from 'zod';

export interface ListQuery {
  verb: 'ListIdentifiers' | 'ListRecords';
  metadataPrefix: string;
  set?: string;
  from?: string;
  until?: string;
}

export interface ResumptionState extends ListQuery {
  /** The last identifier's slug on the previous page. */
  after: string;
}

const stateSchema = z.strictObject({
  v: z.literal(1),
  verb: z.enum(['ListIdentifiers', 'ListRecords']),
  metadataPrefix: z.string().min(1).max(200),
  set: z.string().min(1).max(500).optional(),
  from: z.string().min(1).max(40).optional(),
  until: z.string().min(1).max(40).optional(),
  after: z.string().min(1).max(500),
});

const check = (payload: string) => createHash('sha256').update(`oai-resumption:${payload}`).digest('base64url').slice(0, 16);

export function encodeToken(state: ResumptionState): string {
  const payload = Buffer.from(JSON.stringify({ v: 1, ...state })).toString('base64url');
  return `${payload}.${check(payload)}`;
}

/** The state a token holds, or null for anything this repository did not issue. */
export function decodeToken(token: string): ResumptionState | null {
  const match = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{16})$/.exec(token);
  if (!match || check(match[1]) !== match[2]) return null;
  try {
    const parsed = stateSchema.safeParse(JSON.parse(Buffer.from(match[1], 'base64url').toString('utf8')));
    if (!parsed.success) return null;
    const { v: _version, ...state } = parsed.data;
    return state;
  } catch {
    return null;
  }
}
