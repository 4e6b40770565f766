// /api/v1/<anything no endpoint serves>: a JSON 404 for every method, never the site's HTML page.
// (That Next routes such addresses here is checked over HTTP in tests/e2e/hostile-input.spec.ts.)
import { describe, expect, it } from 'vitest';
import * as catchAll from '@/app/api/v1/[...path]/route';

describe('the /api/v1 catch-all', () => {
  it.each(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const)('%s answers 404 JSON naming the endpoints', async (method) => {
    const response = catchAll[method]();
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.error).toBe('not_found');
    expect(body.message).toContain('/api/v1/documents');
  });
});
