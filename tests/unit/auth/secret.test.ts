// The auth secret: BETTER_AUTH_SECRET when set and long enough, else one generated once into a
// file beside the database (mode 0600) and read back at every later start.
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resolveAuthSecret, secretFilePath } from '@/lib/auth/secret';

const dirs: string[] = [];
function databaseFile() {
  const dir = mkdtempSync(path.join(tmpdir(), 'auth-secret-'));
  dirs.push(dir);
  return path.join(dir, 'nested', 'archive.db');
}
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('resolveAuthSecret', () => {
  it('uses BETTER_AUTH_SECRET when it is at least 32 characters, and writes no file', () => {
    const db = databaseFile();
    const secret = 's'.repeat(32);
    expect(resolveAuthSecret(db, { BETTER_AUTH_SECRET: secret })).toBe(secret);
    expect(() => statSync(secretFilePath(db))).toThrow();
  });

  it('refuses a BETTER_AUTH_SECRET shorter than 32 characters', () => {
    expect(() => resolveAuthSecret(databaseFile(), { BETTER_AUTH_SECRET: 'too-short' })).toThrow(/at least 32/);
  });

  it('generates a secret once, beside the database, readable by its owner only, and reuses it', () => {
    const db = databaseFile();
    const first = resolveAuthSecret(db, { BETTER_AUTH_SECRET: '' });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(secretFilePath(db)).toBe(path.join(path.dirname(db), '.auth-secret'));
    expect(statSync(secretFilePath(db)).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(db, {})).toBe(first);
    expect(readFileSync(secretFilePath(db), 'utf8').trim()).toBe(first);
  });

  it('refuses a secret file that holds too little', () => {
    const db = databaseFile();
    resolveAuthSecret(db, {});
    writeFileSync(secretFilePath(db), 'short\n');
    expect(() => resolveAuthSecret(db, {})).toThrow(/delete it/);
  });
});
