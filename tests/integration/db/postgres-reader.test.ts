// PostgreSQL's reader (lib/db/postgres/reader.ts) on a real server: a connection of its pool that
// breaks while idle (an administrator ends it, the server restarts) must not end the process, as an
// 'error' event nobody hears would, and the next statement answers on a fresh connection.
import { expect, it } from 'vitest';
import { openPostgresReader } from '@/lib/db/postgres/reader';
import { throwawayPostgres } from '@/tests/support/throwaway-postgres';

const postgres = throwawayPostgres('reader');

async function until(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

it('outlives an idle connection ended from outside, and answers the next statement on a new one', async () => {
  const reader = openPostgresReader(postgres.freshDatabase(), 1);
  try {
    const [first] = await reader.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    expect(reader.pool.idleCount).toBe(1);
    postgres.server.admin(`SELECT pg_terminate_backend(${Number(first.pid)})`);
    // The pool hears that its idle connection ended and lets it go.
    await until(() => reader.pool.totalCount === 0);
    const [next] = await reader.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
    expect(Number(next.pid)).not.toBe(Number(first.pid));
  } finally {
    reader.close();
  }
});
