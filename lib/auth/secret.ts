// The key Better Auth signs session cookies with: BETTER_AUTH_SECRET when set, else one generated on
// first use and kept where every app server of the archive finds it, so a restart does not sign
// everyone out:
//  - SQLite: in a file beside the database (one machine, one file: the app servers share the disk).
//  - PostgreSQL: in the database itself, because several app servers on several machines share the
//    database and nothing else; a secret per machine would make each server refuse the others'
//    cookies. It is one row of `archive_auth_secret`, a bookkeeping table made by a migration
//    (20261202090000_bookkeeping) but not a model of the schema (prisma/schema/), which would put the secret
//    within reach of every Prisma query and of the archive's export. The first server to need it
//    writes the row inside a write transaction, which holds the writer's advisory lock, so two
//    servers starting together agree on one secret.
//    Anyone who can read the database can read the secret, as anyone who can read SQLite's folder
//    can; set BETTER_AUTH_SECRET to keep it out of the database (and out of its backups).
import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { isPostgresUrl, withWriter } from '@/lib/db';

const MIN_SECRET_LENGTH = 32;

const SecretEnvSchema = z.object({
  // An empty value (a blank line in .env) counts as unset rather than as a short secret.
  BETTER_AUTH_SECRET: z.preprocess(
    (value) => (value === '' ? undefined : value),
    z.string().min(MIN_SECRET_LENGTH, `BETTER_AUTH_SECRET must be at least ${MIN_SECRET_LENGTH} characters`).optional(),
  ),
});

export function secretFilePath(databaseFile: string): string {
  return path.join(path.dirname(databaseFile), '.auth-secret');
}

/** `target`: databaseTarget's answer, a SQLite file's path or a PostgreSQL URL. */
export function resolveAuthSecret(target: string, source: Record<string, string | undefined> = process.env): string {
  const parsed = SecretEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  if (parsed.data.BETTER_AUTH_SECRET) return parsed.data.BETTER_AUTH_SECRET;
  return isPostgresUrl(target) ? readOrCreateDatabaseSecret(target) : readOrCreateSecretFile(secretFilePath(target));
}

export const SECRET_TABLE = 'archive_auth_secret';

function readOrCreateDatabaseSecret(url: string): string {
  const secret = withWriter(url).write((db) => {
    // ON CONFLICT DO NOTHING: the row of whoever came first stays, and is the one read back.
    db.prepare(`INSERT INTO ${SECRET_TABLE} (id, secret) VALUES (1, ?) ON CONFLICT (id) DO NOTHING`).run(randomBytes(32).toString('base64url'));
    return db.prepare(`SELECT secret FROM ${SECRET_TABLE} WHERE id = 1`).pluck().get() as string;
  });
  if (secret.trim().length < MIN_SECRET_LENGTH) {
    throw new Error(`${SECRET_TABLE} must hold a secret of at least ${MIN_SECRET_LENGTH} characters; delete its row to make a new one`);
  }
  return secret.trim();
}

function readOrCreateSecretFile(file: string): string {
  const existing = readSecret(file);
  if (existing) return existing;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // "wx" fails when another process created the file first; then its secret is the one to share.
    writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const created = readSecret(file);
  if (!created) throw new Error(`${file} must hold a secret of at least ${MIN_SECRET_LENGTH} characters; delete it to make a new one`);
  return created;
}

function readSecret(file: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (text.length < MIN_SECRET_LENGTH) {
    throw new Error(`${file} must hold a secret of at least ${MIN_SECRET_LENGTH} characters; delete it to make a new one`);
  }
  return text;
}
