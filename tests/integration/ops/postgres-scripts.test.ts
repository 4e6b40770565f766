// The command-line scripts with DATABASE_URL naming a PostgreSQL server: each migrates an empty
// database itself and writes through the PostgreSQL writer. `admin:create` and `import`
// run as the real commands (child processes); `search:index`, whose ranking lists are SQLite's, says so and
// succeeds. Results are read back through Prisma's PostgreSQL client.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closeWriters, createPrismaClient } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { runScript } from '@/tests/support/run-script';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const postgres = throwawayPostgres('scripts');
const clients: PrismaClient[] = [];

const freshDatabase = () => postgres.freshDatabase();

const script = (name: string, args: string[], env: Record<string, string>) => runScript(name, args, env, { timeoutMs: 120_000 });

function prismaAt(url: string): PrismaClient {
  const prisma = createPrismaClient(url);
  clients.push(prisma);
  return prisma;
}

afterAll(async () => {
  closeWriters();
  await Promise.all(clients.map((c) => c.$disconnect()));
});

describe('scripts on PostgreSQL', () => {
  it('admin:create migrates an empty database and creates the admin there', async () => {
    const url = freshDatabase();
    const run = script('admin-create', ['--email', 'chief@example.org', '--name', 'Chief'], { DATABASE_URL: url, ADMIN_PASSWORD: 'a password for tests' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const user = await prismaAt(url).user.findUniqueOrThrow({ where: { email: 'chief@example.org' } });
    expect(user).toMatchObject({ name: 'Chief', role: 'admin' });
  }, 120_000);

  it('import saves a transcript as a draft', async () => {
    const url = freshDatabase();
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'pg-import-')), 'markets.txt');
    writeFileSync(
      file,
      '---\ntitle: A Conversation About Markets\ndate: 2019-05\nspeakers: { AB: Ann Bell, CD: Chol Do }\ninterviewer: Ann Bell\n---\nAB: When?\n\nCD: In the nineties.\n',
    );
    const run = script('import', [file], { DATABASE_URL: url });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Saved as draft /documents/a-conversation-about-markets');
    const document = await prismaAt(url).document.findUniqueOrThrow({ where: { slug: 'a-conversation-about-markets' }, include: { passages: true } });
    expect(document.status).toBe('draft');
    expect(document.passages.map((p) => p.text)).toEqual(['When?', 'In the nineties.']);
  }, 120_000);

  it('search:index says its lists are SQLite-only and succeeds', () => {
    const run = script('search-index', [], { DATABASE_URL: freshDatabase() });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('SQLite-only');
  }, 120_000);
});
