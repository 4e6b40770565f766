// The app's search (lib/data/search.ts) answers repeated requests from memory where the engine can
// tell that nothing changed (SQLite); on both engines an editor's save is searchable at once, and a
// request asked again after the save is answered anew, for the pages and as the API's JSON text.
import { afterAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { reader } from '@/lib/db/client';
import { updatePassage } from '@/lib/editorial';
import { search, searchJson } from '@/lib/data/search';
import { testEngine } from '@/tests/support/test-engine';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const INTERVIEW = 1; // the seeded interview: anchors 1-6
const ask = (q: string) => search({ q, page: 1, pageSize: 10 });
/** The same request as the search API's JSON text (kept apart from the pages' answers). */
const askApi = async (q: string) => JSON.parse(await searchJson({ q, page: 1, pageSize: 10 })) as { total: number; hits: { url: string }[] };

afterAll(() => reader().close());

describe("the app's search after a save", () => {
  it('finds the saved words and no longer finds the replaced ones, asked again with the same requests', async () => {
    expect((await ask('pangolin')).total).toBe(0);
    expect((await askApi('pangolin')).total).toBe(0);
    const replaced = await ask('"trump kim summit"');
    expect(replaced.hits.map((h) => h.anchor)).toEqual([1]);
    expect((await askApi('"trump kim summit"')).total).toBe(1);
    await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: 1, anchor: 1, text: 'Where did the pangolin go?' });
    const after = await ask('pangolin');
    expect(after.total).toBe(1);
    expect(after.hits[0]!.anchor).toBe(1);
    expect((await ask('"trump kim summit"')).total).toBe(0);
    // The API's kept text is answered anew too.
    const afterApi = await askApi('pangolin');
    expect(afterApi.total).toBe(1);
    expect(afterApi.hits[0]!.url).toMatch(/#p1$/);
    expect((await askApi('"trump kim summit"')).total).toBe(0);
  });

  it('keeps answers only where the engine stamps changes (SQLite), never on PostgreSQL', () => {
    const stamp = reader().changeStamp();
    if (testEngine() === 'sqlite') expect(stamp).toEqual(expect.any(Number));
    else expect(stamp).toBeNull();
  });
});
