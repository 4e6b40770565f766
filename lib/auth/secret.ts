// The key Better Auth signs session cookies with: BETTER_AUTH_SECRET when set, else one generated on
// first use and kept in a file beside the database, so a restart does not sign everyone out.
import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

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

export function resolveAuthSecret(databaseFile: string, source: Record<string, string | undefined> = process.env): string {
  const parsed = SecretEnvSchema.safeParse(source);
  if (!parsed.success) throw new Error(`Invalid environment: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
  if (parsed.data.BETTER_AUTH_SECRET) return parsed.data.BETTER_AUTH_SECRET;
  return readOrCreateSecretFile(secretFilePath(databaseFile));
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
