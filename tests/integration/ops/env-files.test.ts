// The command-line scripts read .env files as `next` does: a DATABASE_URL set only in .env must be the
// database `npm run db:migrate` migrates, not the default one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_SIDE_HOOK } from '@/scripts/node-args';

const root = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(root, 'node_modules/.bin/tsx');

describe('scripts load .env files', () => {
  it('db:migrate migrates the database named in .env of the working directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'archive-env-'));
    // The migrations are read from ./prisma/migrations of the working directory.
    symlinkSync(path.join(root, 'prisma'), path.join(dir, 'prisma'));
    writeFileSync(path.join(dir, '.env'), 'DATABASE_URL=file:./from-dotenv.db\n');
    const childEnv = { ...process.env };
    delete childEnv.DATABASE_URL;
    const run = spawnSync(tsx, ['--tsconfig', path.join(root, 'tsconfig.json'), '--import', SERVER_SIDE_HOOK, path.join(root, 'scripts/migrate.ts')], {
      cwd: dir,
      env: childEnv,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('from-dotenv.db');
    expect(existsSync(path.join(dir, 'from-dotenv.db'))).toBe(true);
    expect(existsSync(path.join(dir, 'data/archive.db'))).toBe(false);
  });
});
