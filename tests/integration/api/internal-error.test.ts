// An API route handler that fails unexpectedly (here: a real SQL error on a broken database) answers
// the API's JSON error with the request id, logs the error with its stack, and shows the client no
// message, stack or SQL. Without the wrapper Next would answer an empty 500.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { GET as listTopicsRoute } from '@/app/api/v1/topics/route';
import { REQUEST_ID_HEADER } from '@/lib/auth/proxy-headers';
import { prisma } from '@/lib/db/client';

afterAll(() => prisma.$disconnect());

describe('an unexpected error in an API route handler', () => {
  it('answers 500 JSON internal_error with the request id, and logs the error', async () => {
    // Break this file's own database copy so the handler's query fails inside SQLite.
    await prisma.$executeRawUnsafe('ALTER TABLE "Topic" RENAME TO "TopicGone"');
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      written.push(String(chunk));
      return true;
    });
    let response: Response;
    try {
      response = await listTopicsRoute(new Request('http://localhost/api/v1/topics', { headers: { [REQUEST_ID_HEADER]: 'req-123' } }));
    } finally {
      spy.mockRestore();
    }

    expect(response.status).toBe(500);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: 'internal_error', message: expect.stringContaining('req-123'), requestId: 'req-123' });
    expect(text).not.toMatch(/Topic|SQL|no such table|at /i);

    const logged = written.map((line) => JSON.parse(line));
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 'error', requestId: 'req-123', method: 'GET', path: '/api/v1/topics', routeType: 'route' });
    expect(logged[0].stack).toEqual(expect.any(String));
  });
});
