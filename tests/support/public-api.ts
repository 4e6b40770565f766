// What every successful answer of the public API shares, checked in one place: a 200, JSON, and
// readable from any origin (the API is open to other sites' scripts, so CORS allows every origin).
import { expect } from 'vitest';

/** The parsed JSON body of a successful public API answer, after checking status, type and CORS. */
export async function publicApiBody(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/json/);
  expect(res.headers.get('access-control-allow-origin')).toBe('*');
  return res.json();
}
